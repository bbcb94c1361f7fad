---@meta spindle.language
-- LuaLS annotations for spindle.language (not loaded at run time).

---A loaded word or an absolute claim in a sentence.
---@class spindle.Term
---@field text string the words as written
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "falsehood"|"smear"|"contempt"|"outrage"|"certainty"|"total"|"never"|"universal"|string
---@field voice "quoted"|"attributed"|"reporter" whose words they are
---@field literal boolean a fixed phrase or a name where the word only describes ("sham marriage", "Shameless")

---@class spindle.language
---@field lexicon {loaded: spindle.Lexicon, literal: spindle.Lexicon, absolutes: spindle.Lexicon, reporting_verbs: spindle.Lexicon}
local language = {}

---The loaded words of a sentence (shared: do not modify).
---@param s spindle.Sentence
---@return spindle.Term[]
function language.loaded(s) end

---The absolute claims of a sentence (shared: do not modify).
---@param s spindle.Sentence
---@return spindle.Term[]
function language.absolutes(s) end

---Whose words stand at a body offset of a sentence.
---@param s spindle.Sentence
---@param offset integer
---@param stop? integer end of the words, to see single quotes around them
---@return "quoted"|"attributed"|"reporter"
function language.voice(s, offset, stop) end

---Words for a rule's `needs` from a lexicon's entries: each entry's longest
---word, leaving out a word that holds another one of the list.
---@param lex spindle.Lexicon
---@return string[]
function language.needs(lex) end

return language
