---@meta spindle.lexicon
-- LuaLS annotations for spindle.lexicon (not loaded at run time).

---A word list an analyst can extend: a plain array of phrases with methods.
---Matching is case-insensitive; a space in an entry matches any whitespace.
---@class spindle.Lexicon
---@field name string what the list holds, for messages
---@field version integer bumped on every change; regexes built from the lexicon rebuild after it changes
---@field kinds table<string, string> entry (lower case) -> kind, for lists whose entries carry one
---@field [integer] string the entries, in the order they were added
local Lexicon = {}

---Adds entries: any number of strings, or one array of strings. An entry
---already there is not added twice. An empty or non-string entry is an error.
---@param ... string|string[]
---@return spindle.Lexicon self
function Lexicon:add(...) end

---Adds entries and records `kind` for each ("belief", "contract", ...);
---for an entry already there, updates its kind.
---@param kind string
---@param ... string|string[]
---@return spindle.Lexicon self
function Lexicon:add_as(kind, ...) end

---Removes an entry (case-insensitive); does nothing when it is absent.
---@param word string
---@return spindle.Lexicon self
function Lexicon:remove(word) end

---True when the lexicon holds this exact entry (case-insensitive).
---@param word string
---@return boolean
function Lexicon:has(word) end

---The kind recorded for an entry, or nil.
---@param word string
---@return string|nil
function Lexicon:kind(word) end

---A copy of the entries as a plain array.
---@return string[]
function Lexicon:list() end

---The entries as a PCRE2 alternation "(?:a|b|...)", longest first, escaped,
---spaces as \s+. Given the `flags` of the pattern it goes into ("i", ...),
---the same alternation shaped as a trie (faster, same matches) where the two
---match alike; `lexicon.regex` passes them.
---@param flags? string
---@return string
function Lexicon:alternation(flags) end

---@class spindle.lexicon
---@field generation integer bumped on every change of any lexicon
local lexicon = {}

---Creates a lexicon.
---@param name string
---@param words? string[] initial entries
---@return spindle.Lexicon
function lexicon.new(name, words) end

---Escapes a phrase for a PCRE2 pattern; runs of spaces become \s+.
---@param word string
---@return string
function lexicon.escape(word) end

---A list of phrases as a PCRE2 alternation shaped as a trie
---("s(?:a(?:id|ys?)|...)"): each letter tested once. With `keep_case` false
---the phrases are lower-cased (for a caseless pattern); runs of spaces as
---`space` (default \s+).
---@param words string[]
---@param keep_case? boolean
---@param space? string
---@return string
function lexicon.trie(words, keep_case, space) end

---Builds a regex from lexicons and keeps it until one of them changes.
---`build` receives their alternations, in order, and returns the pattern,
---and may return as well the words every match begins with (an array of
---strings and lexicons; see spindle.re's `starts`).
---Call the returned getter inside check(): `for m in re():gmatch(s) do`.
---@param build fun(...: string): string, (string|spindle.Lexicon)[]?
---@param flags string|nil spindle.re flags ("i", "x", ...)
---@param ... spindle.Lexicon
---@return fun(): spindle.Regex getter for the compiled pattern
function lexicon.regex(build, flags, ...) end

---The words of `starts` (strings, and lexicons or arrays of strings) as one
---array for spindle.re's `starts`, keeping `boundary`; with `after_b` (the
---pattern puts \b right before the words) `boundary` is set when every
---word begins with an ASCII letter or digit.
---@param starts (string|string[]|spindle.Lexicon)[]
---@return string[]
function lexicon.starts(starts) end

---A rule's `needs` list from fixed words and the words of lexicons:
---lowercased, each once, without a word that holds another one (needs match
---by substring, so the shorter word skips the same articles).
---@param fixed string[]
---@param ... spindle.Lexicon|string[]
---@return string[]
function lexicon.needs(fixed, ...) end

return lexicon
