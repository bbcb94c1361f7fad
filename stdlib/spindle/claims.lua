--[[
spindle.claims — the figures an article asserts, normalised.

Money amounts, each a Claim:
  "$2.6bn"  "US$ 900m"  "Rs 3,000 crore"  "€40 million"  "£1.2 billion"
  "2.5 billion roubles"  "$2-3 billion" (a range)  "a Rs 3,000-crore deal"
and vague magnitudes with no figure:
  "multibillion-dollar"  "billions of dollars"  "a multi-million deal"
  "hundreds of millions of euros"  "a billion-dollar contract"
plus percentages ("3.5%", "12 per cent") as Claims of kind "percent".

    local claims = require "spindle.claims"
    for claim in claims.money(doc) do
      if claim:is_deal() then ... end
    end

A Claim is a table:
  kind      "money" | "percent"
  text      the words of the claim as written
  start, stop, span = {start=, stop=}   body byte offsets (0-based, end exclusive)
  sentence  the Sentence holding it
  currency  ISO 4217 code ("USD", "INR", "RUB", ...) or nil when not stated
  symbol    the currency as written ("US$", "Rs", "roubles") or nil
  value     the amount as a number; for a range its lower bound; nil when vague
  low, high the bounds; low == high == value for an exact amount; for a vague
            magnitude, low is the least it implies ("multibillion" -> 2e9) and
            high is nil
  scale     the multiplier written (1e9 for "bn"), 1 when none
  vague     true for a magnitude with no figure
  context   the kind of the context word nearest to the claim in its
            sentence: "deal", "loan", "aid", "penalty" (fines, damages, tax
            bills), "economic" (revenue, profit, budget, trade), or "other"
  contexts  set of every context kind found in the sentence ({deal = true})
  quoted    true when the claim lies inside a quotation
and has methods claim:is_deal(), claim:is(kind).

A Claim can be given to report{ at = claim }.

Analysis runs once per article and is kept in doc.cache["spindle.claims"].
Currency and context words are lexicons (spindle.lexicon) that a rule file
can extend:  claims.lexicon.deal_words:add("offtake")
The map from written currency to code is a plain table, overridable:
  claims.lexicon.currency_codes["rs"] = "PKR"   -- Pakistani rupees
Bare "$" is read as USD and bare "Rs" as INR, the common readings in
English-language news; override them for other archives.
]]

local lexicon = require "spindle.lexicon"

local M = {}

-------------------------------------------------------------------------------
-- Lexicons
-------------------------------------------------------------------------------

M.lexicon = {
  ---Currencies written before the number: symbols and codes.
  currency_prefixes = lexicon.new("currency_prefixes", {
    "US$", "U.S.$", "A$", "AU$", "C$", "CA$", "HK$", "S$", "NZ$", "R$", "$",
    "€", "£", "¥", "₹", "₽", "₨", "₩", "₺", "₦", "Rs.", "Rs", "Tk.", "Tk",
    "USD", "EUR", "GBP", "INR", "PKR", "RUB", "CNY", "RMB", "JPY", "AED",
    "SAR", "BDT", "LKR", "NPR", "CHF", "AUD", "CAD", "KRW", "NGN", "ZAR",
  }),
  ---Currencies written after the number: names and codes.
  currency_words = lexicon.new("currency_words", {
    "US dollars", "dollars", "dollar", "euros", "euro", "pounds sterling",
    "pounds", "pound", "sterling", "rupees", "rupee", "roubles", "rouble",
    "rubles", "ruble", "yuan", "renminbi", "yen", "won", "taka", "riyals",
    "riyal", "dirhams", "dirham", "lira", "liras", "francs", "franc", "pesos",
    "peso", "rand", "naira", "shillings", "shilling", "dinars", "dinar",
    "USD", "EUR", "GBP", "INR", "PKR", "RUB", "CNY", "JPY", "AED", "SAR",
  }),
  ---Written currency (lower case, dots and spaces removed) -> ISO code.
  currency_codes = {
    ["$"] = "USD", ["us$"] = "USD", ["u.s.$"] = "USD", ["usd"] = "USD",
    ["dollar"] = "USD", ["dollars"] = "USD", ["usdollars"] = "USD",
    ["a$"] = "AUD", ["au$"] = "AUD", ["aud"] = "AUD", ["c$"] = "CAD",
    ["ca$"] = "CAD", ["cad"] = "CAD", ["hk$"] = "HKD", ["s$"] = "SGD",
    ["nz$"] = "NZD", ["r$"] = "BRL",
    ["€"] = "EUR", ["eur"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR",
    ["£"] = "GBP", ["gbp"] = "GBP", ["pound"] = "GBP", ["pounds"] = "GBP",
    ["sterling"] = "GBP", ["poundssterling"] = "GBP",
    ["¥"] = "JPY", ["jpy"] = "JPY", ["yen"] = "JPY",
    ["yuan"] = "CNY", ["renminbi"] = "CNY", ["rmb"] = "CNY", ["cny"] = "CNY",
    ["₹"] = "INR", ["inr"] = "INR", ["rs"] = "INR", ["rs."] = "INR",
    ["₨"] = "INR", ["rupee"] = "INR", ["rupees"] = "INR", ["crore"] = "INR",
    ["pkr"] = "PKR", ["lkr"] = "LKR", ["npr"] = "NPR",
    ["₽"] = "RUB", ["rub"] = "RUB", ["rouble"] = "RUB", ["roubles"] = "RUB",
    ["ruble"] = "RUB", ["rubles"] = "RUB",
    ["₩"] = "KRW", ["krw"] = "KRW", ["won"] = "KRW",
    ["₺"] = "TRY", ["try"] = "TRY", ["lira"] = "TRY", ["liras"] = "TRY",
    ["₦"] = "NGN", ["ngn"] = "NGN", ["naira"] = "NGN",
    ["tk"] = "BDT", ["tk."] = "BDT", ["taka"] = "BDT", ["bdt"] = "BDT",
    ["riyal"] = "SAR", ["riyals"] = "SAR", ["sar"] = "SAR",
    ["dirham"] = "AED", ["dirhams"] = "AED", ["aed"] = "AED",
    ["rand"] = "ZAR", ["zar"] = "ZAR", ["chf"] = "CHF", ["franc"] = "CHF",
    ["francs"] = "CHF",
  },
  ---Words that make a money claim part of a deal, contract or investment.
  deal_words = lexicon.new("deal_words", {
    "deal", "deals", "contract", "contracts", "contracted", "agreement",
    "agreements", "pact", "accord", "investment", "investments", "invest",
    "invests", "invested", "investing", "acquisition", "acquire", "acquired",
    "takeover", "merger", "purchase", "purchases", "purchased", "buy",
    "buying", "bought", "sale", "sell", "selling", "sold", "order",
    "ordered", "supply", "procurement", "procure", "tender", "bid", "MoU",
    "memorandum of understanding", "joint venture", "partnership",
    "signed", "sign", "signing", "project", "plant", "consortium",
  }),
  loan_words = lexicon.new("loan_words", {
    "loan", "loans", "credit line", "line of credit", "bailout", "borrowing",
    "borrowed", "debt", "bond", "bonds", "lend", "lent", "lending",
  }),
  aid_words = lexicon.new("aid_words", {
    "aid", "grant", "grants", "assistance", "relief", "donation", "donated",
    "donors", "humanitarian",
  }),
  penalty_words = lexicon.new("penalty_words", {
    "fine", "fines", "fined", "penalty", "penalties", "damages",
    "compensation", "back taxes", "tax bill", "bill", "ransom", "bribe",
    "bribes", "lawsuit",
  }),
  economic_words = lexicon.new("economic_words", {
    "GDP", "budget", "revenue", "revenues", "profit", "profits", "loss",
    "losses", "exports", "imports", "trade", "deficit", "surplus", "turnover",
    "earnings", "valuation", "market value", "spending", "tax", "taxes",
    "sales", "income", "inflation", "reserves", "wages", "salary",
  }),
}

-- Scale words -> multiplier. Keys are lower case.
local SCALES = {
  thousand = 1e3, k = 1e3,
  million = 1e6, m = 1e6, mn = 1e6, mln = 1e6,
  billion = 1e9, bn = 1e9, b = 1e9, bln = 1e9,
  trillion = 1e12, tn = 1e12, trn = 1e12, tr = 1e12,
  lakh = 1e5, lakhs = 1e5, lac = 1e5, lacs = 1e5,
  crore = 1e7, crores = 1e7, cr = 1e7,
}

-- Number words that may stand for the figure ("two billion dollars").
local NUMBER_WORDS = {
  a = 1, an = 1, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6,
  seven = 7, eight = 8, nine = 9, ten = 10, twelve = 12, fifteen = 15,
  twenty = 20, fifty = 50, hundred = 100, half = 0.5, ["half a"] = 0.5,
}

-------------------------------------------------------------------------------
-- Patterns (compiled once; the lexicon-driven ones again only after a change)
-------------------------------------------------------------------------------

local NUM = [[(?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?]]
local NUM_WORD = [[(?:half\s+an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty|hundred|half)]]
local SCALE = [[(?:lakh\s+crores?|thousand|million|billion|trillion|crores?|lakhs?|lacs?|mln|bln|trn|mn|bn|tn|cr|k|m|b)]]
local SCALE_WORD = [[(?:thousand|million|billion|trillion|crores?|lakhs?)]]
local SP = "[\\s\\x{A0}]"    -- a space, including no-break space
local DASH = [[(?:-|–|—|to)]]

-- "$2.6bn", "US$ 900m", "Rs 3,000-crore", "$2-3 billion", "€40 million euros".
local money_prefixed = lexicon.regex(function(prefixes, words)
  return ([[(?<![\p{L}\p{N}$])(?<cur>%s)%s?(?<n1>%s)(?:(?:%s|-)?(?<s1>%s)\b)?]] ..
          [[(?:%s?(?<sep>%s)%s?(?:%s)?%s?(?<n2>%s)(?:(?:%s|-)?(?<s2>%s)\b)?)?]] ..
          [[(?:%s(?<post>%s)\b)?]])
    :format(prefixes, SP, NUM, SP, SCALE, SP, DASH, SP, prefixes, SP, NUM, SP, SCALE,
            SP, words)
end, "i", M.lexicon.currency_prefixes, M.lexicon.currency_words)

-- "2.5 billion roubles", "3,000 crore rupees", "two billion dollars",
-- "2-3 billion euros", "900 million USD".
local money_suffixed = lexicon.regex(function(words)
  return ([[(?<![\p{L}\p{N}$.,])(?<n1>%s|%s)(?:(?:%s|-)?(?<s1>%s)\b)?]] ..
          [[(?:%s?(?<sep>%s)%s?(?<n2>%s))?(?:(?:%s|-)?(?<s2>%s)\b)?]] ..
          [[%s(?:of%s)?(?<post>%s)\b]])
    :format(NUM, NUM_WORD, SP, SCALE_WORD, SP, DASH, SP, NUM, SP, SCALE_WORD, SP, SP, words)
end, "i", M.lexicon.currency_words)

-- "3,000 crore", "5 lakh crore" with no currency: rupees in Indian English.
local money_crore = spindle.re(
  ([[(?<![\p{L}\p{N}$.,])(?<n1>%s)(?:%s|-)?(?<s1>lakh\s+crores?|crores?)\b]]):format(NUM, SP), "i")

-- Vague magnitudes.
local money_vague = lexicon.regex(function(words)
  return ([[\b(?:]] ..
          [[multi-?%s?(?<multi>billion|million|trillion|crore)(?:(?:%s|-)?(?<c1>%s))?]] ..
          [[|(?<many>(?:hundreds|tens)%sof%s(?:millions|billions|thousands)|billions|millions|trillions|crores)%sof%s(?<c2>%s)]] ..
          [[|(?<few>several|a%sfew|many)%s(?<few_scale>billion|million|trillion)%s(?<c3>%s)]] ..
          [[|(?<adj>billion|million|trillion)-(?<c4>dollar|euro|pound|rupee|rouble|ruble|yuan|yen)]] ..
          [[)\b]]):format(SP, SP, words, SP, SP, SP, SP, words, SP, SP, SP, words)
end, "i", M.lexicon.currency_words)

local percent = spindle.re(
  ([[(?<![\p{L}\p{N}.])(?<n1>%s)(?:%s?(?<sep>%s)%s?(?<n2>%s))?%s?(?:%%|per%s?cent\b|percent\b)]])
    :format(NUM, SP, DASH, SP, NUM, SP, SP), "i")

local context_words = lexicon.regex(function(deal, loan, aid, penalty, economic)
  return ([[\b(?:(?<deal>%s)|(?<loan>%s)|(?<aid>%s)|(?<penalty>%s)|(?<economic>%s))\b]])
    :format(deal, loan, aid, penalty, economic)
end, "i", M.lexicon.deal_words, M.lexicon.loan_words, M.lexicon.aid_words,
  M.lexicon.penalty_words, M.lexicon.economic_words)

local CONTEXT_KINDS = { "deal", "loan", "aid", "penalty", "economic" }

-------------------------------------------------------------------------------
-- Claim objects
-------------------------------------------------------------------------------

---@class Claim
---@field kind "money"|"percent"
---@field text string
---@field start integer
---@field stop integer
---@field span {start: integer, stop: integer}
---@field sentence Sentence|nil
---@field currency string|nil
---@field symbol string|nil
---@field value number|nil
---@field low number|nil
---@field high number|nil
---@field scale number
---@field vague boolean
---@field context string
---@field contexts table<string, boolean>
---@field quoted boolean
local Claim = {}
Claim.__index = Claim
M.Claim = Claim

---True when the claim is the size of a deal, contract, investment,
---agreement, purchase or similar: the context word nearest to it in its
---sentence is one of claims.lexicon.deal_words. ("Profits rose to $2bn
---despite the investment" is a profit figure, not a deal.) Use
---claim:is("deal") to ask whether a deal word appears anywhere in the sentence.
---@return boolean
function Claim:is_deal()
  return self.context == "deal"
end

---True when the claim's sentence has a context word of this kind anywhere
---("deal", "loan", "aid", "penalty", "economic").
---@param kind string
---@return boolean
function Claim:is(kind)
  return self.contexts[kind] == true
end

function Claim:__tostring()
  return ("Claim(%s %q)"):format(self.kind, self.text)
end

-- Whole numbers as integers, so that evidence reads 2600000000, not 2.6e+09.
local function tidy(n)
  return n and math.tointeger(n) or n
end

-- "3,000" -> 3000, "2.6" -> 2.6, "two" -> 2
local function parse_number(s)
  if not s then return nil end
  local n = tonumber((s:gsub(",", "")))
  if n then return n end
  return NUMBER_WORDS[s:lower():gsub("%s+", " ")]
end

local function scale_of(s)
  if not s or s == false then return nil end
  s = s:lower()
  if s:find("^lakh%s+crore") then return 1e12 end
  return SCALES[s]
end

local function currency_code(s)
  if not s or s == false then return nil end
  return M.lexicon.currency_codes[s:lower():gsub("[%s%.]", "")]
      or M.lexicon.currency_codes[s:lower():gsub("%s", "")]
      or s:upper()
end

-- Fills contexts from the context words of the claim's sentence; `context`
-- is the kind of the word nearest to the claim.
local function add_context(claim)
  claim.contexts = {}
  claim.context = "other"
  local s = claim.sentence
  if not s then return end
  local best
  for m in context_words():gmatch(s) do
    for _, kind in ipairs(CONTEXT_KINDS) do
      if m[kind] then
        claim.contexts[kind] = true
        local d = m.stop <= claim.start and claim.start - m.stop
               or m.start >= claim.stop and m.start - claim.stop or 0
        if not best or d < best then best, claim.context = d, kind end
        break
      end
    end
  end
end

local function new_claim(doc, kind, m, fields)
  local c = fields
  c.kind, c.text, c.start, c.stop = kind, m.text, m.start, m.stop
  c.span = { start = m.start, stop = m.stop }
  c.sentence = doc:sentence_at(m.start)
  c.quoted = doc:in_quote(m.start)
  c.value, c.low, c.high = tidy(c.value), tidy(c.low), tidy(c.high)
  c.scale = tidy(c.scale or 1)
  c.vague = c.vague or false
  add_context(c)
  return setmetatable(c, Claim)
end

-- Builds an exact amount or a range from a prefixed/suffixed match.
local function amount_fields(m, currency_text)
  local s1, s2 = scale_of(m.s1), scale_of(m.s2)
  local n1, n2 = parse_number(m.n1), parse_number(m.n2 or nil)
  local scale = s1 or s2 or 1
  local low = n1 and n1 * (s1 or s2 or 1)
  local high = n2 and n2 * (s2 or s1 or 1) or low
  if high and low and high < low then high = low end
  return {
    symbol = currency_text or nil,
    currency = currency_code(currency_text),
    value = low, low = low, high = high, scale = scale,
  }
end

-- Whether a range match must be cut to its first amount:
--  "rose from $2bn to $3bn" is a change, not a range;
--  "$5 million to 10 people" is an amount followed by something else
--  (a second figure with neither currency nor scale after a scaled first).
-- `groups` gives the numbers of the sep and n2 groups in m's pattern
-- (Match.spans is indexed by group number).
local function cut_range(doc, m, groups)
  if not m.sep then return false end
  if m.sep:lower() == "to"
     and doc.body:sub(math.max(1, m.start - 5), m.start):lower():find("from%s*$") then
    return true
  end
  if m.s1 and not m.s2 then
    local second = doc.body:sub(m.spans[groups.sep].stop + 1, m.spans[groups.n2].start)
    if not second:find("%S") then return true end
  end
  return false
end

local function overlaps(list, start, stop)
  for _, c in ipairs(list) do
    if start < c.stop and stop > c.start then return true end
  end
  return false
end

-- Capture group numbers of the range patterns above.
local PREFIXED_GROUPS = { n1 = 2, sep = 4, n2 = 5 }
local SUFFIXED_GROUPS = { n1 = 1, sep = 3, n2 = 4 }

local money_single = spindle.re(
  ([[(?<n1>%s)(?:(?:%s|-)?(?<s1>%s)\b)?]]):format(NUM, SP, SCALE), "i")

local function scan_money(doc)
  local out = {}
  local body = doc.body

  for m in money_prefixed():gmatch(body) do
    if cut_range(doc, m, PREFIXED_GROUPS) then
      -- keep the currency and the first figure; the second is found alone
      local one = money_single:match(body, m.spans[PREFIXED_GROUPS.n1].start)
      local sub = { start = m.start, stop = one.stop,
                    text = body:sub(m.start + 1, one.stop),
                    n1 = one.n1, s1 = one.s1 }
      out[#out + 1] = new_claim(doc, "money", sub, amount_fields(sub, m.cur))
      local rest = money_prefixed():match(body, m.spans[PREFIXED_GROUPS.sep].stop)
      if rest and rest.start < m.stop and not cut_range(doc, rest, PREFIXED_GROUPS) then
        out[#out + 1] = new_claim(doc, "money", rest, amount_fields(rest, rest.post or rest.cur))
      end
    else
      local claim = new_claim(doc, "money", m, amount_fields(m, m.post or m.cur))
      if m.post then claim.symbol = m.cur end
      out[#out + 1] = claim
    end
  end

  for m in money_suffixed():gmatch(body) do
    local word_only = not m.n1:find("%d") and not (m.s1 or m.s2)
    if not word_only and not overlaps(out, m.start, m.stop)
       and not cut_range(doc, m, SUFFIXED_GROUPS) then
      out[#out + 1] = new_claim(doc, "money", m, amount_fields(m, m.post))
    end
  end

  for m in money_crore:gmatch(body) do
    if not overlaps(out, m.start, m.stop) then
      local f = amount_fields(m, nil)
      f.currency = M.lexicon.currency_codes["crore"]
      out[#out + 1] = new_claim(doc, "money", m, f)
    end
  end

  for m in money_vague():gmatch(body) do
    if not overlaps(out, m.start, m.stop) then
      local scale_word = m.multi or m.few_scale or m.adj or m.many
      local cur = m.c1 or m.c2 or m.c3 or m.c4 or nil
      local scale = scale_of(scale_word) or scale_of(scale_word and scale_word:match("(%a+)s$")) or 1
      local low
      if m.multi or m.few then
        low = 2 * scale
      elseif m.adj then
        low = scale
      else
        -- "billions of", "tens of billions of", "hundreds of millions of"
        local many = m.many:lower()
        local unit = scale_of(many:match("(%a+)s$")) or 1
        local factor = many:find("^hundreds") and 200 or many:find("^tens") and 20 or 2
        scale, low = unit, factor * unit
      end
      local currency = currency_code(cur)
      if not currency and (scale_word or ""):lower():find("crore") then currency = "INR" end
      out[#out + 1] = new_claim(doc, "money", m, {
        symbol = cur, currency = currency, value = nil, low = low, high = nil,
        scale = scale, vague = true,
      })
    end
  end

  table.sort(out, function(a, b) return a.start < b.start end)
  return out
end

local function scan_percent(doc)
  local out = {}
  for m in percent:gmatch(doc.body) do
    local n1, n2 = parse_number(m.n1), parse_number(m.n2 or nil)
    out[#out + 1] = new_claim(doc, "percent", m, {
      value = n1, low = n1, high = n2 or n1, unit = "%",
    })
  end
  return out
end

-- Per-article memo: doc.cache["spindle.claims"] = { money = {...}, ... }
local function memo(doc)
  local c = doc.cache["spindle.claims"]
  if not c then
    c = {}
    doc.cache["spindle.claims"] = c
  end
  return c
end

local function list_of(doc, kind, scan)
  local c = memo(doc)
  local list = c[kind]
  if not list then
    list = scan(doc)
    c[kind] = list
    -- index by sentence for claims.in_sentence
    local by = {}
    for _, claim in ipairs(list) do
      local s = claim.sentence
      if s then
        by[s.index] = by[s.index] or {}
        table.insert(by[s.index], claim)
      end
    end
    c[kind .. "_by_sentence"] = by
  end
  return list
end

local function iterate(list)
  local i = 0
  return function()
    i = i + 1
    return list[i]
  end
end

-------------------------------------------------------------------------------
-- Public API
-------------------------------------------------------------------------------

---Iterates over the money claims of the article body, in text order.
---@param doc Doc
---@return fun(): Claim|nil
function M.money(doc)
  return iterate(list_of(doc, "money", scan_money))
end

---The money claims of the article body as an array (shared: do not modify).
---@param doc Doc
---@return Claim[]
function M.money_list(doc)
  return list_of(doc, "money", scan_money)
end

---Iterates over the percentages of the article body ("3.5%", "12 per cent").
---@param doc Doc
---@return fun(): Claim|nil
function M.percentages(doc)
  return iterate(list_of(doc, "percent", scan_percent))
end

---The percentages of the article body as an array (shared: do not modify).
---@param doc Doc
---@return Claim[]
function M.percent_list(doc)
  return list_of(doc, "percent", scan_percent)
end

---The claims of one kind ("money" by default) that lie in a sentence.
---@param sentence Sentence
---@param kind? "money"|"percent"
---@return Claim[]
function M.in_sentence(sentence, kind)
  kind = kind or "money"
  local doc = sentence.doc
  list_of(doc, kind, kind == "percent" and scan_percent or scan_money)
  return memo(doc)[kind .. "_by_sentence"][sentence.index] or {}
end

---Parses an amount written on its own ("$2.6bn", "Rs 3,000 crore") into a
---table {currency, value, low, high, scale, vague}; nil when it is not one.
---Useful in the REPL and in tests.
---@param text string
---@return table|nil
function M.parse_money(text)
  local fake = {
    body = text, cache = {},
    sentence_at = function() return nil end,
    in_quote = function() return false end,
  }
  return scan_money(fake)[1]
end

return M
