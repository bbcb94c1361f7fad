--[[
spindle.language — loaded words and absolute claims, and whose voice they
are in.

    local language = require "spindle.language"
    for _, w in ipairs(language.loaded(sentence)) do
      if w.voice == "reporter" and not w.literal then ... end
    end

A Term (what loaded() and absolutes() return) is a table:
  text         the words as written ("fabricated", "has never been")
  start, stop  body byte offsets (0-based, end exclusive)
  kind         loaded:    "falsehood"  fabricated, hoax, sham, propaganda, lies
                          "smear"      smear campaign, witch-hunt, whitewash
                          "contempt"   puppet, stooge, mouthpiece, thugs, cronies
                          "outrage"    outrageous, shameful, disgraceful, heinous
               absolute:  "certainty"  undeniably, beyond doubt, everyone knows
                          "total"      completely false, totally baseless,
                                       entirely fabricated (an intensifier
                                       before a verdict word)
                          "never"      never happened, has never existed
                          "universal"  all experts agree, no one disputes,
                                       not a single
  voice        "quoted"      inside a quotation, or in single quotes ('sham')
               "attributed"  in a sentence someone else's words cover: an
                             attribution (spindle.sources: "officials said",
                             "according to") or a reporting verb before it
                             ("accused him of", "branded it", "dismissed as")
               "reporter"    the reporter's own words
  literal      loaded words only: a fixed phrase where the word is a plain
               description, not a judgement ("sham marriage", "bomb hoax",
               "hoax call", "Nazi propaganda")

language.voice(sentence, offset) gives the voice at any body offset, for
rules of your own. The word lists are lexicons, extendable in one line:
  language.lexicon.loaded:add_as("contempt", "lackey")
  language.lexicon.literal:add("hoax caller")
Analysis runs once per sentence and is kept in doc.cache["spindle.language"].
]]

local lexicon = require "spindle.lexicon"
local sources = require "spindle.sources"

local M = {}

M.lexicon = {
  ---Words that pass a verdict on a claim, a person or an event.
  loaded = lexicon.new("loaded")
    :add_as("falsehood", "fabricated", "fabrication", "fabrications",
            "fake news", "hoax", "hoaxes", "sham", "bogus", "pack of lies",
            "web of lies", "tissue of lies", "outright lie", "outright lies",
            "blatant lie", "blatant lies", "downright lie", "propaganda",
            "disinformation", "baseless", "groundless", "debunked",
            "conspiracy theory", "conspiracy theories", "scaremongering",
            "fearmongering", "fear-mongering", "hysteria", "spurious")
    :add_as("smear", "smear", "smears", "smear campaign", "witch-hunt",
            "witch hunt", "whitewash", "cover-up", "hatchet job", "slander",
            "character assassination")
    :add_as("contempt", "puppet government", "puppet governments",
            "puppet regime", "puppet regimes", "puppet state", "puppet leader",
            "puppet president", "puppet parliament", "stooge", "stooges",
            "mouthpiece", "henchmen", "lackeys", "cronies", "thugs",
            "rogue state", "apologists")
    :add_as("outrage", "outrageous", "shameful", "shameless", "disgraceful",
            "scandalous", "despicable", "vile", "barbaric", "ludicrous",
            "preposterous", "draconian", "brazen"),
  ---Fixed phrases in which a loaded word only describes (matched over the
  ---word and its neighbours).
  literal = lexicon.new("literal", {
    "sham marriage", "sham marriages", "sham wedding", "sham weddings",
    "bomb hoax", "bomb hoaxes", "hoax call", "hoax calls", "hoax caller",
    "hoax callers", "hoax e-mail", "hoax e-mails", "hoax email",
    "hoax emails", "hoax list", "hoax mail", "hoax mails", "hoax messages",
    "hoax warning", "hoax warnings", "hoax bomb", "hoax device",
    "Nazi propaganda", "wartime propaganda", "war propaganda",
    "propaganda film", "propaganda films", "propaganda minister",
    "propaganda ministry", "propaganda department", "propaganda chief",
    "draconian powers", "Chinese whispers",
    -- idioms around absolute words
    "outcome beyond doubt", "result beyond doubt", "game beyond doubt",
    "tie beyond doubt", "match beyond doubt", "win beyond doubt",
    "victory beyond doubt", "issue beyond doubt", "contest beyond doubt",
  }),
  ---Words and phrases that assert a claim absolutely, each with its kind.
  absolutes = lexicon.new("absolutes")
    :add_as("certainty", "undeniably", "unquestionably", "indisputably",
            "irrefutably", "incontrovertibly", "incontestably",
            "beyond doubt", "beyond any doubt", "beyond all doubt",
            "beyond question", "without doubt", "without a doubt",
            "without any doubt", "without question", "there is no doubt",
            "there can be no doubt", "no doubt whatsoever", "it is undeniable",
            "it is indisputable", "it is beyond dispute", "everyone knows",
            "everybody knows", "no one can deny", "nobody can deny",
            "no one could deny", "the fact is", "the truth is",
            "clearly shows", "clearly showed", "clearly proves",
            "proves beyond", "has been proven", "was proven", "it is a fact")
    :add_as("never", "never happened", "never took place", "never existed",
            "never occurred", "has never existed", "never been proven",
            "never been found", "has never been any", "there has never been",
            "there was never", "never once", "never received",
            "never paid", "never signed", "never met", "never said",
            "never promised", "never ordered", "never authorised",
            "never authorized", "never approved", "never agreed")
    :add_as("universal", "all experts", "all scientists", "all economists",
            "all analysts", "all observers", "all the evidence shows",
            "all the evidence suggests", "all the evidence points",
            "all the evidence proves", "all the evidence indicates",
            "every expert", "everyone agrees", "everybody agrees",
            "no one disputes", "nobody disputes", "no one believes",
            "nobody believes", "not a single", "without exception",
            "the whole world knows", "the entire world", "no one doubts",
            "nobody doubts", "universally accepted", "universally agreed"),
}

-- "completely false", "totally baseless": an intensifier before a verdict.
local TOTAL_ADVERBS = [[(?:completely|totally|entirely|utterly|absolutely|wholly|fully|100\s*(?:%|per\s*cent))]]
local VERDICTS = [[(?:false|untrue|baseless|unfounded|groundless|fabricated|fake|wrong|incorrect|innocent|safe|harmless|ineffective|useless|impossible|proven|discredited|debunked|fictitious|imaginary|invented|made\s+up|bogus|illegal|illegitimate|unjustified|unacceptable|biased|corrupt|fraudulent|rigged|destroyed|eliminated|eradicated|wiped\s+out|refuted|disproved|disproven)]]

-- Verbs that, before a word in the sentence, report someone else's words:
-- "accused the minister of a cover-up", "branded the vote a sham".
M.lexicon.reporting_verbs = lexicon.new("reporting_verbs", {
  "accused", "accuses", "accuse", "accusing", "branded", "brands", "branding",
  "labelled", "labeled", "labels", "dismissed", "dismisses", "dismissing",
  "denounced", "denounces", "condemned", "condemns", "condemning", "slammed",
  "slams", "attacked", "attacks", "criticised", "criticized", "criticises",
  "blasted", "decried", "decries", "derided", "derides", "lambasted",
  "described", "describes", "describing", "called", "calls", "calling",
  "claimed", "claims", "claiming", "alleged", "alleges", "insisted",
  "insists", "argued", "argues", "believes", "believe", "believed",
  "warned", "warns", "said", "says", "say", "told", "denied", "denies",
  "rejected", "rejects", "termed", "dubbed", "likened", "compared",
  "protested", "complained", "complains", "complaining", "urged", "vowed",
  "hailed", "praised", "called for", "feared", "fears", "suggested",
  "suggests", "thinks", "thought", "felt", "feels", "admitted", "admits",
  "conceded", "concedes", "quipped", "joked", "added", "adds", "explained",
  "wrote", "writes", "stated", "states", "reported", "announced",
})

local loaded_re = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}-])]] .. alt .. [[(?![\p{L}\p{N}]|-[\p{L}])]]
end, "i", M.lexicon.loaded)

local literal_re = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}-])]] .. alt .. [[(?![\p{L}\p{N}])]]
end, "i", M.lexicon.literal)

local absolute_re = lexicon.regex(function(alt)
  return ([[(?<![\p{L}\p{N}-])(?<!\bnot\s)(?<!\bnot\s\s)(?:(?<word>%s)|(?<total>%s\s+%s))(?![\p{L}\p{N}])]])
    :format(alt, TOTAL_ADVERBS, VERDICTS)
end, "i", M.lexicon.absolutes)

local reporting_before = lexicon.regex(function(alt)
  return [[(?<![\p{L}-])]] .. alt .. [[\b]]
end, "i", M.lexicon.reporting_verbs)

-- Single quotes around a word: 'sham', ‘hoax’.
local function single_quoted(body, start, stop)
  local before = body:sub(math.max(1, start - 2), start)
  local after = body:sub(stop + 1, stop + 3)
  local open = before:find("'$") or before:find("\226\128\152$")
  local close = after:find("^'") or after:find("^\226\128\153")
  return (open and close) and true or false
end

local function memo(doc)
  local c = doc.cache["spindle.language"]
  if not c then
    c = { voice = {} }
    doc.cache["spindle.language"] = c
  end
  return c
end

-- The unquoted attributions covering sentence s (carried pronouns and
-- quotations included), cached per sentence.
local function attributions_of(s)
  local c = memo(s.doc)
  local list = c.voice[s.index]
  if list == nil then
    list = sources.around(s)
    c.voice[s.index] = list
  end
  return list
end

-- Whether someone else's words cover `offset`: an attribution covers the
-- sentence and the offset is not inside the attributing words themselves
-- ("The puppet government announced ..." describes the speaker in the
-- reporter's words).
local function attributed_at(s, offset)
  for _, a in ipairs(attributions_of(s)) do
    if offset < a.start or offset >= a.stop then return true end
  end
  return false
end

---The voice at body offset `offset` of sentence `s`: "quoted", "attributed"
---or "reporter" (see the module comment).
---@param s spindle.Sentence
---@param offset integer
---@param stop? integer end of the words at offset (for single quotes)
---@return "quoted"|"attributed"|"reporter"
function M.voice(s, offset, stop)
  local doc = s.doc
  if doc:in_quote(offset) then return "quoted" end
  if stop and single_quoted(doc.body, offset, stop) then return "quoted" end
  if attributed_at(s, offset) then return "attributed" end
  if reporting_before():test({ text = doc.body:sub(s.start + 1, offset), start = s.start }) then
    return "attributed"
  end
  return "reporter"
end

local upper_initial = spindle.re("^\\p{Lu}")

-- Words the article writes capitalised inside sentences: its names and
-- titles. Built once per article, when a capitalised match needs it.
local cap_word = spindle.re([[(?<![\p{L}\p{N}'’-])[\p{Lu}][\p{L}'’-]*]])

local function names_of(doc)
  local c = memo(doc)
  if not c.names then
    local set = {}
    for _, s in ipairs(doc:sentences()) do
      for m in cap_word:gmatch(s.text) do
        if s.text:sub(1, m.start):find("[%w\128-\255]") then set[m.text:lower()] = true end
      end
    end
    c.names = set
  end
  return c.names
end

-- A fixed phrase holds the match, or the match is capitalised: inside its
-- sentence, or at its start when the article writes it capitalised
-- elsewhere too -- a name or a title ("Shameless", the song "Hysteria").
local function literal_at(s, m)
  if upper_initial:test(m.text) then
    local opening = s.doc.body:sub(s.start + 1, m.start):find("^[%s\"'%(%-]*$")
    if not opening or names_of(s.doc)[m.text:lower()] then return true end
  end
  for l in literal_re():gmatch(s) do
    if l.start <= m.start and l.stop >= m.stop then return true end
  end
  return false
end

-- The matches of a regex over the whole body, bucketed by sentence: one
-- pass per article instead of one per sentence. `make` builds a Term.
local function by_sentence(doc, key, re, make)
  local c = memo(doc)
  local buckets = c[key]
  if not buckets then
    buckets = {}
    for m in re:gmatch(doc.body) do
      local s = doc:sentence_at(m.start)
      if s then
        local l = buckets[s.index]
        if not l then l = {} buckets[s.index] = l end
        l[#l + 1] = make(s, m)
      end
    end
    c[key] = buckets
  end
  return buckets
end

local NONE = setmetatable({}, { __newindex = function() error("shared empty list", 2) end })

local function make_loaded(s, m)
  return {
    text = m.text, start = m.start, stop = m.stop,
    kind = M.lexicon.loaded:kind(m.text) or "other",
    voice = M.voice(s, m.start, m.stop),
    literal = literal_at(s, m),
  }
end

local function make_absolute(s, m)
  return {
    text = m.text, start = m.start, stop = m.stop,
    kind = m.total and "total" or M.lexicon.absolutes:kind(m.word) or "other",
    voice = M.voice(s, m.start, m.stop),
    literal = literal_at(s, m),
  }
end

---The loaded words of a sentence, in text order. Shared: do not modify.
---@param s spindle.Sentence
---@return spindle.Term[]
function M.loaded(s)
  local c = s.doc.cache["spindle.language"]
  local buckets = c and c.loaded or by_sentence(s.doc, "loaded", loaded_re(), make_loaded)
  return buckets[s.index] or NONE
end

---The absolute claims of a sentence, in text order. Shared: do not modify.
---@param s spindle.Sentence
---@return spindle.Term[]
function M.absolutes(s)
  local c = s.doc.cache["spindle.language"]
  local buckets = c and c.absolutes or by_sentence(s.doc, "absolutes", absolute_re(), make_absolute)
  return buckets[s.index] or NONE
end

---Lower-case words for a rule's `needs` prefilter from a lexicon's entries,
---deduplicated: each entry's longest word, the one least likely to be in
---every article ("pack of lies" gives "lies", "there is no doubt" gives
---"doubt", "all experts" gives "experts"). A word that holds another one
---of the list is left out ("hoaxes" is covered by "hoax": needs match by
---substring), which keeps the prefilter pattern short.
---@param lex spindle.Lexicon
---@return string[]
function M.needs(lex)
  local seen, picks = {}, {}
  for _, e in ipairs(lex) do
    local words = {}
    for w in e:lower():gmatch("%S+") do words[#words + 1] = w end
    local pick = words[1]
    for _, w in ipairs(words) do if #w > #pick then pick = w end end
    if pick and not seen[pick] then seen[pick] = true picks[#picks + 1] = pick end
  end
  local out = {}
  for _, w in ipairs(picks) do
    local covered = false
    for _, v in ipairs(picks) do
      if v ~= w and w:find(v, 1, true) then covered = true break end
    end
    if not covered then out[#out + 1] = w end
  end
  return out
end

return M
