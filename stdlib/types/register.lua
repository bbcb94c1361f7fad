---@meta spindle.register
-- LuaLS annotations for spindle.register (not loaded at run time).

---A mark of a sensational voice in the writer's own words.
---@class spindle.Mark
---@field text string the words or marks as written ("BREAKING", "NOT", "!!")
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "alarm"|"interrobang"|"emphatic"|"exclaim"|"caps"|"emphasis"|"staccato"|"clickbait"|"hype"
---@field strength number what it weighs (register.strength[kind])
---@field sentence spindle.Sentence the sentence holding it

---An article's sensational marks summed up.
---@class spindle.Tally
---@field marks spindle.Mark[] as register.sensational gives them
---@field strength number the marks' weights summed, exclamation marks at most register.punctuation_cap; 1 or more reads as sensational
---@field strongest spindle.Mark|nil the first of the heaviest marks
---@field kinds table<string, integer> kind -> number of marks
---@field words integer words in the body (0 when there is no mark)
---@field density number strength per 1,000 words

---A claim of confirmed or exclusive knowledge that no one can check.
---@class spindle.Confirmation
---@field text string the words ("we have confirmed", "can exclusively reveal", "our sources confirm")
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "first-person"|"exclusive"|"sources"
---@field sentence spindle.Sentence

---Speech attributed at second hand with no where or when near it.
---@class spindle.Speech
---@field text string the words ("is quoted as saying", "reportedly said")
---@field start integer body byte offset
---@field stop integer end offset, exclusive
---@field kind "quoted-as"|"reportedly"|"said-to-have"
---@field sentence spindle.Sentence

---@class spindle.register.lexicons
---@field alarms spindle.Lexicon shouted labels, matched as written before ":", "!" or a dash ("BREAKING", "BOOM")
---@field hype spindle.Lexicon caseless phrases of kind "clickbait" ("you won't believe") or "hype" ("shocking")
---@field emphasis spindle.Lexicon English words that, written in capitals, are emphasis, never acronyms ("NOT", "ZERO")
---@field records spindle.Lexicon subjects that are written records, not speakers ("document", "memo")

---@class spindle.register
---@field lexicon spindle.register.lexicons the word lists, extendable in one line: `register.lexicon.alarms:add("SCANDAL")`
---@field strength table<string, number> what each kind of Mark weighs (a plain table a rule file may change)
---@field punctuation_cap number the most that exclamation marks ("exclaim", "emphatic") weigh together
local register = {}

---The sensational marks of the article in the writer's own voice, in text
---order: not in quotations, single quotes, embedded social media posts or
---readers' comments (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Mark[]
function register.sensational(doc) end

---The article's sensational marks summed up (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Tally
function register.sensational_tally(doc) end

---Claims of confirmed or exclusive knowledge in the writer's own voice with
---no checkable source in the sentence, in text order (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Confirmation[]
function register.confirmations(doc) end

---Speech attributed at second hand ("is quoted as saying", "reportedly
---said") when neither its sentence, the one before nor the four after say
---where it was said (nor, up to three before, an outlet spoken to), and
---neither it, the one before nor the two after say when, in text order
---(shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Speech[]
function register.unplaced_speech(doc) end

return register
