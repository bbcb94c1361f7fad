--[[
spindle.register — the register a story is told in: the marks of a
sensational voice, claims of exclusive or confirmed knowledge that no one
can check, and speech quoted with no where or when.

    local register = require "spindle.register"
    local tally = register.sensational_tally(doc)
    if tally.strength >= 1 then ... tally.strongest ... end
    for _, c in ipairs(register.confirmations(doc)) do ... end
    for _, q in ipairs(register.unplaced_speech(doc)) do ... end

A Mark (register.sensational) is a table:
  text, start, stop  the words and their body span
  kind      "alarm"     a shouted label: "BREAKING:", "BOOM!", "ALERT -"
            "interrobang" "?!" or "!?"
            "emphatic"  doubled exclamation marks: "!!", "!!!"
            "exclaim"   a single "!" ending the writer's own words
            "caps"      a run of three or more capitalised words inside a
                        sentence ("doctors were told to RECORD ANY CAUSE OF
                        DEATH"), not a heading, a label or a quoted title
            "emphasis"  one emphatic word in capitals ("it is NOT safe")
            "staccato"  three or more one-word sentences ("Dead. On. Arrival.")
            "clickbait" "you won't believe", "share this before it's deleted"
            "hype"      "shocking", "bombshell", "jaw-dropping"
  strength  what it weighs (register.strength[kind]): 1 for the unmistakable
            kinds, less for those careful writers also use now and then
  sentence  the Sentence holding it

Only the writer's own voice counts: nothing inside a quotation (double
quotes, or single quotes around the words), nothing in an embedded social
media post (a paragraph with "pic.twitter.com" or "(@handle)") or in
readers' comments appended to the article (spindle.language's "reader"
voice), and hype words only when no one else is reported as saying them.
register.sensational_tally(doc) sums the marks up: their strength (1 or
more reads as sensational), the strongest, the count of each kind and the
density per 1,000 words.

A Confirmation (register.confirmations) is { text, start, stop, kind,
sentence }: kind "first-person" ("we have confirmed that", "I can
reveal"), "exclusive" ("can exclusively reveal", "has learned
exclusively", "EXCLUSIVE:") or "sources" ("our sources confirm",
"insiders have confirmed", "according to reliable sources").

A Speech (register.unplaced_speech) is { text, start, stop, kind,
sentence }: kind "quoted-as" ("is quoted as saying", "was once quoted
saying", "has been reported as saying"), "reportedly" ("reportedly said",
"allegedly told") or "said-to-have" ("is said to have told"), when
neither the sentence, the one before nor the four after it says where the
words were said (an outlet, an interview, a press conference, a statement,
a court), no sentence up to three before names an outlet spoken to ("told
LifeSiteNews"), and neither it, the one before nor the two after say when
(a day or a named period, as spindle.timeref finds them).

Each analysis runs once per article and is kept in
doc.cache["spindle.register"]. The word lists are lexicons:
    register.lexicon.alarms:add("SCANDAL")
    register.lexicon.hype:add_as("clickbait", "you need to see this")
]]

local lexicon  = require "spindle.lexicon"
local language = require "spindle.language"
local sources  = require "spindle.sources"
local timeref  = require "spindle.timeref"

local M = {}

M.lexicon = {
  ---Capitalised labels that shout a story's importance, matched as written
  ---and only when a colon, an exclamation mark or a dash follows.
  alarms = lexicon.new("alarms", {
    "BREAKING", "BREAKING NEWS", "BOOM", "ALERT", "WOW", "URGENT", "BOMBSHELL",
    "JUST IN", "MUST SEE", "MUST WATCH", "MUST READ", "EXPOSED", "SHOCKING",
  }),
  ---Hype phrases, caseless: kind "clickbait" (weighs 1) or "hype" (less).
  hype = lexicon.new("hype"),
  ---Words written in capitals for emphasis, matched as written. They are
  ---English words, never acronyms; "US", "IT" and "WHO" are not here.
  emphasis = lexicon.new("emphasis", {
    "NOT", "NEVER", "NOTHING", "NOBODY", "NONE", "ALL", "EVERY", "EVERYONE",
    "EVERYTHING", "ANY", "ANYONE", "MUST", "HUGE", "MASSIVE", "MILLIONS",
    "BILLIONS", "TRUTH", "LIES", "LIE", "LIED", "FAKE", "REAL", "ONLY", "VERY",
    "TRUE", "FALSE", "DEAD", "DEADLY", "KILL", "KILLS", "KILLED", "ILLEGAL",
    "FRAUD", "CRIMINAL", "ALWAYS", "ZERO", "INSANE", "SHOCKING",
    "STILL", "EVEN", "DID", "DOES", "WANT", "WANTS", "KNOW", "KNEW",
  }),
  ---Subjects that are written records, not speakers: "the document
  ---reportedly said" is about a text someone has seen, not speech.
  records = lexicon.new("records", {
    "document", "documents", "report", "memo", "letter", "paper", "papers",
    "statement", "study", "survey", "book", "article", "e-mail", "email",
    "dossier", "note", "website", "leaflet", "filing", "lawsuit", "indictment",
  }),
}
M.lexicon.hype:add_as("clickbait", "you won't believe", "you won’t believe",
  "you will not believe", "you wont believe", "share this before",
  "before it's deleted", "before it’s deleted", "before it gets deleted")
M.lexicon.hype:add_as("hype", "shocking", "bombshell", "jaw-dropping", "jaw dropping",
  "mind-blowing", "mind blowing")

---What each kind of Mark weighs. An article reads as sensational when its
---marks weigh 1 or more together: one unmistakable mark, or a weaker one
---with others. Exclamation marks, single or doubled, are the commonest
---mark and the weakest sign (readers' comments and light features use
---them too): together they weigh at most `M.punctuation_cap`, so they
---never make an article sensational on their own.
M.strength = {
  alarm = 1, caps = 1, emphasis = 1, staccato = 1, clickbait = 1, interrobang = 1,
  hype = 0.5, emphatic = 0.35, exclaim = 0.25,
}
M.punctuation_cap = 0.5
local PUNCTUATION = { emphatic = true, exclaim = true }

local function memo(doc)
  local c = doc.cache["spindle.register"]
  if not c then
    c = {}
    doc.cache["spindle.register"] = c
  end
  return c
end

-- Capitalised words: two or more capitals, then perhaps digits and parts
-- after an apostrophe or a hyphen ("DON'T", "COVID-19"). Possessive, so
-- that a long run cannot backtrack.
local CAPS_WORD = [[\p{Lu}{2,}+\d*+(?:['’-][\p{Lu}\d]++)*+]]

-- An upper-case letter is A-Z or a character beyond ASCII. Said first as
-- a class, it lets PCRE2 build the table of bytes a match can start with
-- (it cannot from \p{Lu} alone), so the matcher skips lower-case text.
local UPPER_AHEAD = [[(?=[A-Z\x{80}-\x{10FFFF}])]]

-- The sensational marks, one pattern for the whole body. Group names give
-- the kind; the order of the branches settles overlaps ("BOOM!" is an
-- alarm, not an exclamation). Every branch opens with a letter or a mark,
-- never a lookbehind, so that the matcher can skip ahead to the places
-- where one could start; that a word branch starts a word is checked in
-- Lua (starts_word).
local sensational_re = lexicon.regex(function(alarms, emphasis, hype)
  return table.concat({
    [[(?<alarm>]] .. alarms .. [[(?=\s*[:!–—-]))]],
    [[(?<interrobang>\?++!++[!?]*+|!++\?++[!?]*+)]],
    [[(?<emphatic>!{2,}+)]],
    [[(?<exclaim>!(?<=\p{Ll}!)(?=[\s"”’')]|$))]],
    [[(?<caps>]] .. UPPER_AHEAD .. CAPS_WORD .. [[(?:[ \t]+]] .. CAPS_WORD .. [[){2,}(?![\p{L}\p{N}]))]],
    [[(?<emphasis>]] .. emphasis .. [[(?![\p{L}\p{N}'’-]))]],
    [[(?<staccato>]] .. UPPER_AHEAD .. [[(?:\p{Lu}\p{Ll}+\.[ \t]+){2,}\p{Lu}\p{Ll}+[.!](?=\s|$))]],
    [[(?i:(?<hype>]] .. hype .. [[\b))]],
  }, "|")
end, nil, M.lexicon.alarms, M.lexicon.emphasis, M.lexicon.hype)

-- The kind of a match of sensational_re: the name of its group.
local GROUPS = { "alarm", "interrobang", "emphatic", "exclaim", "caps", "emphasis",
                 "staccato", "hype" }
local WORD_KINDS = { alarm = true, caps = true, emphasis = true, staccato = true,
                     hype = true, clickbait = true }

-- Does body offset `start` begin a word (no letter, digit, apostrophe or
-- hyphen just before it)?
local word_char = spindle.re([[^[\p{L}\p{N}'’-]$]])
local function starts_word(body, start)
  -- the character before: a UTF-8 character is at most four bytes
  local before = body:sub(math.max(1, start - 3), start):match("[^\128-\191][\128-\191]*$")
  return not before or not word_char:test(before)
end

-- A paragraph that embeds a social media post: its words are the poster's.
local embedded_post = spindle.re([[pic\.twitter\.com|\(@\w+\)|twitter\.com/\w]], "i")

-- Words that end in a full stop without ending a sentence.
local ABBREVIATIONS = {}
for w in ([[Mr Mrs Ms Dr St Jr Sr Co Inc Ltd Gen Col Capt Sgt Rev Prof No Vol
            Fig Corp Bros Ave Rd Mt Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
            Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun]]):gmatch("%a+") do
  ABBREVIATIONS[w] = true
end

local lower_word = spindle.re([[\p{Ll}{2,}]])

-- Is a run of capitals emphasis inside running prose? A heading or a
-- label opens its line or its sentence, or follows a colon (a title
-- quoted in capitals) or a link; emphasis has the writer's lower-case
-- words before it on its line. A run of three needs a word of four
-- letters or more (a run of acronyms such as "US FDA CDC" has none).
local function caps_in_prose(body, s, m, kind)
  local line_start = s.start
  local nl = body:sub(s.start + 1, m.start):match(".*()\n")
  if nl then line_start = s.start + nl end
  local before = body:sub(line_start + 1, m.start)
  if not lower_word:test(before) or before:find(":%s*$") or before:find("://%S*%s*$") then
    return false
  end
  return kind ~= "caps" or m.text:find("%u%u%u%u") ~= nil
end

-- The text of body before offset `stop` matched against `pattern`, which
-- is anchored at the end: the last 64 bytes are tried first, and the whole
-- text only when `whole(capture, window)` says the window may have cut the
-- answer short. Saves copying and scanning the body for every mark.
local function match_before(body, stop, pattern, whole)
  local from = math.max(1, stop - 63)
  local window = body:sub(from, stop)
  local got = window:match(pattern)
  if from > 1 and whole(got, window) then got = body:sub(1, stop):match(pattern) end
  return got
end

-- The last byte before the spaces that end the text ("" when it is all
-- spaces, then perhaps more than the window).
local function all_spaces(got) return got == "" end
-- A run of word bytes that fills the window may go on before it.
local function fills(got, window) return got ~= nil and #got == #window end

-- Is a run of one-word sentences a stylistic beat, not a list of
-- abbreviations? It must begin a sentence.
local function staccato_at(body, m)
  for w in m.text:gmatch("%a+") do
    if ABBREVIATIONS[w] then return false end
  end
  local before = match_before(body, m.start, "(%S?)%s*$", all_spaces)
  return before == "" or before:find("^[.!?\"”]$") ~= nil
end

-- Does a single "!" end a sentence of the writer's, not a name ("Wham!",
-- "OutRage! said")? The word before it is in lower case and no
-- lower-case word runs on after it.
local function exclaim_ends_sentence(body, m)
  local word = match_before(body, m.start, "[%w'’-]+$", fills) or ""
  if word:find("^%u") then return false end
  return not body:find("^%s*%l", m.stop + 1)
end

-- Source types that are people speaking.
local SPEAKING = { ["official-named"] = true, ["official-unnamed"] = true, named = true,
                   anonymous = true, expert = true }

-- A site's boilerplate (an e-mail address or a web address in the
-- paragraph: "Your anonymity is NEVER compromised. Email tips@..."), not
-- the story's register.
local boilerplate = spindle.re([[\S@\S+\.\w|https?://|www\.]], "i")
-- Words that introduce text quoted as written: a sign, a slogan, what was
-- written on something ("I wrote STOP THE TYRANNY on mine", "the banner
-- read").
local inscription_before = spindle.re([[\b(?:wrote|write|writes|written|reads?|read|says|said|saying|printed|painted|scrawled|emblazoned|stamped|labelled|labeled|banners?|placards?|signs?|slogans?|notes?)[\s,:]*$]], "i")

-- Is a match of kind `kind` in sentence s the writer's own sensational
-- mark? (Quotations and embedded posts are ruled out before.)
local function own_mark(body, s, m, kind)
  if kind == "caps" or kind == "emphasis" then
    -- the cheap tests first: most capitals are acronyms or headings
    if not caps_in_prose(body, s, m, kind)
       or inscription_before:test(body:sub(math.max(s.start, m.start - 40) + 1, m.start))
       or boilerplate:test(s.doc:paragraphs()[s.paragraph]) then
      return false
    end
    local voice = language.voice(s, m.start, m.stop)
    if voice == "attributed" then
      -- capitals in what a person is reported to say ("Williams notes,
      -- BECAUSE IT SAYS SO ...") are theirs; a rule or a record paraphrased
      -- in capitals ("the rules tell doctors to RECORD EVERY DEATH") is the writer's
      for _, a in ipairs(sources.around(s)) do
        if SPEAKING[a.type] then return false end
      end
      voice = "reporter"
    end
    return voice == "reporter" or voice == "opinion"
  elseif kind == "exclaim" then
    return exclaim_ends_sentence(body, m)
  elseif kind == "staccato" then
    return staccato_at(body, m)
  elseif kind == "hype" or kind == "clickbait" then
    local voice = language.voice(s, m.start, m.stop)
    return voice == "reporter" or voice == "opinion"
  end
  return true
end

---The sensational marks of the article in the writer's own voice, in text
---order (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Mark[]
function M.sensational(doc)
  local c = memo(doc)
  if c.marks then return c.marks end
  local marks, body, is_post = {}, doc.body, {}
  for m in doc:find(sensational_re()) do
    local kind
    for _, g in ipairs(GROUPS) do
      if m[g] then kind = g break end
    end
    if kind == "hype" then kind = M.lexicon.hype:kind(m.text) or "hype" end
    local s = doc:sentence_at(m.start)
    if s and not doc:in_quote(m.start) and (not WORD_KINDS[kind] or starts_word(body, m.start)) then
      local p = s.paragraph
      if is_post[p] == nil then is_post[p] = embedded_post:test(doc:paragraphs()[p].text) end
      if not is_post[p] and own_mark(body, s, m, kind) and language.voice(s) ~= "reader" then
        marks[#marks + 1] = { text = m.text, start = m.start, stop = m.stop, kind = kind,
                              strength = M.strength[kind], sentence = s }
      end
    end
  end
  c.marks = marks
  return marks
end

---The sensational marks of the article summed up: `marks` (as
---register.sensational gives them), `strength` (their weights summed,
---exclamation marks at most register.punctuation_cap), `strongest` (the
---first of the heaviest, or nil), `kinds` (kind -> count), `words` (words
---in the body) and `density` (strength per 1,000 words).
---@param doc spindle.Doc
---@return spindle.Tally
function M.sensational_tally(doc)
  local c = memo(doc)
  if c.tally then return c.tally end
  local marks = M.sensational(doc)
  local t = { marks = marks, strength = 0, kinds = {} }
  local punctuation = 0
  for _, mark in ipairs(marks) do
    if PUNCTUATION[mark.kind] then
      punctuation = punctuation + mark.strength
    else
      t.strength = t.strength + mark.strength
    end
    t.kinds[mark.kind] = (t.kinds[mark.kind] or 0) + 1
    if not t.strongest or mark.strength > t.strongest.strength then t.strongest = mark end
  end
  t.strength = t.strength + math.min(punctuation, M.punctuation_cap)
  t.words = t.strength > 0 and select(2, doc.body:gsub("%S+", "")) or 0
  t.density = t.strength * 1000 / math.max(t.words, 1)
  c.tally = t
  return t
end

-- Claims of confirmed or exclusive knowledge. Caseless, except the
-- "EXCLUSIVE" label that opens a paragraph.
local confirmation_re = spindle.re([[
  (?<firstperson>\b(?:we|I)\s+(?:have\s+|['’]ve\s+|can\s+|could\s+|(?:are|am|were|was)\s+able\s+to\s+)
     (?:now\s+|also\s+|independently\s+|exclusively\s+|separately\s+)*
     (?:confirm(?:ed)?(?!\s+(?:with|by|through)\b)|reveal(?:ed)?|disclose
      |learn(?:ed|t)\s+(?:that|from|exclusively)|been\s+(?:told|informed)\s+(?:by|exclusively))\b)
 |(?<exclusive>\b(?:(?:can|could|has|have|had|is\s+able\s+to)\s+exclusively\s+(?:reveal|revealed|learn|learned|learnt|confirm|confirmed|report|reported|disclose|disclosed|establish|established)
     |(?:revealed|learned|learnt|confirmed|established|disclosed)\s+exclusively)\b
   |(?-i:(?:^|(?<=\n))[ \t]*EXCLUSIVE\b))
 |(?<sources>\b(?:(?:our|my|multiple|several|numerous|trusted|reliable|credible|impeccable|well-placed|well\s+placed)\s+(?:\w+\s+){0,2}?(?:sources?|insiders?|contacts?)
       \s+(?:have\s+|has\s+|had\s+)?(?:now\s+|also\s+|independently\s+)?(?:confirmed|confirms?|verified)
     |(?:sources|insiders)\s+(?:have\s+|has\s+)(?:now\s+|also\s+|independently\s+)?confirmed
     |(?:sources|insiders)\s+confirms?
     |(?:according\s+to|from)\s+(?:our|reliable|trusted|credible|impeccable|well-placed)\s+(?:\w+\s+)?(?:sources?|insiders?))\b)
]], "ix", {
  -- the words a match begins with, branch by branch (a space is \s+)
  "we ", "i ",
  "can exclusively", "could exclusively", "has exclusively", "have exclusively",
  "had exclusively", "is able to exclusively", "revealed exclusively", "learned exclusively",
  "learnt exclusively", "confirmed exclusively", "established exclusively",
  "disclosed exclusively", "exclusive", " exclusive",
  "our ", "my ", "multiple ", "several ", "numerous ", "trusted ", "reliable ", "credible ",
  "impeccable ", "well-placed ", "well placed ", "sources ", "insiders ", "according to ",
  "from ",
  boundary = true,   -- \b before a letter, or a line's start
})

local CONFIRMATION_KIND = { firstperson = "first-person", exclusive = "exclusive", sources = "sources" }

-- Sources that leave a claim in the outlet's own voice: anonymous people
-- and unnamed "others". Any other source takes it out: someone checkable
-- stands behind it (a named person or body, an official, a document), or
-- it is someone else's claim reported (another outlet, a wire, an expert).
local UNCHECKABLE = { anonymous = true, other = true }

-- Is the claim at span m, in sentence s, the outlet's own and unchecked?
-- Not when an attribution outside the claim's words covers the sentence
-- with a checkable source: "We have confirmed, the ministry said ...",
-- "The Sun said it could exclusively reveal ...".
local function own_voice(s, m)
  for _, a in ipairs(sources.around(s)) do
    if not UNCHECKABLE[a.type] and (a.stop <= m.start or a.start >= m.stop) then
      return false
    end
  end
  return true
end

---Claims of confirmed or exclusive knowledge in the writer's own voice with
---no one checkable behind them, in text order (shared: do not modify): not
---inside a quotation, not in a sentence that reports someone else's words,
---and not beside a named, official or documentary source.
---@param doc spindle.Doc
---@return spindle.Confirmation[]
function M.confirmations(doc)
  local c = memo(doc)
  if c.confirmations then return c.confirmations end
  local found = {}
  for m in doc:find(confirmation_re) do
    local s = doc:sentence_at(m.start)
    if s and not doc:in_quote(m.start) and own_voice(s, m) then
      local kind = m.firstperson and "firstperson" or m.exclusive and "exclusive" or "sources"
      found[#found + 1] = { text = m.text, start = m.start, stop = m.stop,
                            kind = CONFIRMATION_KIND[kind], sentence = s }
    end
  end
  c.confirmations = found
  return found
end

-- Speech put in someone's mouth through a third hand.
local speech_re = spindle.re([[
  (?<quotedas>\b(?:is|was|are|were|been|being)\s+(?:also\s+|widely\s+|once\s+|further\s+|later\s+|famously\s+|previously\s+|reportedly\s+)*
      (?:quoted\s+(?:as\s+)?|reported\s+as\s+|cited\s+as\s+)
      (?:saying|telling|stating|remarking|declaring|describing|calling|admitting|claiming|warning|having\s+said)\b)
 |(?<reportedly>\b(?:reportedly|allegedly|supposedly|purportedly)\s+(?:once\s+)?
      (?:said|says|told|tells|stated|claimed|remarked|quipped|boasted|admitted|declared)\b)
 |(?<saidtohave>\b(?:is|was|are|were)\s+(?:said|reported|alleged|understood|believed)\s+to\s+have\s+
      (?:said|told|remarked|quipped|boasted|stated)\b)
]], "ix")

local SPEECH_KIND = { quotedas = "quoted-as", reportedly = "reportedly", saidtohave = "said-to-have" }

-- Where words were said: an outlet or agency, an interview or another
-- occasion, a written or broadcast medium, a court. Caseless.
local where_re = spindle.re([[
  \b(?:told|tells|telling|interview(?:ed|s)?|according\s+to|reported|reports|writing\s+in|wrote\s+in
   |(?:speaking|spoke|speaks)\s+(?:to|on|at|in|with|after|before|during)
   |to\s+(?:reporters|journalists|the\s+press)|(?:\p{Lu}\w*\s+)quoted|quot\w*\s+(?:from|in|by)
   |news\s+agency|newspaper|magazine|broadcaster|programme|podcast|documentary|television|radio
   |conference|summit|panel|rally|hearing|debate|briefing|speech|statement|meeting|lecture
   |broadcast|memoir|book|letter|document|memo|dossier|e-?mail|tweet|column|article|op-ed|blog
   |website|court|trial|inquiry|tribunal|jury
   |on\s+(?:twitter|facebook|instagram|youtube|tv|air|camera|record))\b
]], "ix")

-- In the sentence itself, an outlet, a work or an occasion named after
-- "by" or "in": "quoted as saying by AFP", "in Le Monde", "in Mr Peston's
-- book", "in Parliament".
local named_place_re = spindle.re([[\b(?:by|in)\s+(?:the\s+)?\p{Lu}]])
-- Someone spoke to a named outlet: "told LifeSiteNews", "in an interview
-- with the Guardian".
local told_named_re = spindle.re([[\b(?:told|telling|tells|interview\w*\s+with|spoke\s+to|speaking\s+to)\s+(?:the\s+)?\p{Lu}]])

-- Does a time reference date the words? A day or a named period does,
-- or "earlier this month"; "recently" does not.
local function dates_it(t)
  if t.quoted then return false end
  return t.kind == "specific" or t.kind == "relative"
      or (t.kind == "vague" and t.text:lower():find("this %a+$") ~= nil)
end

-- The text of sentence s with one span (the speech words) and every
-- quotation blanked out, so that neither can pass for a where.
local function outside(doc, s, skip)
  local text = s.text
  local function blank(a, b)
    a, b = math.max(a, s.start), math.min(b, s.stop)
    if a < b then
      text = text:sub(1, a - s.start) .. (" "):rep(b - a) .. text:sub(b - s.start + 1)
    end
  end
  if skip then blank(skip.start, skip.stop) end
  for _, q in ipairs(doc:quotes()) do
    if q.start >= s.stop then break end
    blank(q.start, q.stop)
  end
  return text
end

-- Is the speech at match m placed: does its sentence, the one before or
-- the four after say where or when it was said?
local function placed(doc, s, m)
  local here = outside(doc, s, m)
  if where_re:test(here) or named_place_re:test(here) then return true end
  -- where: the three sentences before and the next four -- news style
  -- gives the occasion a few sentences off ("told LifeSiteNews ... is
  -- further quoted as saying", "... speaking at a question-and-answer
  -- session in Gateshead"); when: the sentence, the one before and the two
  -- after (a date further off belongs to other news)
  local before, after = {}, {}
  local b, n = s:prev(), s:next()
  while b and #before < 3 do before[#before + 1] = b; b = b:prev() end
  while n and #after < 4 do after[#after + 1] = n; n = n:next() end
  for i, x in ipairs(before) do
    -- the sentence before may say where in any words; further back only a
    -- named outlet spoken to counts ("told LifeSiteNews"), not "reports say"
    local text = outside(doc, x)
    if (i == 1 and where_re:test(text)) or told_named_re:test(text) then return true end
  end
  for _, x in ipairs(after) do
    if where_re:test(outside(doc, x)) then return true end
  end
  for _, x in ipairs({ s, before[1] or false, after[1] or false, after[2] or false }) do
    if x then
      for _, t in ipairs(timeref.find(x)) do
        if dates_it(t) then return true end
      end
    end
  end
  return false
end

local record_subject = lexicon.regex(function(records)
  return [[\b]] .. records .. [[\s*$]], { records, after_b = true }
end, "i", M.lexicon.records)

---Speech attributed at second hand ("is quoted as saying", "reportedly
---said") with no where or when near it, in text order (shared: do not
---modify). Words inside a quotation, and records rather than speakers
---("the document reportedly said"), are left out.
---@param doc spindle.Doc
---@return spindle.Speech[]
function M.unplaced_speech(doc)
  local c = memo(doc)
  if c.speech then return c.speech end
  local found = {}
  for m in doc:find(speech_re) do
    local s = doc:sentence_at(m.start)
    if s and not doc:in_quote(m.start)
       and not record_subject():test(doc.body:sub(s.start + 1, m.start))
       and not placed(doc, s, m) then
      local kind = m.quotedas and "quotedas" or m.reportedly and "reportedly" or "saidtohave"
      found[#found + 1] = { text = m.text, start = m.start, stop = m.stop,
                            kind = SPEECH_KIND[kind], sentence = s }
    end
  end
  c.speech = found
  return found
end

return M
