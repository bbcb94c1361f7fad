---@meta
-- LuaLS annotations for the rule API that the Spindle core provides: rule{},
-- report{}, the doc, sentences and paragraphs, spindle.re and its matches.
-- Not loaded at run time: point your editor's Lua language server at this
-- folder (see docs/rules.md, "Editor support").

---@alias spindle.Severity "info"|"low"|"medium"|"high"

---A span of the body: byte offsets, 0-based, end exclusive.
---@class spindle.Span
---@field start integer  first byte
---@field stop integer   one past the last byte

---One sentence of the body.
---@class spindle.Sentence: spindle.Span
---@field text string        the sentence text (doc.body:sub(start + 1, stop))
---@field index integer      1-based position in doc:sentences()
---@field paragraph integer  1-based index of its paragraph
---@field quoted boolean     the whole sentence lies inside one quotation
---@field has_quote boolean  some part of it lies inside a quotation
---@field doc spindle.Doc    the article it belongs to
local Sentence = {}

---The sentence before this one, or nil for the first.
---@return spindle.Sentence|nil
function Sentence:prev() end

---The sentence after this one, or nil for the last.
---@return spindle.Sentence|nil
function Sentence:next() end

---The sentences of this sentence's paragraph, in order.
---@return spindle.Sentence[]
function Sentence:paragraph_sentences() end

---One paragraph (paragraphs are separated by blank lines).
---@class spindle.Paragraph: spindle.Span
---@field text string
---@field index integer
---@field sentences spindle.Sentence[]

---The article a rule's check receives.
---@class spindle.Doc
---@field id string
---@field title string             "" when the article has none
---@field body string
---@field url string|nil
---@field outlet string|nil
---@field author string|nil
---@field published string|nil     ISO 8601 as given
---@field lang string|nil
---@field meta table               every other input field
---@field body_line integer|nil     read from a text file: the file's line where the body starts
---@field cache table              fresh per article, shared by all rules on it: memoise here
local Doc = {}

---The sentences of the body, built once per article.
---@return spindle.Sentence[]
function Doc:sentences() end

---The paragraphs of the body.
---@return spindle.Paragraph[]
function Doc:paragraphs() end

---Every match of re in the body.
---@param re spindle.Regex
---@return fun(): spindle.Match|nil
function Doc:find(re) end

---The sentence holding byte offset off, or nil.
---@param off integer
---@return spindle.Sentence|nil
function Doc:sentence_at(off) end

---The quotation spans of the body, quotation marks included, in order.
---@return spindle.Span[]
function Doc:quotes() end

---True when byte offset off lies inside a quotation.
---@param off integer
---@return boolean
function Doc:in_quote(off) end

---A match of a spindle.re pattern. Positions are in the subject's
---coordinates: offsets into a string subject, body offsets for a span subject.
---@class spindle.Match: spindle.Span
---@field text string                         the matched text
---@field spans table<integer, spindle.Span|false>  each capture's span
---@field [integer] string|false              capture texts (false when unset)

---A compiled PCRE2 pattern (UTF, UCP, JIT; cached by pattern and flags).
---@class spindle.Regex
local Regex = {}

---@alias spindle.Subject string|spindle.Sentence|{text: string, start: integer}

---True when the pattern matches.
---@param subject spindle.Subject
---@param init? integer
---@return boolean
function Regex:test(subject, init) end

---Start and stop of the first match, then the captures; nil when none.
---@param subject spindle.Subject
---@param init? integer
---@return integer|nil start
---@return integer|nil stop
---@return string|false ... captures
function Regex:find(subject, init) end

---The first match as a Match table, or nil.
---@param subject spindle.Subject
---@param init? integer
---@return spindle.Match|nil
function Regex:match(subject, init) end

---Every match, in order.
---@param subject spindle.Subject
---@param init? integer
---@return fun(): spindle.Match|nil
function Regex:gmatch(subject, init) end

---@class spindle
---@field version string
spindle = {}

---Compiles a PCRE2 pattern. Flags: i caseless, m multiline, s dotall,
---x extended, U ungreedy. A bad pattern raises an error naming the offset.
---`starts`, when given, are the words every match begins with (read
---caselessly, a space as \s+; one opening with a non-ASCII character
---stands for any such character), and `starts.boundary = true` says that
---no letter or digit comes right before a match: matching then tries only
---where one of them begins, which finds the same matches faster. Leave out
---none, or matches are lost. The first declaration for a pattern holds.
---@param pattern string
---@param flags? string
---@param starts? string[]
---@return spindle.Regex
function spindle.re(pattern, flags, starts) end

---Which text of the article a finding points into.
---@alias spindle.Part "body"|"title"

---What report{} takes. `at` is "title" (the whole headline) or a table; a
---table's optional `part` field says which text its offsets are in ("body",
---the default, or "title": offsets into doc.title, e.g.
---`{ 0, 5, part = "title" }` or a title claim carrying `part = "title"`).
---@class spindle.Report
---@field at "title"|spindle.Span|spindle.Sentence|spindle.Match|{[1]: integer, [2]: integer, part?: spindle.Part}|{span: spindle.Span, part?: spindle.Part}|{sentence: spindle.Sentence}|{start: integer, stop: integer, part?: spindle.Part}
---@field message? string   why (default: the rule's title)
---@field score? number     confidence 0..1 (default 1); finding score = weight x score
---@field evidence? table<string, string|number|boolean|table>

---An example article: only body is required.
---@class spindle.ExampleArticle
---@field body string
---@field title? string
---@field url? string
---@field outlet? string
---@field author? string
---@field published? string
---@field lang? string
---@field meta? table

---Examples that `spindle test` runs.
---@class spindle.Examples
---@field flag? (string|spindle.ExampleArticle)[]  each must give a finding
---@field pass? (string|spindle.ExampleArticle)[]  each must give none

---A rule definition.
---@class spindle.Rule
---@field id string                 unique, lowercase-kebab-case
---@field title string
---@field severity spindle.Severity
---@field weight number             0 < weight <= 1: a finding's base score
---@field tags? string[]
---@field needs? string[]           skip articles containing none of these words (any case)
---@field description? string
---@field check fun(doc: spindle.Doc, report: fun(r: spindle.Report))
---@field examples? spindle.Examples
---@field enabled? boolean          false: the rule ships off; scan and score run it only with --enable ID (or --enable all, or when loaded with --rules PATH); `spindle test` still runs its examples

---Defines a rule (only while a rule file loads).
---@param def spindle.Rule
function rule(def) end
