---@meta spindle.sources
-- LuaLS annotations for spindle.sources (not loaded at run time).

---@alias spindle.SourceType
---| "official-named"   # a named official, or an institution on the record ("the ministry said", "a Foreign Office spokesman")
---| "official-unnamed" # officials nobody names ("officials said", "a ministry spokesperson", "two ministers")
---| "document"         # a statement, filing, record, official data, a named report
---| "wire"             # a news agency ("(Reuters)", "Based on PTI report", "AFP said")
---| "media"            # other media ("reports suggested", "local media", "the newspaper said")
---| "anonymous"        # unnamed sources ("sources said", "people familiar with the matter", "the BBC understands")
---| "expert"           # analysts, economists, researchers, studies, surveys
---| "named"            # a named person or organisation with no official role
---| "other"            # anyone else unnamed ("critics say"), or a pronoun whose speaker was not found

---Who a sentence says its claims come from.
---@class spindle.Attribution: spindle.Span
---@field text string the attributing words as written ("Ambassador Denis Ivanov said")
---@field start integer body byte offset, 0-based
---@field stop integer end offset, exclusive
---@field verb string the speech verb or marker ("said", "according to", "in a statement", "saying")
---@field source string the source phrase as written ("Ambassador Denis Ivanov", "sources")
---@field type spindle.SourceType
---@field named boolean a person, organisation or outlet is named
---@field quoted boolean the attribution lies inside a quotation: the quoted speaker's source, ignored by the predicates
---@field carried boolean carried from another sentence: a pronoun speaker ("He added") or a quotation's speaker
---@field via string|nil for a carried attribution, the words in this sentence ("He")
---@field denial boolean the verb denies a claim ("denied that", "dismissed the reports", ", denying ...")
---@field credit boolean a wire credit ("(Reuters)", "— AFP", "Based on IANS report", "with inputs from PTI")
---@field hearsay boolean|nil words the article did not hear, from a report it does not name ("is reported as saying", "has been quoted as saying"); type "media", source the speaker
---@field outlet string|nil who carried the words, for "Reuters quoted a central bank official as saying" (source: the official)

---Options of the predicates.
---@class spindle.sources.Options
---@field scope? "sentence"|"paragraph" the sentence (default) or every sentence of its paragraph
---@field unnamed? boolean sources.official: count unnamed officials too

---A sentence, or anything with a `sentence` field (a Claim, a Hedge with one).
---@alias spindle.sources.Target spindle.Sentence|{sentence: spindle.Sentence}

---The article's sourcing at a glance (sources.summary).
---@class spindle.sources.Summary
---@field types table<spindle.SourceType, integer> unquoted attributions written in the article, by type (carried ones not counted again)
---@field sentences integer sentences in the article
---@field attributed integer sentences that some unquoted attribution covers
---@field agencies table<string, boolean> wire agencies credited or cited

---@class spindle.sources.lexicons
---@field speech_verbs spindle.Lexicon verbs that attribute ("said", "told", "denied", "has learned")
---@field participles spindle.Lexicon participles that continue the clause's subject (", saying", ", adding")
---@field denial_verbs spindle.Lexicon verbs that deny or reject
---@field official_titles spindle.Lexicon titles of people who speak for a state, institution or company
---@field unnamed_officials spindle.Lexicon officials not named by these words alone ("officials", "spokesman")
---@field institutions spindle.Lexicon institutions and organisations that speak on record
---@field anonymous spindle.Lexicon words for unnamed sources ("sources", "people familiar with")
---@field anonymity spindle.Lexicon phrases that make any source anonymous ("on condition of anonymity")
---@field wire_agencies spindle.Lexicon news agencies (matched case-sensitively as names)
---@field media spindle.Lexicon words that make a source other media
---@field documents spindle.Lexicon words that make a source a document or record
---@field experts spindle.Lexicon words that make a source an expert

---@class spindle.sources
---@field lexicon spindle.sources.lexicons the word lists, extendable in one line: `sources.lexicon.official_titles:add("Ombudsman")`
---@field strength table<string, number> how much each type vouches for a claim (sources.best ranks by it); "expert-named" for a named expert
local sources = {}

---Every attribution covering a sentence: those written in it (quoted ones
---marked `quoted`), pronoun speakers resolved, a quotation's speaker
---carried in. Shared: do not modify.
---@param sentence spindle.sources.Target
---@return spindle.Attribution[]
function sources.attributions(sentence) end

---The attributions in scope (unquoted); `opts.scope = "paragraph"` reaches
---every sentence of the paragraph.
---@param x spindle.sources.Target
---@param opts? spindle.sources.Options
---@return spindle.Attribution[]
function sources.around(x, opts) end

---Every attribution in the article, sentence by sentence (resolved). Analyses
---every sentence: prefer the per-sentence functions when a rule needs few.
---@param doc spindle.Doc
---@return spindle.Attribution[]
function sources.all(doc) end

---Whether an accountable source covers x: "official-named" or "document"
---(with `opts.unnamed`, "official-unnamed" too).
---@param x spindle.sources.Target
---@param opts? spindle.sources.Options
---@return boolean
function sources.official(x, opts) end

---The strongest source covering x as "type: source" ("none" when there is
---none), and the attribution itself.
---@param x spindle.sources.Target
---@param opts? spindle.sources.Options
---@return string description
---@return spindle.Attribution|nil attribution
function sources.best(x, opts) end

---True when an anonymous attribution covers x and nothing named, official
---or documentary does; with the first anonymous attribution.
---@param x spindle.sources.Target
---@param opts? spindle.sources.Options
---@return boolean
---@return spindle.Attribution|nil
function sources.anonymous_only(x, opts) end

---True when at least one attribution covers x and every one has a type in
---`types` (a set: `{ media = true }`); with the first of them.
---@param x spindle.sources.Target
---@param types table<spindle.SourceType, boolean>
---@param opts? spindle.sources.Options
---@return boolean
---@return spindle.Attribution|nil
function sources.only(x, types, opts) end

---True when some attribution (any type) covers x.
---@param x spindle.sources.Target
---@param opts? spindle.sources.Options
---@return boolean
function sources.attributed(x, opts) end

---A source on the record close to x that identifies an unnamed source of
---it: an attribution to a named person, a named body or a document in the
---sentence right after x, or in the sentence before or the two after that
---when it shares a capitalised word with `phrase` ("Pentagon officials" ...
---"the Pentagon's contract office said"). News style names in the second
---sentence the official the lead left unnamed.
---@param x spindle.sources.Target
---@param phrase? string the unnamed source phrase
---@return spindle.Attribution|nil
function sources.identified_nearby(x, phrase) end

---Whether a source phrase names the body or outlet it speaks for: a
---capitalised word that is not a nationality ("Russian officials"), a place
---the words come from ("reports from Russia") or a word of the lexicons of
---unnamed people and media ("Officials", "Reports" opening a sentence).
---True for "Treasury officials", "officials representing the Moscow
---Department of Health", "Arab News".
---@param phrase string
---@return boolean
function sources.names_body(phrase) end

---The article's denials (unquoted, pronouns resolved), in text order. Only
---sentences with a denial verb are analysed.
---@param doc spindle.Doc
---@return spindle.Attribution[]
function sources.denials(doc) end

---The article's wire credits, in text order. Only sentences with a credit
---cue are analysed.
---@param doc spindle.Doc
---@return spindle.Attribution[]
function sources.credits(doc) end

---The wire agencies named in a text, in order, each once (case matters).
---@param text string
---@return string[]
function sources.agencies(text) end

---Counts of the article's attributions by type, and how many sentences are
---covered. Analyses every sentence.
---@param doc spindle.Doc
---@return spindle.sources.Summary
function sources.summary(doc) end

---Classifies a source phrase yourself: its type ("pronoun" for a bare
---pronoun) and whether it names someone. Cached by the phrase's shape.
---@param phrase string
---@param verb? string the verb it goes with ("reported" leans to media, "understands" to anonymous)
---@return spindle.SourceType|"pronoun" type
---@return boolean named
function sources.classify(phrase, verb) end

---How strongly an attribution vouches for a claim (from sources.strength).
---@param a spindle.Attribution
---@return number
function sources.strength_of(a) end

---Lower-case words of the named lexicons for a rule's `needs` list, as the
---lexicons are when called: `needs = sources.needs("wire_agencies")`.
---@param ... string lexicon names ("media", "anonymous", ...)
---@return string[]
function sources.needs(...) end

return sources
