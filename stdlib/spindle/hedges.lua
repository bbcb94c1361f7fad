--[[
spindle.hedges — hedges and weasel words, and whether they carry a claim in
the reporter's own voice.

    local hedges = require "spindle.hedges"
    for _, h in ipairs(hedges.find(sentence)) do
      if h.governs then ... end
    end

A hedge is a table:
  text         the words ("reportedly", "is believed to")
  start, stop  body byte offsets (0-based, end exclusive)
  kind         "reported"   reportedly, according to reports, is reported to
               "alleged"    allegedly, it is alleged, is alleged to
               "belief"     it is believed, is thought to, it is understood, rumoured
               "said"       is said to, it is said, supposedly, purportedly
               "claimed"    it is claimed, is claimed to
               "adverb"     apparently, seemingly, presumably, ostensibly
               "weasel"     some say, critics say, it is widely believed,
                            questions have been raised
               "speculation" it is speculated, amid speculation, is tipped to
               "adjective"  alleged, purported, so-called (before a noun)
  quoted       the hedge lies inside a quotation
  attributed   a source that takes responsibility covers the sentence: a
               named or official source, a document, an expert or a wire
               agency ("Police said the man allegedly..."), or a book,
               report or memoir the sentence cites ("In his memoir, X is
               said to...")
  legal        an "alleged" hedge in a sentence about charges, arrests, a
               trial or an investigation: legal caution ("charged with
               allegedly faking the accident"), the allegation is the
               prosecution's
  question     the sentence is a question
  factual      the hedged sentence asserts something: not a question
  governs      the hedge carries a factual claim in the reporter's voice: not
               quoted, not attributed, not legal caution, not an adjective
               (the legal "the alleged attacker" is caution, not a claim),
               and in a sentence that asserts something
  claim        {start=, stop=}: the clause the hedge carries (the sentence,
               cut at a semicolon)

The hedges lexicon records each entry's kind; extend it in one line:
    hedges.lexicon.hedges:add_as("belief", "rumour has it")
Results are cached per sentence in doc.cache["spindle.hedges"].
]]

local lexicon = require "spindle.lexicon"
local sources = require "spindle.sources"

local M = {}

M.lexicon = {
  hedges = lexicon.new("hedges")
    :add_as("reported", "reportedly", "according to reports", "according to media reports",
            "it is reported", "it was reported", "it has been reported",
            "is reported to", "are reported to", "was reported to", "were reported to",
            "has reportedly", "have reportedly", "unconfirmed reports",
            "unverified reports",
            -- inside a noun phrase: "two companies reported to be in talks"
            "reported to be", "reported to have")
    :add_as("alleged", "allegedly", "it is alleged", "it was alleged",
            "is alleged to", "are alleged to", "was alleged to", "were alleged to")
    :add_as("belief", "it is believed", "it was believed", "is believed to",
            "are believed to", "was believed to", "were believed to",
            "it is thought", "is thought to", "are thought to", "was thought to",
            "it is understood", "is understood to", "are understood to",
            "is rumoured to", "is rumored to", "are rumoured to", "are rumored to",
            "it is rumoured", "it is rumored", "rumour has it", "rumor has it",
            "it is feared", "is feared to",
            -- inside a noun phrase: "two men believed to be members of the gang"
            "believed to be", "believed to have", "thought to be", "thought to have",
            "understood to be", "rumoured to be", "rumored to be")
    :add_as("said", "is said to", "are said to", "was said to", "were said to",
            "it is said", "it was said", "supposedly", "purportedly",
            -- inside a noun phrase: "a deal said to be worth $2bn"
            "said to be", "said to have")
    :add_as("claimed", "it is claimed", "it was claimed", "it has been claimed",
            "is claimed to", "are claimed to", "was claimed to")
    :add_as("adverb", "apparently", "ostensibly", "seemingly", "presumably")
    :add_as("weasel", "some say", "some believe", "many believe", "many say",
            "critics say", "observers say", "it is widely believed",
            "widely believed", "it is widely thought", "some have suggested",
            "it has been suggested", "it is suggested", "some argue",
            "some claim", "many people believe", "some experts",
            "many experts", "questions have been raised",
            "concerns have been raised", "there are fears", "there are claims",
            "there are suggestions", "there have been claims")
    :add_as("speculation", "it is speculated", "amid speculation",
            "there is speculation", "speculation is rife")
    :add_as("adjective", "alleged", "purported", "so-called"),
}

local hedge_re = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}-])]] .. alt .. [[(?![\p{L}\p{N}-])]], { M.lexicon.hedges, boundary = true }
end, "i", M.lexicon.hedges)

-- Attribution types that take responsibility for what the sentence says.
local RESPONSIBLE = {
  ["official-named"] = true, ["official-unnamed"] = true, ["document"] = true,
  ["named"] = true, ["expert"] = true, ["wire"] = true,
}

-- Words that make "allegedly" legal caution: the allegation is a charge.
M.lexicon.legal = lexicon.new("legal", {
  "charged", "charges", "charge", "accused", "arrested", "arrest", "trial",
  "court", "courts", "prosecutors", "prosecution", "prosecuted", "indicted",
  "indictment", "convicted", "sentenced", "jailed", "police", "investigation",
  "investigators", "lawsuit", "sued", "suing", "guilty", "pleaded", "plead",
  "inquiry", "probe", "hearing", "tribunal", "detained", "custody", "banned",
  "suspended", "disciplinary", "fined", "fraud squad", "extradition",
})

local legal_re = lexicon.regex(function(alt)
  return [[\b]] .. alt .. [[\b]], { M.lexicon.legal, after_b = true }
end, "i", M.lexicon.legal)

-- A work the sentence cites, which then carries what it says: "In his
-- memoir", "In Mr Peston's book", "according to the book".
local cited_work = spindle.re([[\b(?:in|according\s+to)\s+(?:(?:his|her|their|its|the|a)\s+|[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}(?:'s|’s)\s+)(?:new\s+|latest\s+|forthcoming\s+)?(?:book|memoirs?|autobiography|biography|diary|diaries|column|article|paper|study|report|letter|documentary)\b]], "i")

local function memo(doc)
  local c = doc.cache["spindle.hedges"]
  if not c then
    c = {}
    doc.cache["spindle.hedges"] = c
  end
  return c
end

-- The clause of sentence s around [start, stop): the sentence cut at
-- semicolons.
local function clause_of(s, start, stop)
  local from, to = s.start, s.stop
  local init = 1
  while true do
    local a = s.text:find(";", init, true)
    if not a then break end
    local at = s.start + a                  -- body offset just after the ';'
    if at <= start then
      from = at
    elseif at > stop then
      to = at - 1
      break
    end
    init = a + 1
  end
  return { start = from, stop = to }
end

---@class spindle.Hedge
---@field text string
---@field start integer
---@field stop integer
---@field kind string
---@field quoted boolean
---@field attributed boolean
---@field legal boolean
---@field question boolean
---@field factual boolean
---@field governs boolean
---@field claim {start: integer, stop: integer}

---The hedges in a sentence, in text order. Shared: do not modify.
---@param sentence spindle.Sentence
---@return spindle.Hedge[]
function M.find(sentence)
  local doc = sentence.doc
  local c = memo(doc)
  local list = c[sentence.index]
  if list then return list end
  list = {}
  local attributed, legal
  local question = sentence.text:find("%?[\"'%s%)\226\128\157]*$") ~= nil
  for m in hedge_re():gmatch(sentence) do
    if attributed == nil then
      attributed = false
      for _, a in ipairs(sources.around(sentence)) do
        if RESPONSIBLE[a.type] then attributed = true break end
      end
      if not attributed and cited_work:test(sentence) then attributed = true end
      legal = legal_re():test(sentence)
    end
    local kind = M.lexicon.hedges:kind(m.text) or "other"
    local quoted = doc:in_quote(m.start)
    local is_legal = legal and (kind == "alleged" or kind == "adjective")
    list[#list + 1] = {
      text = m.text, start = m.start, stop = m.stop, kind = kind,
      quoted = quoted, attributed = attributed, legal = is_legal,
      question = question, factual = not question,
      governs = not quoted and not attributed and kind ~= "adjective"
                and not is_legal and not question,
      claim = clause_of(sentence, m.start, m.stop),
    }
  end
  c[sentence.index] = list
  return list
end

---The hedges of a sentence that carry a claim in the reporter's voice.
---@param sentence spindle.Sentence
---@return spindle.Hedge[]
function M.governing(sentence)
  local out = {}
  for _, h in ipairs(M.find(sentence)) do
    if h.governs then out[#out + 1] = h end
  end
  return out
end

---Lower-case phrases for a rule's `needs` prefilter, covering the hedges of
---the lexicon as it is when called: each entry without a leading "it", with
---phrases that contain a shorter one dropped ("has reportedly" is covered by
---"reportedly"). `kinds` (a set, e.g. {reported = true}) limits it to those
---kinds; by default every kind but "adjective", which never governs a claim.
---@param kinds? table<string, boolean>
---@return string[]
function M.needs(kinds)
  local phrases = {}
  for _, h in ipairs(M.lexicon.hedges) do
    local kind = M.lexicon.hedges:kind(h)
    if (kinds and kinds[kind]) or (not kinds and kind ~= "adjective") then
      phrases[#phrases + 1] = h:lower():gsub("%s+", " "):gsub("^it ", "")
    end
  end
  table.sort(phrases, function(x, y) return #x < #y or (#x == #y and x < y) end)
  local out = {}
  for _, p in ipairs(phrases) do
    local covered = false
    for _, q in ipairs(out) do
      if p:find(q, 1, true) then covered = true break end
    end
    if not covered then out[#out + 1] = p end
  end
  return out
end

-- Its results are new lists the caller owns: rules get them to change.
fresh_result(M.needs)

return M
