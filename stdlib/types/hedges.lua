---@meta spindle.hedges
-- LuaLS annotations for spindle.hedges (not loaded at run time).

---A hedge or weasel word in a sentence.
---@class spindle.Hedge
---@field text string the words ("reportedly", "is believed to")
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "reported"|"alleged"|"belief"|"said"|"claimed"|"adverb"|"weasel"|"speculation"|"adjective"|string
---@field quoted boolean inside a quotation
---@field attributed boolean a responsible source (official, named, document, expert, wire) or a cited book or report covers the sentence
---@field legal boolean "allegedly" in a sentence about charges, arrests, a trial: legal caution
---@field question boolean the sentence is a question
---@field factual boolean the sentence asserts something (not a question)
---@field governs boolean carries a factual claim in the reporter's voice: not quoted, attributed, legal, an adjective or in a question
---@field claim {start: integer, stop: integer} the clause the hedge carries

---@class spindle.hedges
---@field lexicon {hedges: spindle.Lexicon, legal: spindle.Lexicon} hedges (each with its kind) and the words of legal process
local hedges = {}

---The hedges of a sentence, in text order (shared: do not modify).
---@param sentence spindle.Sentence
---@return spindle.Hedge[]
function hedges.find(sentence) end

---The hedges of a sentence that govern a claim in the reporter's voice.
---@param sentence spindle.Sentence
---@return spindle.Hedge[]
function hedges.governing(sentence) end

---Lower-case phrases for a rule's `needs`, in step with the lexicon; `kinds`
---limits them (default: every kind but "adjective").
---@param kinds? table<string, boolean>
---@return string[]
function hedges.needs(kinds) end

return hedges
