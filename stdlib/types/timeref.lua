---@meta spindle.timeref
-- LuaLS annotations for spindle.timeref (not loaded at run time).

---A time reference in a sentence.
---@class spindle.TimeRef
---@field text string the words ("earlier this year", "on Monday", "12 March 2004")
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "specific"|"relative"|"vague"|"trend"
---@field date {year: integer|nil, month: integer|nil, day: integer|nil}|nil for explicit dates
---@field quoted boolean inside a quotation

---@class spindle.timeref
---@field lexicon {vague: spindle.Lexicon, trend: spindle.Lexicon}
local timeref = {}

---The time references of a sentence, in text order (shared: do not modify).
---@param s spindle.Sentence
---@return spindle.TimeRef[]
function timeref.find(s) end

---The lead: the first paragraph's sentences, at most n (default 3).
---@param doc spindle.Doc
---@param n? integer
---@return spindle.Sentence[]
function timeref.lead(doc, n) end

---The publication date from doc.published (ISO 8601), or nil.
---@param doc spindle.Doc|{published: string}
---@return {year: integer, month: integer, day: integer}|nil
function timeref.published(doc) end

---Days between an explicit date and publication (negative when after), or nil.
---@param doc spindle.Doc|{published: string}
---@param t spindle.TimeRef|{date: table}
---@return integer|nil
function timeref.age_days(doc, t) end

return timeref
