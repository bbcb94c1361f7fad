-- spindle.sources.phrase — classifying a source phrase: "Ambassador Denis
-- Ivanov" is official-named, "the Mirror newspaper" media, "people
-- familiar with the matter" anonymous, by the head of the phrase and the
-- lexicons (spindle.sources.words). Results are cached by the phrase's
-- shape across articles. Part of spindle.sources (sources.classify).

local lexicon = require "spindle.lexicon"
local source_words = require "spindle.sources.words"
local
  NOT_NAMES, PERSON_VERBS, PREPOSITIONS, PRONOUNS, TRAILING, UNNAMED_VERBS, has,
  lexicon_keys, lexicons, set_of =
  source_words.NOT_NAMES, source_words.PERSON_VERBS, source_words.PREPOSITIONS,
  source_words.PRONOUNS, source_words.TRAILING, source_words.UNNAMED_VERBS,
  source_words.has, source_words.lexicon_keys, source_words.lexicons,
  source_words.set_of

-------------------------------------------------------------------------------
-- Classifying a source phrase
-------------------------------------------------------------------------------

local function words_of(text)
  local list = {}
  for w in text:gmatch("[%w\128-\255][%w\128-\255'%.%-]*") do
    local last = w:byte(-1)
    if last == 46 or last == 39 or last == 115 or last == 153 then    -- . ' s
      w = w:gsub("['%.]+$", ""):gsub("\226\128\153s$", ""):gsub("'s$", "")
    end
    list[#list + 1] = w
  end
  return list
end

local upper_initial = spindle.re([[^\p{Lu}]])

-- "Ivanov", "Özil": starts with an upper-case letter (any script).
local function is_capitalised(w)
  local b = w:byte(1)
  if not b then return false end
  if b < 128 then return b >= 65 and b <= 90 end
  return upper_initial:test(w)
end

-- Whether lower-case `lw` is an entry of one of the lexicons of people,
-- bodies and records; one lookup in their union, rebuilt when a lexicon
-- changes.
local word_union = { generation = -1 }
local function lexicon_word(lw)
  if word_union.generation ~= lexicon.generation then
    local set = {}
    for _, lex in ipairs({ lexicons.official_titles, lexicons.unnamed_officials,
                           lexicons.institutions, lexicons.media, lexicons.anonymous,
                           lexicons.experts, lexicons.documents }) do
      for k in pairs(set_of(lex).set) do set[k] = true end
    end
    word_union = { generation = lexicon.generation, set = set }
  end
  return word_union.set[lw] == true
end

-- True when the text names someone: two capitalised words that are not
-- lexicon or function words ("Denis Ivanov"), one after a title
-- ("Ambassador Ivanov", "Mr Smith"), or one at the end ("... Ivanov").
local HONORIFICS = { mr = true, mrs = true, ms = true, dr = true, prof = true,
                     sir = true, lord = true, lady = true, baroness = true }
local function name_words(text)
  local ws = type(text) == "table" and text or words_of(text)
  local proper = {}
  for i, w in ipairs(ws) do
    local lw = w:lower()
    proper[i] = is_capitalised(w) and not NOT_NAMES[lw] and not lexicon_word(lw)
  end
  for i in ipairs(ws) do
    if proper[i] then
      local before = ws[i - 1] and ws[i - 1]:lower()
      if proper[i + 1] or proper[i - 1] then return true end            -- "Denis Ivanov"
      if before and (has(lexicons.official_titles, before) or HONORIFICS[before]) then
        return true                                                      -- "Ambassador Ivanov"
      end
      if i == #ws then return true end                                   -- "... Ivanov said"
    end
  end
  return false
end

-- A phrase's head: the words before its first preposition, without the
-- time words at its end. "a report by the watchdog" -> "a report", tail
-- "by the watchdog"; "Oxfam's report this week" -> "Oxfam's report".
local function head_of(core)
  local head, tail = core, ""
  for p, w in core:gmatch("()(%S+)") do
    if p > 1 and (PREPOSITIONS[w:lower()] or w:find("^%l+ing$")) then
      head, tail = core:sub(1, p - 1), core:sub(p)
      break
    end
  end
  -- drop trailing time and function words
  local ws = {}
  for w in head:gmatch("%S+") do ws[#ws + 1] = w end
  while #ws > 1 and TRAILING[ws[#ws]:lower():gsub("%p+$", "")] do table.remove(ws) end
  return table.concat(ws, " "), tail
end

local SPOKESPEOPLE = { spokesperson = true, spokesman = true, spokeswoman = true,
                       representative = true, spokespersons = true,
                       spokesmen = true, spokeswomen = true, representatives = true }

local function plural_word(w)
  return (w:find("s$") and not w:find("ss$") and not w:find("us$") and not w:find("is$")) ~= nil
end

-- The words of a text and their lower-case forms.
local function split(text)
  local ws = words_of(text)
  local lws = {}
  for i, w in ipairs(ws) do lws[i] = w:lower() end
  return ws, lws
end

-- Wire agency names as written (case matters: "AP", not "ap").
local wire_case_cache = {}
local function wire_in(ws, i, j)
  i, j = i or 1, math.min(j or #ws, #ws)
  local lex = lexicons.wire_agencies
  if wire_case_cache.version ~= lex.version then
    local set, n = {}, 1
    for _, e in ipairs(lex) do
      set[e:gsub("%s+", " ")] = true
      local k = select(2, e:gsub("%S+", ""))
      if k > n then n = k end
    end
    wire_case_cache = { version = lex.version, set = set, n = n }
  end
  local set, maxn = wire_case_cache.set, wire_case_cache.n
  for k = i, j do
    local key = ws[k]
    if set[key] then return key end
    for n = 2, math.min(maxn, j - k + 1) do
      key = key .. " " .. ws[k + n - 1]
      if set[key] then return key end
    end
  end
  return nil
end

-- Whether lower-case `lw` holds an anonymity phrase ("declined to be named").
local function has_anonymity(lw)
  local hit = false
  for _, k in ipairs(lexicon_keys(lexicons.anonymity)) do
    if lw:find(k, 1, true) then hit = true break end
  end
  if not hit then return false end
  local flat = lw:gsub("%s+", " ")
  for _, e in ipairs(lexicons.anonymity) do
    if flat:find(e:lower(), 1, true) then return true end
  end
  return false
end

local classify_phrase

-- Source phrases repeat across articles ("officials", "the ministry"), so
-- classifications are remembered, up to a bound, until a lexicon changes.
local CLASSIFY_CACHE_MAX = 4000
local classify_cache, classify_count, classify_stamp = {}, 0, -1

-- Changes whenever a lexicon changes (lexicon.generation counts the
-- changes of every lexicon, these included).
local function lexicon_stamp()
  return lexicon.generation
end

-- Words kept as written in a phrase's shape, lower case: the words of
-- every lexicon entry, function words and honorifics; rebuilt when a
-- lexicon changes.
local known_cache = { stamp = -1 }
local function known_words(stamp)
  if known_cache.stamp ~= stamp then
    local set = {}
    for _, lex in pairs(lexicons) do
      for _, e in ipairs(lex) do
        for w in e:lower():gmatch("[%w\128-\255][%w\128-\255%-]*") do set[w] = true end
      end
    end
    for w in pairs(NOT_NAMES) do set[w] = true end
    for w in pairs(HONORIFICS) do set[w] = true end
    known_cache = { stamp = stamp, set = set }
  end
  return known_cache.set
end

-- A phrase's shape: each capitalised word that no lexicon knows becomes
-- "X" ("Ambassador Denis Ivanov" -> "Ambassador X X"). Classification
-- depends only on the shape, so it is what the cache is keyed on.
local function shape(phrase, known)
  return (phrase:gsub("[%w\128-\255][%w\128-\255%-]*", function(w)
    local b = w:byte(1)
    if ((b >= 65 and b <= 90) or (b >= 128 and is_capitalised(w))) and not known[w:lower()] then
      return "X"
    end
  end))
end

---Classifies a source phrase. Returns the type and whether it is named;
---"pronoun" for a bare pronoun ("He", "they have").
---@param phrase string
---@param verb? string the speech verb, if any ("reported" leans to media)
---@return string type, boolean named
local function classify(phrase, verb)
  local stamp = lexicon_stamp()
  if stamp ~= classify_stamp or classify_count >= CLASSIFY_CACHE_MAX then
    classify_cache, classify_count, classify_stamp = {}, 0, stamp
  end
  -- the verb matters only as one of a few classes, and the phrase only as
  -- its shape: "Mr Smith" and "Mr Jones" are classified once
  local v = verb and verb:lower() or ""
  local class = UNNAMED_VERBS[v] and "u" or v:find("^report") and "r"
                or PERSON_VERBS[v] and "p" or ""
  local raw = class .. "\0" .. phrase
  local hit = classify_cache[raw]
  if hit then return hit[1], hit[2] end
  local key = class .. "\1" .. shape(phrase, known_words(stamp))
  hit = classify_cache[key]
  if not hit then
    hit = { classify_phrase(key:match("\1(.*)$"), verb, stamp) }
    classify_cache[key] = hit
    classify_count = classify_count + 1
  end
  classify_cache[raw] = hit
  classify_count = classify_count + 1
  return hit[1], hit[2]
end

-- The pronoun a phrase is, if it is one with only trailing words after it
-- ("He", "they have", "it also"): the pronoun in lower case.
local function pronoun_of(lw)
  local first, rest = lw:match("^(%a+)(.*)$")
  if not first or not PRONOUNS[first] then return nil end
  for w in rest:gmatch("%a+") do
    if not TRAILING[w] and not w:find("ly$") then return nil end
  end
  return first
end

-- The words of a text for classifying: parallel arrays of the words as
-- written (possessive "'s" and final dots dropped), lower-case, and whether
-- a comma follows each.
local function tokenize(text)
  local ws, lws, comma = {}, {}, {}
  for w, sep in text:gmatch("([%w\128-\255][%w\128-\255'%.%-&]*)([^%w\128-\255]*)") do
    local last = w:byte(-1)
    if last == 46 or last == 39 or last == 115 or last == 153 then    -- . ' s
      w = w:gsub("['%.]+$", ""):gsub("\226\128\153s$", ""):gsub("'s$", "")
    end
    if w ~= "" then
      local n = #ws + 1
      ws[n], lws[n], comma[n] = w, w:lower(), sep:find(",", 1, true) ~= nil
    end
  end
  return ws, lws, comma
end

-- Whether an entry of lex is among the n-grams of lws[i..j].
local function lex_in(lws, i, j, lex)
  local s = set_of(lex)
  local set, firsts, maxn = s.set, s.firsts, s.n
  for k = i, j do
    local key = lws[k]
    if set[key] then return true end
    if firsts[key] then
      for n = 2, math.min(maxn, j - k + 1) do
        key = key .. " " .. lws[k + n - 1]
        if set[key] then return true end
      end
    end
  end
  return false
end

-- Capitalised words that are names, not lexicon or function words; cached
-- per word, up to a bound (memory must not grow with the archive), until a
-- lexicon changes.
local PROPER_CACHE_MAX = 4000
local proper_cache, proper_count, proper_stamp = {}, 0, -1
local function is_proper(w, lw, stamp)
  if stamp ~= proper_stamp or proper_count >= PROPER_CACHE_MAX then
    proper_cache, proper_count, proper_stamp = {}, 0, stamp
  end
  local hit = proper_cache[w]
  if hit == nil then
    hit = is_capitalised(w) and not NOT_NAMES[lw] and not lexicon_word(lw)
    proper_cache[w] = hit
    proper_count = proper_count + 1
  end
  return hit
end

-- name_words over ws[i..j] (see name_words).
local function names_in(ws, lws, i, j, stamp)
  for k = i, j do
    if is_proper(ws[k], lws[k], stamp) then
      if k < j and is_proper(ws[k + 1], lws[k + 1], stamp) then return true end
      if k > i then
        local before = lws[k - 1]
        if is_proper(ws[k - 1], before, stamp) or has(lexicons.official_titles, before)
           or HONORIFICS[before] then
          return true
        end
      end
      if k == j then return true end
    end
  end
  return false
end

-- Anonymous words that qualify a noun rather than head a phrase.
local ANON_ADJECTIVES = { unnamed = true, anonymous = true, unidentified = true }

local DETERMINER_COUNTS = { a = true, an = true, one = true, some = true, several = true }
local POSSESSIVES = { his = true, her = true, its = true, their = true, our = true }
-- Media words for many outlets at once: never one named outlet.
local MASS_MEDIA = { media = true, press = true, reports = true, report = true,
                     news = true, newspapers = true, papers = true, outlets = true,
                     publications = true, tabloids = true, websites = true,
                     broadcasters = true, posts = true, journalists = true,
                     bloggers = true, coverage = true, headlines = true,
                     rumours = true, rumors = true, ["social media"] = true }

function classify_phrase(phrase, verb, stamp)
  local text = phrase:gsub("^%s+", ""):gsub("[%s,]+$", "")
  if text == "" then return "other", false end
  local lw = text:lower()
  local lverb = verb and verb:lower():gsub("%s+", " ") or ""
  if UNNAMED_VERBS[lverb] then
    -- "The BBC understands", "Reuters has learned", "our correspondent
    -- understands": an outlet with a source it does not name (not
    -- "Everyone who listens to her show understands")
    local nwords = select(2, text:gsub("%S+", ""))
    if (nwords <= 4 and text:find("%u")) or lw:find("correspondent") or lw:find("editor")
       or lw:find("reporter") then
      return "anonymous", false
    end
  end
  if pronoun_of(lw) then return "pronoun", false end
  if has_anonymity(lw) then return "anonymous", false end
  local ws, lws, comma = tokenize(text)
  local n = #ws
  if n == 0 then return "other", false end
  -- "sources", "insiders" -- but not "Open Source Labs": a capitalised
  -- word inside the phrase is part of a name
  do
    local anon = set_of(lexicons.anonymous)
    local set, firsts, maxn = anon.set, anon.firsts, anon.n
    for i = 1, n do
      local key = lws[i]
      if set[key] or firsts[key] then
        for k = 1, math.min(maxn, n - i + 1) do
          if k > 1 then key = key .. " " .. lws[i + k - 1] end
          -- a single word ("source", "insiders") must head the phrase:
          -- not "open source developers", "source code"
          local heads = k > 1 or i == n or comma[i] or PREPOSITIONS[lws[i + 1]]
                        or lws[i + 1] == "familiar" or lws[i + 1] == "who"
                        or ANON_ADJECTIVES[lws[i]]
          if set[key] and heads and (i == 1 or not is_capitalised(ws[i])) then
            return "anonymous", false
          end
        end
      end
    end
  end

  -- the core runs to the first comma (an appositive follows); its head to
  -- the first preposition ("a report [by the watchdog]"), without the time
  -- words at its end ("Oxfam's report [this week]")
  local ce = n
  for k = 1, n - 1 do
    if comma[k] then ce = k break end
  end
  local he = ce
  for k = 2, ce do
    -- a preposition or a participle ends the head: "posts [circulating online]"
    if PREPOSITIONS[lws[k]] or (lws[k]:find("^%l+ing$") and not lexicon_word(lws[k])) then
      he = k - 1
      break
    end
  end
  local ts, te = he + 1, ce                 -- the tail
  -- drop time words and a participle ("figures released [by ...]")
  while he > 1 and (TRAILING[lws[he]] or (lws[he]:find("ed$") and not lexicon_word(lws[he]))) do
    he = he - 1
  end
  local hw = lws[he]
  local has_appos = ce < n

  if wire_in(ws, 1, ce) or lw:find("news agenc", 1, true) then
    return "wire", true
  end
  local named_head = names_in(ws, lws, 1, he, stamp)

  -- media and reports as the head noun: "local media", "the Mirror
  -- newspaper", "reports"; a single report is a document unless it is a
  -- news report ("a report in the Times")
  if hw == "report" or hw == "reports" then
    local t1, t2, t3 = lws[ts], ts + 1 <= te and ws[ts + 1], ts + 2 <= te and ws[ts + 2]
    local media_tail = ts <= te and (
      ((t1 == "in" or t1 == "by" or t1 == "from") and lex_in(lws, ts, math.min(te, ts + 3), lexicons.media))
      or ((t1 == "in" or t1 == "on") and t2 and (is_capitalised(t2)
          or (t2 == "the" and t3 and is_capitalised(t3)))))
    local news = lex_in(lws, 1, he - 1, lexicons.media)
    if (hw == "reports" and not (t1 == "by" and lws[ts + 1] == "the" and ws[ts + 2]
                                 and not is_capitalised(ws[ts + 2])))
       or media_tail or news then
      return "media", named_head or (media_tail and names_in(ws, lws, ts, te, stamp)) or false
    end
    return "document", true
  end
  if hw == "website" or hw == "blog" or hw == "site" then
    -- "the party's website", "his blog": the owner's own publication
    for k = 1, he - 1 do
      if POSSESSIVES[lws[k]] then return "document", true end
    end
    if text:find("'s%s") or text:find("\226\128\153s%s") then return "document", true end
  end
  if has(lexicons.media, hw) and not (hw == "press" and lws[he + 1] == "secretary") then
    -- an outlet is named when a name is given ("the Mirror newspaper",
    -- "Variety magazine") or it is one outlet referred to again ("the
    -- paper"); "local media", "Russian newspapers", "press reports" are not
    local named = false
    if not MASS_MEDIA[hw] then
      named = lws[1] == "the" or names_in(ws, lws, 1, he, stamp)
      for k = 1, he - 1 do
        if is_capitalised(ws[k]) and not NOT_NAMES[lws[k]] then named = true end
      end
    end
    return "media", named
  end
  if has(lexicons.documents, hw) then
    if (hw == "figures" or hw == "data") and PERSON_VERBS[lverb] then
      return "other", false          -- "senior party figures said"
    end
    return "document", true
  end

  local title = lex_in(lws, 1, he, lexicons.official_titles)
  local unnamed = lex_in(lws, 1, he, lexicons.unnamed_officials)
  local institution = lex_in(lws, 1, he, lexicons.institutions)
  if not institution then
    -- "the companies", "the firms": an institution in the plural
    local w = hw:gsub("ies$", "y"):gsub("s$", "")
    institution = w ~= hw and has(lexicons.institutions, w)
  end
  local expert = lex_in(lws, 1, he, lexicons.experts)

  if expert and not title then
    return "expert", named_head or names_in(ws, lws, ts, te, stamp)
                     or (has_appos and names_in(ws, lws, ce + 1, n, stamp)) or false
  end
  -- a spokesperson of a named body speaks for it on record: "a UKIP
  -- spokesman", "a Foreign Office spokeswoman", "the prime minister's
  -- spokesman" (not "a ministry spokesperson": which ministry?)
  local spokes
  for k = 1, he do
    if SPOKESPEOPLE[lws[k]] then spokes = k break end
  end
  if spokes and spokes > 1 then
    local body_named = names_in(ws, lws, 1, he, stamp)
      or lex_in(lws, 1, spokes - 1, lexicons.official_titles)
      or POSSESSIVES[lws[spokes - 1]] or text:find("'s%s+%a*%s*spokes")   -- "her spokesman"
    for k = 1, spokes - 1 do
      if is_capitalised(ws[k]) and not NOT_NAMES[lws[k]] then body_named = true end
    end
    if body_named then return "official-named", true end
  end
  if named_head then
    if title or institution then return "official-named", true end
    if unnamed then
      -- "Spokesman Mark Croucher" names him; "Russian diplomats" are
      -- still unnamed
      for k = 1, he do
        if has(lexicons.unnamed_officials, lws[k]) and plural_word(lws[k]) then
          return "official-unnamed", false
        end
      end
      return "official-named", true
    end
    if has_appos and lws[ce + 1] ~= "who" and lws[ce + 1] ~= "which" then
      -- "Steve Roukis, an analyst at Matrix": the appositive's head says
      -- what the named person is (not "Sharon, who called the police")
      local ae = n
      for k = ce + 2, n do
        if PREPOSITIONS[lws[k]] then ae = k - 1 break end
      end
      if lex_in(lws, ce + 1, ae, lexicons.experts) then return "expert", true end
      if lex_in(lws, ce + 1, ae, lexicons.official_titles)
         or lex_in(lws, ce + 1, ae, lexicons.institutions) then
        return "official-named", true
      end
      for k = ce + 1, ae do
        if SPOKESPEOPLE[lws[k]] then return "official-named", true end  -- "Justin Green, spokesman for ..."
      end
    end
    if lverb:find("^report") then return "media", true end
    return "named", true
  end
  -- "the aid co-ordinator, Lena Park": the appositive names the person
  if has_appos and lws[ce + 1] ~= "who" and lws[ce + 1] ~= "which"
     and names_in(ws, lws, ce + 1, n, stamp) then
    if title or institution or unnamed then return "official-named", true end
    return "named", true
  end
  if unnamed then
    if SPOKESPEOPLE[hw] and ts <= te
       and (lex_in(lws, ts, te, lexicons.institutions) or names_in(ws, lws, ts, te, stamp)) then
      return "official-named", true  -- "a spokeswoman for the company"
    end
    return "official-unnamed", false
  end
  if title then
    -- "the foreign minister", "India's ambassador", "head of Virgin Radio"
    -- name one office holder; "a minister", "two ministers" do not
    if DETERMINER_COUNTS[lws[1]] or plural_word(hw) then
      return "official-unnamed", false
    end
    return "official-named", true
  end
  if institution then return "official-named", true end
  if ts <= te and lex_in(lws, ts, te, lexicons.experts) then
    return "expert", names_in(ws, lws, ts, te, stamp)
  end
  if names_in(ws, lws, 1, ce, stamp) then
    if lverb:find("^report") then return "media", true end
    return "named", true
  end
  return "other", false
end

return {
  DETERMINER_COUNTS = DETERMINER_COUNTS,
  classify = classify,
  head_of = head_of,
  is_capitalised = is_capitalised,
  lexicon_word = lexicon_word,
  name_words = name_words,
  plural_word = plural_word,
  pronoun_of = pronoun_of,
  split = split,
  wire_in = wire_in,
  words_of = words_of,
}
