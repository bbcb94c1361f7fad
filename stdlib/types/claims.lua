---@meta spindle.claims
-- LuaLS annotations for spindle.claims (not loaded at run time).

---A figure the article asserts: a money amount, a percentage or a count.
---@class spindle.Claim
---@field kind "money"|"percent"|"count"
---@field text string the words as written ("$2.6bn", "at least 40 people")
---@field start integer body byte offset, 0-based (title offset for claims.title_list)
---@field stop integer end offset, exclusive
---@field span {start: integer, stop: integer}
---@field part "title"|nil "title" for the claims of claims.title_list, so that report{ at = claim } points at the headline
---@field sentence spindle.Sentence|nil the sentence holding it (nil in the title)
---@field currency string|nil ISO 4217 code ("USD", "INR", "RUB") or nil
---@field symbol string|nil the currency as written ("US$", "Rs", "roubles")
---@field value number|nil the amount; a range's lower bound; nil when vague
---@field low number|nil least it can be ("at least 40" -> 40; "multibillion" -> 2e9)
---@field high number|nil most it can be ("up to 40" -> 40); nil when open
---@field scale number|nil the multiplier written (1e9 for "bn"), 1 when none
---@field vague boolean a magnitude with no figure ("billions of dollars")
---@field approx boolean hedged with "about", "nearly", "some", "an estimated"
---@field qualifier string|nil the qualifying words ("at least", "up to")
---@field converted boolean an amount in brackets converting the one before: "$1.13bn (£600m)"
---@field noun string|nil counts: what is counted ("people", "jobs")
---@field counted "people"|"things"|nil counts: people or things
---@field fatal boolean|nil casualty counts: deaths ("killed", "died", "death toll")
---@field context "deal"|"loan"|"aid"|"penalty"|"economic"|"casualties"|"other" kind of the nearest context word
---@field topic string the same, finer: "contract", "investment" or "deal" for deal words
---@field contexts table<string, boolean> every context kind and topic in the sentence
---@field quoted boolean the claim lies inside a quotation
local Claim = {}

---True when the nearest context word is a deal word (deal, contract,
---investment, purchase, ...): the amount is the size of a deal.
---@return boolean
function Claim:is_deal() end

---True when the sentence has a context word of this kind or topic anywhere.
---@param kind "deal"|"contract"|"investment"|"loan"|"aid"|"penalty"|"economic"|"casualties"|string
---@return boolean
function Claim:is(kind) end

---The figure in one number: value, else high, else low (nil for "huge sums").
---@return number|nil
function Claim:figure() end

---@class spindle.claims
---@field lexicon spindle.claims.lexicons the word lists, extendable in one line
---@field Claim table the Claim metatable (spindle.Claim)
local claims = {}

---@class spindle.claims.lexicons
---@field currency_prefixes spindle.Lexicon symbols and codes before the number ("$", "Rs", "USD")
---@field currency_words spindle.Lexicon names and codes after the number ("roubles", "yuan")
---@field currency_codes table<string, string> written currency (lower case, no dots or spaces) -> ISO code
---@field deal_words spindle.Lexicon deal words, each with its topic: "contract", "investment", "deal"
---@field loan_words spindle.Lexicon
---@field aid_words spindle.Lexicon
---@field penalty_words spindle.Lexicon
---@field economic_words spindle.Lexicon
---@field casualty_words spindle.Lexicon
---@field count_nouns spindle.Lexicon nouns that make a number a count, each "people" or "things"

---Iterates over the money claims of the body, in text order.
---@param doc spindle.Doc
---@return fun(): spindle.Claim|nil
function claims.money(doc) end

---The money claims of the body as an array (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Claim[]
function claims.money_list(doc) end

---Iterates over the percentages of the body.
---@param doc spindle.Doc
---@return fun(): spindle.Claim|nil
function claims.percentages(doc) end

---The percentages of the body as an array (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Claim[]
function claims.percent_list(doc) end

---Iterates over the counts of people and things ("12,000 jobs", "at least 40 killed").
---@param doc spindle.Doc
---@return fun(): spindle.Claim|nil
function claims.counts(doc) end

---The counts of the body as an array (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Claim[]
function claims.count_list(doc) end

---Every claim of the body -- money, percentages, counts -- in text order.
---@param doc spindle.Doc
---@return spindle.Claim[]
function claims.all(doc) end

---The claims of one kind in a sentence ("money" by default, or "percent", "count", "all").
---@param sentence spindle.Sentence
---@param kind? "money"|"percent"|"count"|"all"
---@return spindle.Claim[]
function claims.in_sentence(sentence, kind) end

---The claims in the title; their offsets index doc.title, their sentence is nil.
---@param doc spindle.Doc
---@return spindle.Claim[]
function claims.title_list(doc) end

---The claims in any text (REPL, tests); offsets index the text.
---@param text string
---@return spindle.Claim[]
function claims.in_text(text) end

---One amount on its own ("Rs 3,000 crore"), or nil.
---@param text string
---@return spindle.Claim|nil
function claims.parse_money(text) end

---Whether two claims state the same figure: same kind, no conflicting
---currency, within `tolerance` (share, default 0.1; percentages within one
---point) or one inside the other's range.
---@param a spindle.Claim
---@param b spindle.Claim
---@param tolerance? number
---@return boolean
function claims.same_figure(a, b, tolerance) end

---Whether sentence s opens with the person or body whose figures it gives
---(its own figures, a matter of record): "possessive" ("Shell's profits
---rose", "Its sales fell"), "actor" ("Turkey has agreed to borrow $10bn",
---"The courts awarded Varig 2bn reais"), or nil; a passive is neither.
---@param s spindle.Sentence
---@return "possessive"|"actor"|nil
function claims.owner_lead(s) end

return claims
