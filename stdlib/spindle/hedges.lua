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
               "weasel"     some say, critics say, it is widely believed
               "speculation" it is speculated, amid speculation
               "adjective"  alleged, purported, so-called (before a noun)
  quoted       the hedge lies inside a quotation
  attributed   an attribution that takes responsibility covers the sentence:
               a named or official source, a document, an expert or a wire
               agency ("Police said the man allegedly...")
  governs      the hedge carries a factual claim in the reporter's voice: not
               quoted, not attributed, and not an adjective (the legal
               "the alleged attacker" is caution, not a claim)

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
            "has reportedly", "have reportedly")
    :add_as("alleged", "allegedly", "it is alleged", "it was alleged",
            "is alleged to", "are alleged to", "was alleged to", "were alleged to")
    :add_as("belief", "it is believed", "it was believed", "is believed to",
            "are believed to", "was believed to", "were believed to",
            "it is thought", "is thought to", "are thought to", "was thought to",
            "it is understood", "is understood to", "are understood to",
            "is rumoured to", "is rumored to", "are rumoured to", "are rumored to",
            "it is rumoured", "it is rumored", "rumour has it", "rumor has it",
            "it is feared", "is feared to")
    :add_as("said", "is said to", "are said to", "was said to", "were said to",
            "it is said", "it was said", "supposedly", "purportedly")
    :add_as("claimed", "it is claimed", "it was claimed", "is claimed to",
            "are claimed to", "was claimed to")
    :add_as("adverb", "apparently", "ostensibly", "seemingly", "presumably")
    :add_as("weasel", "some say", "some believe", "many believe", "many say",
            "critics say", "observers say", "it is widely believed",
            "widely believed", "it is widely thought", "some have suggested",
            "it has been suggested", "it is suggested")
    :add_as("speculation", "it is speculated", "amid speculation",
            "there is speculation", "speculation is rife")
    :add_as("adjective", "alleged", "purported", "so-called"),
}

local hedge_re = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}-])]] .. alt .. [[(?![\p{L}\p{N}-])]]
end, "i", M.lexicon.hedges)

-- Attribution types that take responsibility for what the sentence says.
local RESPONSIBLE = {
  ["official-named"] = true, ["official-unnamed"] = true, ["document"] = true,
  ["named"] = true, ["expert"] = true, ["wire"] = true,
}

local function memo(doc)
  local c = doc.cache["spindle.hedges"]
  if not c then
    c = {}
    doc.cache["spindle.hedges"] = c
  end
  return c
end

---@class Hedge
---@field text string
---@field start integer
---@field stop integer
---@field kind string
---@field quoted boolean
---@field attributed boolean
---@field governs boolean

---The hedges in a sentence, in text order. Shared: do not modify.
---@param sentence Sentence
---@return Hedge[]
function M.find(sentence)
  local doc = sentence.doc
  local c = memo(doc)
  local list = c[sentence.index]
  if list then return list end
  list = {}
  local attributed
  for m in hedge_re():gmatch(sentence) do
    if attributed == nil then
      attributed = false
      for _, a in ipairs(sources.around(sentence)) do
        if RESPONSIBLE[a.type] then attributed = true break end
      end
    end
    local kind = M.lexicon.hedges:kind(m.text) or "other"
    local quoted = doc:in_quote(m.start)
    list[#list + 1] = {
      text = m.text, start = m.start, stop = m.stop, kind = kind,
      quoted = quoted, attributed = attributed,
      governs = not quoted and not attributed and kind ~= "adjective",
    }
  end
  c[sentence.index] = list
  return list
end

---The hedges of a sentence that carry a claim in the reporter's voice.
---@param sentence Sentence
---@return Hedge[]
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

return M
