---@meta spindle.language
-- LuaLS annotations for spindle.language (not loaded at run time).

---A loaded word or an absolute claim in a sentence.
---@class spindle.Term
---@field text string the words as written
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "falsehood"|"smear"|"contempt"|"outrage"|"certainty"|"proof"|"total"|"never"|"universal"|"debunking"|string
---@field voice "quoted"|"attributed"|"reader"|"opinion"|"reporter" whose words they are
---@field literal boolean a use that passes no verdict: a fixed phrase or a name ("sham marriage", "Shameless"), a show ("outrageous stunts"), certainty that is only emphasis or praise

---@class spindle.language
---@field lexicon {loaded: spindle.Lexicon, literal: spindle.Lexicon, spectacle: spindle.Lexicon, absolutes: spindle.Lexicon, reporting_verbs: spindle.Lexicon, claim_nouns: spindle.Lexicon}
local language = {}

---The loaded words of a sentence (shared: do not modify).
---@param s spindle.Sentence
---@return spindle.Term[]
function language.loaded(s) end

---The absolute claims of a sentence (shared: do not modify).
---@param s spindle.Sentence
---@return spindle.Term[]
function language.absolutes(s) end

---Whose words a sentence is (no offset): "quoted" (inside a quotation),
---"reader" (a reader's comment appended to the article), "opinion" (a
---paragraph in the writer's own person, and every paragraph of an article
---whose writer says "I" outside quotations: a column) or "reporter"; an
---interview's answer ("Dr Roberts: ...") is "quoted". With an offset, whose words stand
---there: also "attributed" (someone else's words report them).
---@param s spindle.Sentence
---@param offset? integer body byte offset in the sentence
---@param stop? integer end of the words, to see single quotes around them
---@return "quoted"|"reader"|"opinion"|"attributed"|"reporter"
function language.voice(s, offset, stop) end

---The reporter's debunking verdict in a sentence, or nil: a falsehood word
---aimed at a claim ("the conspiracy theory that", "a false claim", "no
---evidence that", "has been debunked") with evidence cited in the sentence
---or its neighbours in the paragraph, or a later use of such a word in an
---article that has debunked.
---@param s spindle.Sentence
---@return spindle.Term|nil
function language.debunking(s) end

---Words for a rule's `needs` from a lexicon's entries: each entry's longest
---word, leaving out a word that holds another one of the list.
---@param lex spindle.Lexicon
---@return string[]
function language.needs(lex) end

return language
