---@meta spindle.quotes
-- LuaLS annotations for spindle.quotes (not loaded at run time).

---A quotation in the body.
---@class spindle.Quote
---@field text string the quoted words, without the marks
---@field start integer body byte offset of the opening mark
---@field stop integer end offset, after the closing mark (or the paragraph's end)
---@field inner {start: integer, stop: integer} the words inside the marks
---@field sentence spindle.Sentence where it opens
---@field last spindle.Sentence where it ends
---@field paragraph integer paragraph index, 1-based
---@field words integer number of words
---@field kind "speech"|"term" speech, or a scare quote, label, nickname or title
---@field partial boolean a phrase inside a sentence of the reporter's, not a sentence of its own
---@field open_ended boolean no closing mark before its paragraph (or the next quotation) ends
---@field continued boolean it goes on from an open-ended quotation just before it
---@field speaker Attribution|nil who said it, found on first access
---@field how "sentence"|"tag"|"colon"|"continued"|"adjacent"|"paragraph"|"subject"|"lead"|"introduced"|"interview"|"carried"|"following"|nil how the speaker was found

---@class spindle.quotes
---@field lexicon {labels: spindle.Lexicon} words before a quotation that make it a term ("dubbed", "the film")
local quotes = {}

---Every quotation of the body, in text order (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Quote[]
function quotes.all(doc) end

---The quotations lying wholly or partly in a sentence.
---@param sentence spindle.Sentence
---@return spindle.Quote[]
function quotes.in_sentence(sentence) end

---The quotation holding a body offset, or nil.
---@param doc spindle.Doc
---@param offset integer
---@return spindle.Quote|nil
function quotes.at(doc, offset) end

---Whether a quotation has a speaker, trying cheap checks first.
---@param q spindle.Quote
---@return boolean
function quotes.attributed(q) end

return quotes
