-- spindle.sources.clause — the attributions written in one sentence, with no
-- carrying between sentences: the subject of a speech, characterisation or
-- denial verb ("Jane Doe, the minister, said"), an inverted speaker ('said
-- a senior official'), a passive agent ("was first reported by
-- Kommersant"), "according to X", "X quoted Y as saying", participles that
-- continue a clause (", saying"), markers with no verb, and anonymity that
-- overrides them. Source phrases are sources or nothing (tidy_source).
-- Part of spindle.sources.

local source_words = require "spindle.sources.words"
local
  AUXILIARIES, CONJUNCTIONS, DETERMINERS, NOT_NAMES, NOT_SAID, OPENING_PREPOSITIONS,
  PASSIVE_ADVERBS, PREPOSITIONS, PRONOUNS, TO_LISTENERS, TRAILING, UNNAMED_VERBS, has,
  lexicons, set_of =
  source_words.AUXILIARIES, source_words.CONJUNCTIONS, source_words.DETERMINERS,
  source_words.NOT_NAMES, source_words.NOT_SAID, source_words.OPENING_PREPOSITIONS,
  source_words.PASSIVE_ADVERBS, source_words.PREPOSITIONS, source_words.PRONOUNS,
  source_words.TO_LISTENERS, source_words.TRAILING, source_words.UNNAMED_VERBS,
  source_words.has, source_words.lexicons, source_words.set_of
local source_phrase = require "spindle.sources.phrase"
local
  DETERMINER_COUNTS, classify, is_capitalised, lexicon_word, name_words, plural_word,
  split, wire_in =
  source_phrase.DETERMINER_COUNTS, source_phrase.classify, source_phrase.is_capitalised,
  source_phrase.lexicon_word, source_phrase.name_words, source_phrase.plural_word,
  source_phrase.split, source_phrase.wire_in

-------------------------------------------------------------------------------
-- Finding attributions in one sentence (no carrying)
-------------------------------------------------------------------------------

-- Where a subject phrase cannot reach back past: quotation marks, semicolon,
-- colon, brackets, em dash. Literal strings (the curly marks are several
-- bytes, so a byte class would also cut inside "’" or "é").
local CLAUSE_CUTS = { "\"", "\226\128\156", "\226\128\157", ";", ":", "(", ")",
                      "\226\128\148", " - " }

-- Byte position of the end of the last clause cut in `text`, or 0.
local function last_cut(text)
  local cut = 0
  for _, mark in ipairs(CLAUSE_CUTS) do
    local init = 1
    while true do
      local a, b = text:find(mark, init, true)
      if not a then break end
      if b > cut then cut = b end
      init = b + 1
    end
  end
  return cut
end

-- The last word (lower case, no punctuation) of `text`, and the one before.
local function last_two_words(text)
  local words, i = {}, #text
  while #words < 2 and i > 0 do
    -- skip spaces and commas, then take the run of word bytes before them
    while i > 0 do
      local b = text:byte(i)
      if b == 32 or b == 44 or b == 10 or b == 9 then i = i - 1 else break end
    end
    local j = i
    while i > 0 do
      local b = text:byte(i)
      if b == 32 or b == 44 or b == 10 or b == 9 or b == 34 or b == 40 or b == 41
         or b == 59 or b == 58 then
        break
      end
      i = i - 1
    end
    if j == i then break end
    words[#words + 1] = text:sub(i + 1, j):lower()
    if i > 0 then
      local b = text:byte(i)
      if b ~= 32 and b ~= 44 and b ~= 10 and b ~= 9 then break end
    end
  end
  return words[1], words[2]
end

-- Whether the segment opens an appositive or relative clause after a name:
-- "Jane Doe, [the foreign minister,] said", "[chairman of Acme,]".
local APPOSITIVE_ADVERBS = { now = true, ["then"] = true, also = true, formerly = true,
                             currently = true, once = true, still = true, himself = true,
                             herself = true, itself = true, previously = true }
local function opens_appositive(seg)
  local s = seg:gsub("^%s+", "")
  local adverb = s:match("^(%a+)%s")
  if adverb and APPOSITIVE_ADVERBS[adverb:lower()] then
    s = s:gsub("^%a+%s+", "")                          -- "Ed Balls, now a hopeful, said"
  end
  if s:find("^of%s") or s:find("^from%s") or s:find("^at%s") then
    return true                                        -- "Andrew Beh, of brokers ING, said"
  end
  if s:find("^who%s") or s:find("^which%s") or s:find("^the%s") or s:find("^an?%s")
     or s:find("^%u") then
    return true
  end
  if s:find("^%d+,?%s*$") then return true end        -- "Mr Jackson, 46, denies"
  local w = s:match("^([%a%-]+)")
  if w and (w:find("^%l+ed$") or w:find("^%l+ing$") or w == "known" or w == "aged"
            or w == "whose") then
    return true                                        -- "The men, elected to ..., deny"
  end
  return w ~= nil and (has(lexicons.official_titles, w:lower())
    or has(lexicons.experts, w:lower()) or has(lexicons.unnamed_officials, w:lower())
    or w:lower() == "co-author" or w:lower() == "author")
end

-- Words that open a clause rather than a source phrase, dropped from its
-- front: "But officials" -> "officials", "which Boeing" -> "Boeing".
local CLAUSE_OPENERS = {}
for w in ([[but and while whilst although though whereas as which who that so
  yet now then meanwhile however also because since if when where plus nor or
  even still instead]]):gmatch("%a+") do
  CLAUSE_OPENERS[w] = true
end

-- Words a time phrase is made of ("earlier this week", "on Monday").
local TIME_WORDS = {}
for w in ([[earlier later this last next past coming week weeks month months
  year years day days today yesterday tomorrow tonight ago recently morning
  afternoon evening night weekend previously on in at the a an of
  monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december
  spring summer autumn winter early late mid]]):gmatch("%a+") do
  TIME_WORDS[w] = true
end

-- Auxiliaries and modals: a phrase holding one (not inside a relative
-- clause, "people who have seen the plans") is a clause, not a source.
local CLAUSE_VERBS = {}
for w in ([[is are was were be been am has have had will would could can may
  might should must do does did shall]]):gmatch("%a+") do
  CLAUSE_VERBS[w] = true
end

-- Words a source phrase never starts with: prepositions.
local NOT_SUBJECT_START = {}
for w in ([[of at in on to from for with by about into over under than like
  against between without within upon during after before amid despite
  following part]]):gmatch("%a+") do
  NOT_SUBJECT_START[w] = true
end

-- A source phrase as a source or nothing: `phrase` at 0-based offset `at`
-- with clause openers dropped from its front, or nil when what is left is
-- a time phrase, a prepositional phrase, a gerund clause, a clause with a
-- finite verb or a sum of money -- the fragments a clause parse leaves when
-- the real subject lies elsewhere.
local function tidy_source(phrase, at)
  if not phrase then return nil end
  while true do
    local lead, w = phrase:match("^(%s*([%a']+)[%s,]+)%S")
    if not (w and CLAUSE_OPENERS[w:lower()]) then break end
    phrase, at = phrase:sub(#lead + 1), at + #lead
  end
  local words, lower_case, all_time = {}, {}, true
  for w in phrase:gmatch("[%w\128-\255][%w\128-\255'%-%.]*") do
    local lw = w:lower():gsub("%.$", "")
    words[#words + 1] = lw
    lower_case[#words] = w:find("^%l") ~= nil
    if not TIME_WORDS[lw] and not lw:find("^%d+$") then all_time = false end
  end
  if #words == 0 or all_time then return nil end
  if NOT_SUBJECT_START[words[1]] then return nil end
  if #words > 1 and (words[1] == "it" or words[1] == "he" or words[1] == "she"
                     or words[1] == "they" or words[1] == "we" or words[1] == "i") then
    return nil                                   -- "it got the hint from ..."
  end
  if words[1]:find("^%l+ing$") and phrase:find("^%s*%l") then return nil end
  local relative = false
  for i, lw in ipairs(words) do
    if lw == "who" or lw == "that" or lw == "which" or lw == "whose" then relative = true end
    if i > 1 and CLAUSE_VERBS[lw] and lower_case[i] and not relative then return nil end
  end
  -- "the $27bn Russia": what follows the last sum of money, if anything
  local money_end
  for _, pat in ipairs({ "[%$\194\226][\128-\191]*%s*%d[%d,%.]*%a*", "%d[%d,%.]*%s*[mb]n?%f[%A]" }) do
    local init = 1
    while true do
      local a, b = phrase:find(pat, init)
      if not a then break end
      if not money_end or b > money_end then money_end = b end
      init = b + 1
    end
  end
  if money_end then
    local rest = phrase:sub(money_end + 1)
    local lead = #rest:match("^%s*")
    if not rest:find("%u") then return nil end
    return tidy_source(rest:sub(lead + 1), at + money_end + lead)
  end
  return phrase, at
end

-- The subject phrase before a verb at relative position `pos` (1-based, the
-- verb's first byte) of sentence text `text`: the last clause before it, with
-- an appositive kept ("Jane Doe, the minister, said").
local subject_before
function subject_before(text, pos)
  local before = text:sub(1, pos - 1)
  -- a closed parenthesis is part of the phrase ("the Asian Development
  -- Bank (ADB) said"): blank it out, keeping offsets, before looking for
  -- clause cuts
  local cut = last_cut(before:find("(", 1, true)
                       and before:gsub("%b()", function(p) return ("x"):rep(#p) end)
                       or before)
  local clause = before:sub(cut + 1)
  local offset = cut
  -- "EADS - Airbus' majority owner - admitted": a dash-bounded appositive
  -- right before the verb; the subject stands before the opening dash
  if not clause:find("[%w\128-\255]") then
    local dash = before:sub(cut - 2, cut) == " - " and " - "
                 or before:sub(cut - 2, cut) == "\226\128\148" and "\226\128\148"
    if dash then
      local open
      local init = 1
      while true do
        local a = before:find(dash, init, true)
        if not a or a >= cut - #dash + 1 then break end
        open, init = a, a + 1
      end
      if open then return subject_before(text, open) end
    end
  end
  -- split at commas; keep "X, appositive," together
  local segs = {}
  local p = 1
  while true do
    local a = clause:find(",", p, true)
    if not a then
      segs[#segs + 1] = { p, #clause }
      break
    end
    segs[#segs + 1] = { p, a }
    p = a + 1
  end
  local last = segs[#segs]
  local first = last
  local function blank(seg)
    -- no word, or only adverbs: "Jane Doe, the chief executive, recently told"
    for w in clause:sub(seg[1], seg[2]):gmatch("[%w\128-\255][%w\128-\255'%-]*") do
      if not TRAILING[w] and not (w:find("^%l+ly$") and w ~= "only") then return false end
    end
    return true
  end
  if blank(last) then
    -- the verb follows a comma: "X, said" -- its subject is the segment
    -- before, together with the noun before that when the segment is an
    -- appositive or relative clause ("Jane Doe, the foreign minister, said",
    -- "An official, who declined to be named, said")
    if #segs < 2 then return nil end
    first = segs[#segs - 1]
    local middle = clause:sub(first[1], first[2])
    if opens_appositive(middle) and #segs >= 3 and not blank(segs[#segs - 2]) then
      first = segs[#segs - 2]
    end
  end
  local s, e = first[1], last[2]
  local phrase = clause:sub(s, e)
  -- "Officials, who ..., said" and "who said": the relative pronoun's antecedent
  if phrase:lower():find("^%s*who%s*$") and #segs >= 2 then
    local prev = segs[#segs - 1]
    s, phrase = prev[1], clause:sub(prev[1], e)
  end
  -- the subject starts after a conjunction or at a pronoun inside the
  -- clause: "His efforts failed after he revealed" -> "he", "Blair
  -- dismissed reports he told" -> "he" (not inside an appositive: "Jane
  -- Doe, speaking as talks ended, said")
  if first == last then
    local cut_at
    local n = 0
    local noun_phrase = true     -- every word so far could be part of a subject
    local speech_verbs = set_of(lexicons.speech_verbs).set
    for wpos, w in phrase:gmatch("()([%a']+)") do
      n = n + 1
      local lw = w:lower()
      if n > 1 and CONJUNCTIONS[lw] and not (lw == "and" and noun_phrase) then
        cut_at = wpos + #w       -- (not "President Putin and the authorities")
      end
      local next_word = phrase:sub(wpos + #w):match("^%s+(%a+)")
      if n > 1 and speech_verbs[lw]
         and not (lw:find("ed$") and next_word and PREPOSITIONS[next_word:lower()]) then
        -- "Tory sources say senior figures had argued": the second verb is
        -- what the first speaker reports, not a source of the article
        return false
      end
      noun_phrase = noun_phrase and (is_capitalised(w) or DETERMINERS[lw] ~= nil
        or lexicon_word(lw) or lw:find("'s$") ~= nil or lw == "and")
      if n > 1 and PRONOUNS[lw] and lw ~= "who" and lw ~= "which" and lw ~= "it"
         and lw ~= "i" then
        cut_at = wpos
      end
    end
    if cut_at and phrase:sub(cut_at):find("%a") then
      local skip = #phrase:sub(cut_at):match("^%s*")
      s = s + cut_at - 1 + skip
      phrase = phrase:sub(cut_at + skip)
    end
  end
  -- keep the last 10 words at most, without trailing adverbs (the words
  -- and where each starts, in two arrays)
  local words, at, nw = {}, {}, 0
  for a, w in phrase:gmatch("()(%S+)") do
    nw = nw + 1
    words[nw], at[nw] = w, a
  end
  while nw > 0 do
    local lw = words[nw]:gsub("%p+$", "")
    if TRAILING[lw] or (lw:find("^%l+ly$") and lw ~= "only") then
      nw = nw - 1
    else
      break
    end
  end
  if nw == 0 then return nil end
  -- at most 10 words, or 18 with an appositive ("Bennett, an inspirational
  -- fly-half for Llanelli and Wales in the 1970s, insisted")
  local from_i = math.max(1, nw - (first ~= last and 17 or 9))
  -- "At a press conference on Thursday Intel": after an opening
  -- prepositional phrase the subject is the last noun phrase
  if nw > 3 and OPENING_PREPOSITIONS[words[from_i]:lower()] then
    local at_i
    -- the subject stands before its appositive ("On Tuesday Mitsubishi, the
    -- only carmaker in the red, confirmed"): look no further than the comma
    local limit = nw
    for i = from_i, nw do
      if words[i]:find(",$") then limit = i break end
    end
    for i = limit, from_i + 1, -1 do
      local lw = words[i]:lower()
      if lw == "the" or lw == "a" or lw == "an" then at_i = i break end
      if is_capitalised(words[i]) and (not is_capitalised(words[i - 1])
                                       or NOT_NAMES[words[i - 1]:lower():gsub("%p+$", "")]) then
        at_i = i
        break
      end
    end
    if at_i then from_i = at_i end
  end
  local from = at[from_i]
  local lastw = words[nw]
  local to = at[nw] + #(lastw:gsub("[,%s]+$", "")) - 1
  local subject = phrase:sub(from, to)
  if not subject:find("[%w\128-\255]") then return nil end
  return subject, offset + s - 1 + from - 1
end

-- The source phrase after a position: "said a senior official, who...".
local function phrase_after(text, pos, max_words)
  local rest = text:sub(pos)
  local stop = rest:find("[%.,;:%?!\"%(%)]") or #rest + 1
  -- a full stop inside an abbreviation or initial does not end it ("Mr.", "U.S.")
  while stop <= #rest and rest:sub(stop, stop) == "." and rest:sub(stop + 1, stop + 1):find("%S") do
    stop = rest:find("[%.,;:%?!\"%(%)]", stop + 1) or #rest + 1
  end
  for _, mark in ipairs(CLAUSE_CUTS) do
    local a = rest:find(mark, 1, true)
    if a and a < stop then stop = a end
  end
  local that = rest:find("%sthat%s")
  if that and that < stop then stop = that end
  local phrase = rest:sub(1, stop - 1)
  local lead = #phrase:match("^%s*")
  phrase = phrase:sub(lead + 1):gsub("%s+$", "")
  local n, cut = 0, #phrase
  for a, w in phrase:gmatch("()(%S+)") do
    n = n + 1
    if n > (max_words or 10) then cut = a - 2 break end
  end
  phrase = phrase:sub(1, cut)
  if phrase == "" then return nil end
  return phrase, pos - 1 + lead
end

-- "(Reuters)", "-- AFP", "— PTI": an agency name set off as a credit. A
-- bare agency name in running text ("told Reuters") is not an attribution.
local function is_credit(body, start, stop)
  local pre = body:sub(math.max(1, start - 3), start)
  local post = body:sub(stop + 1, stop + 3)
  return (pre:find("%(%s*$") and post:find("^%s*%)")) ~= nil
      or (pre:find("%-%s*$") ~= nil and not pre:find("%w%-$"))
      or pre:find("\226\128[\147\148]%s*$") ~= nil
end

local function new_attr(sentence, rel_start, rel_stop, verb, source, type_, named)
  local doc = sentence.doc
  local start = sentence.start + rel_start
  local a = {
    start = start, stop = sentence.start + rel_stop,
    verb = verb, source = source, type = type_, named = named or false,
    quoted = doc:in_quote(start), carried = false, denial = false, credit = false,
  }
  a.text = doc.body:sub(a.start + 1, a.stop)
  return a
end

local function overlaps_any(list, start, stop)
  for _, a in ipairs(list) do
    if start < a.stop and stop > a.start then return true end
  end
  return false
end

-- What follows a denial verb when it denies a claim: a clause ("denied
-- that", "denies plying", "denied it"), or a claim word within three words
-- ("dismissed the reports", "rejected all the allegations"); not "denied
-- him the chance", "dismissed the manager", "denied bail". Lua patterns
-- have no alternation: the words are checked one by one.
local DENIED_OBJECTS = { "reports?", "claims?", "allegations?", "accusations?",
                         "suggestions?", "speculation", "rumou?rs?", "charges?",
                         "criticism", "stories", "story", "idea", "wrongdoing",
                         "involvement", "responsibility", "knowledge", "links?",
                         "assertions?", "notion", "account" }
local DENIED_CLAUSE = { "that", "it", "this", "everything", "any", "all", "being",
                        "having", "he", "she", "they", "there", "we", "i", "its",
                        "his", "her", "their" }
local function denies_object(after, verb)
  local head = after:sub(1, 48):lower()
  head = head:gsub("^%s+%l+ly%f[%A]", "")           -- "denied strongly that"
  if verb:find("^den") then
    if head:find("^%s*[%.,;:!?\"]") or head:find("^%s*$") then return true end  -- "..., he denied."
    if head:find("^%s+%l+ing%f[%A]") then return true end                          -- "denies plying"
    for _, o in ipairs(DENIED_CLAUSE) do
      if head:find("^%s+" .. o .. "%f[%A]") then return true end
    end
  end
  for _, o in ipairs(DENIED_OBJECTS) do
    if head:find("^%s+" .. o .. "%f[%A]") or head:find("^%s+%a+%s+" .. o .. "%f[%A]")
       or head:find("^%s+%a+%s+%a+%s+" .. o .. "%f[%A]") then
      return true
    end
  end
  return false
end

-- Verbs that in the passive are not speech: "rejected by the university",
-- "called by his friends" -- unless what they govern is a claim.
local NOT_PASSIVE_SPEECH = { rejected = true, dismissed = true, called = true,
                             termed = true, described = true, posted = true,
                             informed = true, briefed = true, observed = true,
                             branded = true, labelled = true, labeled = true,
                             portrayed = true, painted = true, characterised = true,
                             characterized = true }

-- Whether the subject of a passive denial is a claim: "The claims were
-- denied by ...".
local function claim_before(before)
  local tail = before:sub(-60):lower()
  for _, o in ipairs(DENIED_OBJECTS) do
    if tail:find("%f[%a]" .. o .. "%s+%a+%s*%a*%s*$") then return true end
  end
  return false
end

-- Verbs whose subject may follow them ('"...," said a senior official',
-- "..., too, says BT"); other verbs take an object there ("Mitsubishi
-- confirmed earlier reports").
local INVERTIBLE = {}
for w in ([[said says say added adds wrote writes noted notes explained explains
  insisted insists warned warns argued argues claimed claims stated states
  continued continues replied responded commented observed admitted admits
  reported reports suggested suggests announced announces told tells
  stressed emphasised emphasized cautioned concluded remarked recalled
  predicted predicts believes believe estimated estimates]]):gmatch("%a+") do
  INVERTIBLE[w] = true
end

-- Verbs that assert a negative as a denial: "insisted that no ... had".
local ASSERTING_VERBS = { insisted = true, insists = true, insist = true, maintained = true,
                          maintains = true, maintain = true }

-- Verbs that are more often nouns, and the words that show them used as
-- verbs when they follow.
local NOUNISH = { claim = true, claims = true, estimate = true, estimates = true,
                  forecast = true, notes = true, states = true, believe = true,
                  called = true, termed = true, described = true, describes = true }
local OBJECT_STARTS = {}
for w in ([[that the a an he she it they we i you his her its their our there
  this these those some many most him them us me]]):gmatch("%a+") do
  OBJECT_STARTS[w] = true
end

-- The attribution a speech verb at match m makes in `sentence`, or nil.
-- `out` holds the sentence's attributions so far (for "X said and added").
local function verb_attribution(sentence, m, out)
  local text, base = sentence.text, sentence.start
  local rel = m.start - base              -- 0-based offset in text
  local rel_stop = m.stop - base
  local before = text:sub(1, rel)
  local after = text:sub(rel_stop + 1, rel_stop + 40)
  local verb = m.verb
  local lverb = verb:lower()
  local w1, w2 = last_two_words(before)
  if w1 and (DETERMINERS[w1] or NOT_SAID[w1] or w1:find("n't$") or w1:find("n\226\128\153t$")) then
    return nil
  end
  if before:sub(-3) == "so-" then return nil end                         -- "so-called"
  if w1 and (OPENING_PREPOSITIONS[w1] or PREPOSITIONS[w1]) and lverb:find("ed$")
     and not after:find("^%s+by%s") and not after:find("^%s+that%s") then
    return nil                            -- "despite reported interest from ..."
  end
  if w1 == "nor" or (w1 == "or" and (before:find("%f[%a]to%s+%a+%s+or%s*$")
                                     or before:find("n[o']t%s+%a+%s+or%s*$"))) then
    return nil                            -- "to confirm or deny", "neither confirm nor deny"
  end
  if w1 and (w1:find("'s$") or w1:find("\226\128\153s$")) then return nil end -- "Blair's reported plan"
  if lverb:find("ed$") and w2 and (DETERMINERS[w2] or DETERMINER_COUNTS[w2] or w2 == "people")
     and after:find("^%s+%l+") and PREPOSITIONS[(after:match("^%s+(%l+)"))] then
    return nil                            -- "a person briefed on the talks said"
  end
  if (lverb == "added" or lverb == "adds") and after:find("^%s+[%d$\194\226]") then
    return nil                            -- "shares added 1.7%"
  end
  if lverb == "added" and after:find("^%s+%l") and not after:find("^%s+that%s")
     and not after:find("^%s+%l+ly[%s,]") and not after:find("^%s+[hst]he[ym]?%f[%A]")
     and not after:find("^%s+it%f[%A]") then
    return nil                            -- "receive added support", "added costs"
  end
  if lverb == "called" and after:find("^%s+%u") then return nil end   -- "a firm called Acme"
  if NOUNISH[lverb] then
    -- "claims", "estimates", "states" are more often nouns: a verb only
    -- before a clause or an object ("ministers claim the bill will ...")
    local nw = after:match("^%s+([%a']+)")
    nw = nw and nw:lower()
    if not nw or not (OBJECT_STARTS[nw] or lverb == "called" and (nw == "on" or nw == "for")) then
      return nil
    end
    if not w1 or PREPOSITIONS[w1] or w1:find("ed$") or w1:find("ing$") then return nil end
    -- the word before must end a subject: a name, a pronoun, a plural or a
    -- lexicon noun ("Labour claims", "ministers claim", "the firm claims");
    -- not an adjective ("its central claim that")
    local b1 = before:match("([%w'\226\128\153%-]+)[%s,]*$") or ""
    if not (is_capitalised(b1) or PRONOUNS[w1] or plural_word(w1) or lexicon_word(w1)) then
      return nil
    end
  end
  local to = after:match("^%s+to%s+(%a+)")
  if to and not lverb:find("^told") and not TO_LISTENERS[to:lower()] then
    return nil                            -- "is said to", "a deal reported to be"
  end
  local passive = w1 and (AUXILIARIES[w1] or (PASSIVE_ADVERBS[w1] or w1:find("ly$"))
                          and w2 and AUXILIARIES[w2])
  if not passive and after:find("^%s+by%s") and lverb:find("ed$") then
    passive = true                        -- "proposals announced by the minister"
  end
  if (lverb == "quoted" or lverb == "cited") and not passive then
    -- "Reuters quoted a central bank official as saying": the speaker is
    -- the one quoted; the outlet only carries the words
    local quoted, upto = text:sub(rel_stop + 1, rel_stop + 120):match("^%s+(.-)()%s+as%s+say")
    quoted = tidy_source(quoted, 0)
    if quoted and not quoted:find("[,;:\"]") then
      local t, named = classify(quoted)
      if t ~= "pronoun" then
        local a = new_attr(sentence, rel, rel_stop + upto - 1, verb, quoted, t, named)
        a.outlet = subject_before(text, rel + 1) or nil
        return a
      end
    end
  end
  if passive and (lverb == "reported" or lverb == "quoted") and after:find("^%s+as%s+say")
     and not after:find("^%s+as%s+saying%s+by%s") then
    -- "The minister is reported as saying", "has been quoted as saying":
    -- words the article did not hear, from a report it does not name
    local subject, sat = subject_before(text, rel + 1)
    subject, sat = tidy_source(subject or nil, sat or 0)
    local say_end = rel_stop + #after:match("^(%s+as%s+%a+)")
    local a = new_attr(sentence, sat and math.min(sat, rel) or rel, say_end, verb .. " as saying",
                       subject or "unnamed report", "media", false)
    a.hearsay = true
    return a
  end
  local phrase, at, coordinated
  if UNNAMED_VERBS[lverb] and after:find("^%s+from%s") then
    -- "the BBC has learned from the minister": the minister is the source
    local from = after:match("^%s+from%s+()")
    phrase, at = phrase_after(text, rel_stop + from, 8)
    if phrase then
      local t, named = classify(phrase)
      return new_attr(sentence, rel, at + #phrase, verb, phrase, t, named)
    end
  end
  if passive and NOT_PASSIVE_SPEECH[lverb] and not claim_before(before) then
    return nil                            -- "a young man rejected by the university"
  end
  if passive then
    -- "was first reported by Kommersant": the agent is the source
    local by = after:match("^%s+by%s+()")
    if by then
      phrase, at = phrase_after(text, rel_stop + by, 8)
      -- "reported by Reuters to have won": the agent ends before "to"
      local cut = phrase and (phrase:find("%s+to%s") or phrase:find("%s+as%s"))
      if cut then phrase = phrase:sub(1, cut - 1) end
      phrase, at = tidy_source(phrase, at)
    end
    if not phrase then return nil end
  elseif w1 == "and" or w1 == "but" then
    -- "Officials called the reports fabricated and said ...": the
    -- subject of the first verb
    local prev = out[#out]
    if prev and prev.verb ~= "according to" then coordinated = prev end
  else
    phrase, at = subject_before(text, rel + 1)
    if phrase == false then return nil end   -- reported speech inside reported speech
    phrase, at = tidy_source(phrase, at)
    local inverted = before:find(",%s*$") ~= nil or before:find(",%s*too%s*$") ~= nil
    if (not phrase or inverted or classify(phrase, verb) == "other") and INVERTIBLE[lverb] then
      -- inversion: '"...," said a senior official.' or "..., said Mr
      -- Dobrow." -- a short phrase after the verb that ends the clause
      local ap, aat = tidy_source(phrase_after(text, rel_stop + 1, 8))
      if ap then
        local rest = text:sub(aat + #ap + 1)
        -- "said Justin Green, spokesman for MCD Promoters.": the
        -- appositive to the end of the clause belongs to the speaker
        local comma, appos = rest:match("^(,%s*)([^,;:%.!?\"]+)")
        if appos then
          local after_appos = rest:sub(#comma + #appos + 1)
          if name_words(ap) and opens_appositive(appos) and select(2, appos:gsub("%S+", "")) <= 10
             and (after_appos == "" or after_appos:find("^%s*[%.;!?\"]")
                  or after_appos:find("^%s*\226\128\157")) then
            ap = ap .. comma .. appos:gsub("%s+$", "")
            rest = text:sub(aat + #ap + 1)
          end
        end
        local ends = rest == "" or rest:find("^%s*[%.,;!?\"]") or rest:find("^%s*\226\128\157")
        local opens = before:find(",%s*$") or before:find("\"%s*$")
                      or before:find("\226\128\157%s*$") or before:find(",%s*too%s*$")
        local first = ap:match("^(%a+)")
        local t, named = classify(ap, verb)
        local pt, pnamed
        if phrase then pt, pnamed = classify(phrase, verb) end
        if not (first and PREPOSITIONS[first:lower()])
           and (not phrase
                or (ends and opens and t ~= "other" and not lverb:find("^tel") and not lverb:find("^told")
                    and (pt == "other" or named and t ~= "pronoun" and not pnamed))) then
          -- ", said Junya Tanase of JPMorgan": a named speaker after the
          -- verb wins over the noun before the comma
          phrase, at = ap, aat
        end
      end
    end
  end
  local a
  if coordinated then
    a = new_attr(sentence, rel, rel_stop, verb, coordinated.source,
                 coordinated.type, coordinated.named)
  elseif phrase then
    local cverb = verb
    if lverb:find("^report") and not passive and at < rel
       and not after:find("^%s*[%.,;:!?\"]") and not after:find("^%s*$")
       and not after:find("^%s+that%s") and not after:find("^%s+on%s") then
      cverb = nil                         -- "Nike reported a profit": its own figure
    end
    local t, named = classify(phrase, cverb)
    local s = math.min(at, rel)
    local e = math.max(at + #phrase, rel_stop)
    a = new_attr(sentence, s, e, verb, phrase, t, named)
  end
  if a then
    a.denial = has(lexicons.denial_verbs, lverb)
      and (denies_object(text:sub(rel_stop + 1), lverb)
           or passive and claim_before(before))   -- "the claims were denied by"
    if not a.denial and ASSERTING_VERBS[lverb] then
      -- "insiders insisted that no bribes had been paid": an assertion of a negative
      local clause = text:sub(rel_stop + 1):match("^%s+that%s+([^;:]*)") or ""
      a.denial = clause:find("%f[%a]no%f[%A]") ~= nil or clause:find("%f[%a]not%f[%A]") ~= nil
                 or clause:find("%f[%a]never%f[%A]") ~= nil or clause:find("%f[%a]nothing%f[%A]") ~= nil
                 or clause:find("n't%f[%A]") ~= nil or clause:find("n\226\128\153t%f[%A]") ~= nil
    end
  end
  return a
end


-- The subject that opens a sentence, when it is a person or body:
-- "The minister arrived in Delhi" -> "The minister". The leading run of
-- words that are capitalised or lexicon words (titles, institutions,
-- officials), at most six.
local function opening_subject(p)
  local words = {}
  for w in p.text:gmatch("[^%s]+") do
    local possessive = w:find("'s$") or w:find("\226\128\153s$")
    local bare = w:gsub("[%p]+$", ""):gsub("'s$", ""):gsub("\226\128\153s$", "")
    local lw = bare:lower()
    local fits = is_capitalised(bare) or lw == "the" or lw == "a" or lw == "an"
      or has(lexicons.official_titles, lw) or has(lexicons.institutions, lw)
      or has(lexicons.unnamed_officials, lw) or has(lexicons.experts, lw)
      or possessive
    if not fits or #words >= 6 then break end
    words[#words + 1] = bare
    if w:find("[,;:]$") then break end
  end
  if #words == 0 then return nil end
  local phrase = table.concat(words, " ")
  local t, named = classify(phrase)
  if t == "official-named" or t == "official-unnamed" or t == "named" or t == "expert" then
    return { start = p.start, stop = p.start + #phrase, text = phrase, verb = "",
             source = phrase, type = t, named = named, quoted = false, carried = false,
             denial = false, credit = false }
  end
  return nil
end

local function by_start(x, y) return x.start < y.start end

-- "films that have been widely shared online": a media marker inside a
-- relative clause describes a thing, it does not source the sentence.
local relative_marker = spindle.re([[\b(?:that|which|who)\s+(?:have|has|had|is|are|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?$]], "i")

-- Attributions written in the sentence; `cues` are the cue matches that lie
-- in it, in text order. Pronouns are left unresolved.
local function scan_sentence(sentence, cues)
  local out = {}
  local text = sentence.text
  local base = sentence.start
  local body = sentence.doc.body
  local anonymous_sentence = false

  -- according to X, and X said / said X
  for _, m in ipairs(cues) do
    local kind = m.kind
    if kind == "acc" then
      local phrase, at = tidy_source(phrase_after(text, m.stop - base + 1, 10))
      if phrase then
        local t, named = classify(phrase)
        if t == "pronoun" then t = "other" end
        out[#out + 1] = new_attr(sentence, m.start - base, at + #phrase, "according to",
                                 phrase, t, named)
      end
    elseif kind == "verb" then
      if not overlaps_any(out, m.start, m.stop) then
        local a = verb_attribution(sentence, m, out)
        if a then out[#out + 1] = a end
      end
    elseif kind == "part" then
      -- ", saying ...": the subject of the clause before
      local prev = out[#out]
      local a
      if prev and prev.verb ~= "according to" then
        a = new_attr(sentence, m.start - base, m.stop - base, m.part, prev.source,
                     prev.type, prev.named)
      else
        local subject = opening_subject(sentence)
        if subject then
          a = new_attr(sentence, m.start - base, m.stop - base, m.part, subject.source,
                       subject.type, subject.named)
        end
      end
      if a then
        a.denial = has(lexicons.denial_verbs, m.part:lower())
          and denies_object(text:sub(m.stop - base + 1), m.part:lower())
        out[#out + 1] = a
      end
    elseif kind == "anon" then
      anonymous_sentence = true
    end
  end

  -- markers with no verb
  for _, m in ipairs(cues) do
    local group, t = m.kind, m.mtype
    if group == "wire" then t = "wire" end
    if t and not overlaps_any(out, m.start, m.stop)
       and not (t == "media" and relative_marker:test(body:sub(math.max(base, m.start - 40) + 1, m.start))) then
      local ok, src = true, m.wsrc1 or m.wsrc2 or m.text
      -- a marker that is a clause names no one: "it is reported" is
      -- unnamed reports, "the talk in the City is" the talk in the City
      if src:lower():find("^it%s") then
        src = t == "media" and "unnamed reports" or "unnamed sources"
      else
        src = src:gsub("%s+is$", ""):gsub("%s+was$", ""):gsub("%s+has%s+it$", "")
      end
      local credit = false
      if group == "wire" then
        ok = is_credit(body, m.start, m.stop)
        credit = ok
      elseif t == "wire" then
        credit = true
        if not (wire_in((split(src))) or src:lower():find("agenc")) then
          t, credit = "media", false        -- "Based on a Kommersant report"
        end
      end
      if ok then
        local a = new_attr(sentence, m.start - base, m.stop - base, m.text, src, t,
                           t ~= "anonymous" and t ~= "media")
        a.credit = credit
        out[#out + 1] = a
      end
    end
  end

  -- "an official, who declined to be named, said": anonymity overrides
  if anonymous_sentence then
    local anon
    for _, a in ipairs(out) do
      if a.type == "official-unnamed" or a.type == "other" or a.type == "expert"
         or a.type == "pronoun" then
        a.type, a.named = "anonymous", false
        anon = true
      end
    end
    if not anon then
      -- the phrase alone still says someone unnamed is speaking
      for _, m in ipairs(cues) do
        if m.kind == "anon" and not overlaps_any(out, m.start, m.stop) then
          out[#out + 1] = new_attr(sentence, m.start - base, m.stop - base, m.text,
                                   m.text, "anonymous", false)
        end
      end
    end
  end

  table.sort(out, by_start)
  return out
end

return {
  ASSERTING_VERBS = ASSERTING_VERBS,
  opening_subject = opening_subject,
  scan_sentence = scan_sentence,
}
