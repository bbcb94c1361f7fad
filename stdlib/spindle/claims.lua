--[[
spindle.claims — the figures an article asserts, normalised.

Money amounts, each a Claim of kind "money":
  "$2.6bn"  "US$ 900m"  "Rs 3,000 crore"  "€40 million"  "£1.2 billion"
  "2.5 billion roubles"  "PKR 50bn"  "₹5 lakh crore"  "a Rs 3,000-crore deal"
  ranges: "$2-3 billion"  "€2–3bn"  "$2 to $3 billion"  "between $2bn and $3bn"
and vague magnitudes with no figure (vague = true):
  "multibillion-dollar"  "billions of dollars"  "a multi-million deal"
  "hundreds of millions of euros"  "a billion-dollar contract"  "multi-crore"
  "huge sums of money"  "vast sums" (no figure at all: low = nil)
Percentages ("3.5%", "12 per cent", "10-12 percent"): kind "percent".
Counts of people and things ("at least 40 killed", "12,000 jobs", "1.4 million
people", "hundreds of protesters"): kind "count".

    local claims = require "spindle.claims"
    for claim in claims.money(doc) do
      if claim:is_deal() then ... end
    end

A Claim is a table:
  kind      "money" | "percent" | "count"
  text      the words of the claim as written
  start, stop, span = {start=, stop=}   byte offsets (0-based, end exclusive)
            into the body (into the title for claims.title_list)
  sentence  the Sentence holding it (nil for a title claim)
  currency  ISO 4217 code ("USD", "INR", "RUB", ...) or nil when not stated
  symbol    the currency as written ("US$", "Rs", "roubles") or nil
  value     the amount as a number; for a range its lower bound; nil when vague
  low, high the bounds; low == high == value for an exact amount; for a vague
            magnitude low is the least it implies ("multibillion" -> 2e9,
            "hundreds of" -> 200) and high is nil; "at least 40" has low 40,
            high nil; "up to 40" has low nil, high 40
  scale     the multiplier written (1e9 for "bn"), 1 when none
  vague     true for a magnitude with no figure
  approx    true when hedged: "about", "nearly", "some", "an estimated", ...
  qualifier the qualifying words as written ("at least", "up to") or nil
  converted true for an amount in brackets right after another, a currency
            conversion: "$1.13bn (£600m)"
  noun      counts: what is counted, lower case ("people", "jobs"), or nil
            ("40 killed")
  counted   counts: "people" or "things"
  context   the coarse kind of the context word nearest to the claim in its
            sentence: "deal" (contracts, investments, purchases, ...),
            "loan", "aid", "penalty" (fines, damages, tax bills), "economic"
            (revenue, profit, budget, trade, jobs), "casualties" (killed,
            injured, deaths) or "other"
  topic     the same, finer: "contract", "investment" and "deal" split the
            deal words; otherwise equal to context
  contexts  set of every context kind and topic in the sentence
            ({deal = true, contract = true})
  quoted    true when the claim lies inside a quotation
and has methods claim:is_deal(), claim:is(kind), claim:figure().

A Claim can be given to report{ at = claim }.

Analysis runs once per article and is kept in doc.cache["spindle.claims"].
Currency, context and count words are lexicons (spindle.lexicon) that a
rule file can extend:  claims.lexicon.deal_words:add_as("contract", "offtake")
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
    "€", "£", "¥", "₹", "₽", "₨", "₩", "₺", "₦", "₱", "₪", "₴", "฿",
    "Rs.", "Rs", "Tk.", "Tk", "Rp", "RM", "KSh", "Sh", "SR", "N", "E£", "CN¥",
    "USD", "EUR", "GBP", "INR", "PKR", "RUB", "CNY", "RMB", "JPY", "AED",
    "SAR", "BDT", "LKR", "NPR", "CHF", "AUD", "CAD", "KRW", "NGN", "ZAR",
    "HKD", "SGD", "TRY", "UAH", "IDR", "MYR", "EGP", "KES", "BRL", "MXN",
  }),
  ---Currencies written after the number: names and codes.
  currency_words = lexicon.new("currency_words", {
    "US dollars", "dollars", "dollar", "euros", "euro", "pounds sterling",
    "pounds", "pound", "sterling", "rupees", "rupee", "roubles", "rouble",
    "rubles", "ruble", "yuan", "renminbi", "yen", "won", "taka", "riyals",
    "riyal", "dirhams", "dirham", "lira", "liras", "francs", "franc", "pesos",
    "peso", "rand", "naira", "shillings", "shilling", "dinars", "dinar",
    "hryvnias", "hryvnia", "shekels", "shekel", "ringgit", "rupiah", "baht",
    "reais", "zlotys", "zloty", "kronor", "kroner", "krona", "krone",
    "USD", "EUR", "GBP", "INR", "PKR", "RUB", "CNY", "JPY", "AED", "SAR",
  }),
  ---Written currency (lower case, dots and spaces removed) -> ISO code.
  currency_codes = {
    ["$"] = "USD", ["us$"] = "USD", ["u.s.$"] = "USD", ["usd"] = "USD",
    ["dollar"] = "USD", ["dollars"] = "USD", ["usdollars"] = "USD",
    ["a$"] = "AUD", ["au$"] = "AUD", ["aud"] = "AUD", ["c$"] = "CAD",
    ["ca$"] = "CAD", ["cad"] = "CAD", ["hk$"] = "HKD", ["hkd"] = "HKD",
    ["s$"] = "SGD", ["sgd"] = "SGD", ["nz$"] = "NZD", ["r$"] = "BRL",
    ["brl"] = "BRL", ["reais"] = "BRL", ["mxn"] = "MXN",
    ["€"] = "EUR", ["eur"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR",
    ["£"] = "GBP", ["gbp"] = "GBP", ["pound"] = "GBP", ["pounds"] = "GBP",
    ["sterling"] = "GBP", ["poundssterling"] = "GBP",
    ["¥"] = "JPY", ["jpy"] = "JPY", ["yen"] = "JPY",
    ["yuan"] = "CNY", ["renminbi"] = "CNY", ["rmb"] = "CNY", ["cny"] = "CNY",
    ["cn¥"] = "CNY",
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
    ["₱"] = "PHP", ["₪"] = "ILS", ["shekel"] = "ILS", ["shekels"] = "ILS",
    ["₴"] = "UAH", ["uah"] = "UAH", ["hryvnia"] = "UAH", ["hryvnias"] = "UAH",
    ["฿"] = "THB", ["baht"] = "THB", ["rp"] = "IDR", ["idr"] = "IDR",
    ["rupiah"] = "IDR", ["rm"] = "MYR", ["myr"] = "MYR", ["ringgit"] = "MYR",
    ["ksh"] = "KES", ["sh"] = "KES", ["kes"] = "KES", ["sr"] = "SAR", ["n"] = "NGN", ["e£"] = "EGP", ["egp"] = "EGP",
    ["zloty"] = "PLN", ["zlotys"] = "PLN", ["kronor"] = "SEK", ["krona"] = "SEK",
  },
  ---Words that make a money claim part of a deal, each with its topic:
  ---"contract", "investment" or "deal" (an entry added with plain `add` is
  ---a "deal").
  deal_words = lexicon.new("deal_words")
    :add_as("contract", "contract", "contracts", "contracted", "order",
            "ordered", "procurement", "procure", "tender", "bid", "supply",
            "concession")
    :add_as("investment", "investment", "investments", "invest", "invests",
            "invested", "investing", "stake", "joint venture", "consortium",
            "project", "plant")
    :add_as("deal", "deal", "deals", "agreement", "agreements", "pact",
            "accord", "acquisition", "acquire", "acquired", "takeover",
            "merger", "purchase", "purchases", "purchased", "buy", "buying",
            "bought", "sale", "sell", "selling", "sold", "MoU",
            "memorandum of understanding", "partnership", "signed", "sign",
            "signing"),
  loan_words = lexicon.new("loan_words", {
    "loan", "loans", "credit line", "line of credit", "bailout", "borrowing",
    "borrowed", "debt", "debts", "bond", "bonds", "lend", "lent", "lending",
  }),
  aid_words = lexicon.new("aid_words", {
    "aid", "grant", "grants", "assistance", "relief", "donation", "donated",
    "donors", "humanitarian",
  }),
  penalty_words = lexicon.new("penalty_words", {
    "fine", "fines", "fined", "penalty", "penalties", "damages",
    "compensation", "back taxes", "tax bill", "bill", "ransom", "bribe",
    "bribes", "lawsuit", "settlement",
  }),
  economic_words = lexicon.new("economic_words", {
    "GDP", "budget", "revenue", "revenues", "profit", "profits", "loss",
    "losses", "exports", "imports", "trade", "deficit", "surplus", "turnover",
    "earnings", "valuation", "market value", "spending", "tax", "taxes",
    "sales", "income", "inflation", "reserves", "wages", "salary", "jobs",
    "job cuts", "unemployment", "output", "growth", "economy",
  }),
  ---Words that make a count a casualty figure.
  casualty_words = lexicon.new("casualty_words", {
    "killed", "killing", "kills", "dead", "died", "deaths", "death toll",
    "injured", "injuring", "wounded", "wounding", "casualties",
    "fatalities", "victims", "bodies", "drowned", "perished",
    "massacre", "massacred", "slain", "executed",
  }),
  ---Nouns that make a number a count ("12,000 jobs", "40 civilians"), each
  ---with what is counted: "people" or "things".
  count_nouns = lexicon.new("count_nouns")
    :add_as("people", "people", "persons", "civilians", "children", "adults",
            "women", "men", "residents", "patients", "students", "pupils",
            "workers", "employees", "staff", "soldiers", "troops",
            "police officers", "officers", "policemen", "fans", "spectators",
            "voters", "users", "customers", "subscribers", "passengers",
            "members", "victims", "refugees", "migrants", "immigrants",
            "asylum seekers", "prisoners", "inmates", "detainees",
            "protesters", "demonstrators", "militants", "rebels", "fighters",
            "insurgents", "casualties", "deaths", "fatalities", "survivors",
            "visitors", "tourists", "families", "households", "jobs", "job",
            "job losses", "redundancies", "posts", "doctors", "nurses",
            "teachers", "farmers", "miners", "pensioners", "delegates",
            "listeners", "viewers", "readers", "players")
    :add_as("things", "homes", "houses", "buildings", "schools", "hospitals",
            "beds", "vehicles", "cars", "flights", "copies", "units",
            "barrels", "cases", "shops", "stores", "branches", "offices",
            "factories", "plants", "sites", "websites", "computers", "phones",
            "handsets", "machines", "weapons", "missiles", "tanks", "aircraft",
            "planes", "ships", "villages", "towns", "tickets", "votes",
            "seats", "complaints", "applications", "e-mails", "emails",
            "messages", "downloads", "songs", "albums", "films", "games",
            "titles", "songs", "trees", "animals"),
}

-- Scale words -> multiplier. Keys are lower case.
local SCALES = {
  thousand = 1e3, k = 1e3,
  million = 1e6, m = 1e6, mn = 1e6, mln = 1e6,
  billion = 1e9, bn = 1e9, b = 1e9, bln = 1e9,
  trillion = 1e12, tn = 1e12, trn = 1e12, tr = 1e12,
  lakh = 1e5, lakhs = 1e5, lac = 1e5, lacs = 1e5,
  crore = 1e7, crores = 1e7, cr = 1e7,
  hundred = 1e2,
}

-- Number words that may stand for the figure ("two billion dollars",
-- "forty people").
local NUMBER_WORDS = {
  a = 1, an = 1, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6,
  seven = 7, eight = 8, nine = 9, ten = 10, eleven = 11, twelve = 12,
  thirteen = 13, fourteen = 14, fifteen = 15, sixteen = 16, seventeen = 17,
  eighteen = 18, nineteen = 19, twenty = 20, thirty = 30, forty = 40,
  fifty = 50, sixty = 60, seventy = 70, eighty = 80, ninety = 90,
  hundred = 100, ["a hundred"] = 100, ["a thousand"] = 1000,
  ["a dozen"] = 12, dozen = 12, half = 0.5, ["half a"] = 0.5, ["half an"] = 0.5,
}

-- Qualifiers before a figure: which bound the figure is, and whether it is
-- approximate. Keys lower case, single spaces.
local QUALIFIERS = {
  ["at least"] = "low", ["more than"] = "low", ["over"] = "low",
  ["upwards of"] = "low", ["well over"] = "low", ["just over"] = "low",
  ["in excess of"] = "low", ["as many as"] = "high", ["up to"] = "high",
  ["nearly"] = "high", ["almost"] = "high", ["fewer than"] = "high",
  ["less than"] = "high", ["under"] = "high", ["just under"] = "high",
  ["at most"] = "high", ["close to"] = "high",
  ["about"] = "approx", ["around"] = "approx", ["some"] = "approx",
  ["an estimated"] = "approx", ["estimated"] = "approx", ["roughly"] = "approx",
  ["approximately"] = "approx", ["almost exactly"] = "exact",
  ["a further"] = "exact", ["another"] = "exact", ["an extra"] = "exact",
  ["an additional"] = "exact",
}
local APPROX = { about = true, around = true, some = true, ["an estimated"] = true,
  estimated = true, roughly = true, approximately = true, nearly = true,
  almost = true, ["close to"] = true, ["up to"] = true, ["as many as"] = true }

-------------------------------------------------------------------------------
-- Patterns (compiled once; the lexicon-driven ones again only after a change)
-------------------------------------------------------------------------------

local NUM = [[(?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?]]
local NUM_WORD = [[(?:half\s+an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half)]]
local SCALE = [[(?:lakh\s+crores?|thousand|million|billion|trillion|crores?|lakhs?|lacs?|mln|bln|trn|mn|bn|tn|cr|k|m|b)]]
local SCALE_WORD = [[(?:lakh\s+crores?|thousand|million|billion|trillion|crores?|lakhs?|mln|bln|mn|bn|tn|m)]]
local SP = "[\\s\\x{A0}]"    -- a space, including no-break space
local DASH = [[(?:-|–|—|to|and)]]
-- The words the patterns below begin with, for spindle.re's prefilter
-- (each pattern opens with a lookbehind that keeps letters and digits out,
-- hence `boundary`). A number begins with a digit: 0-9, or one of another
-- script, which the non-ASCII "\u{660}" stands for (any character beyond
-- ASCII does).
local DIGITS = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u{660}" }
-- NUM_WORD's words. "a" and "an" go on with a space, a dash (or another
-- character beyond ASCII), "and", "to" or a scale word (l, c, t, m, b).
local NUM_WORD_STARTS = { "half", "one", "two", "three", "four", "five", "six", "seven",
  "eight", "nine", "ten", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred" }
for _, a in ipairs({ "a", "an" }) do
  for _, next in ipairs({ " ", "-", "\u{2013}", "a", "t", "l", "c", "m", "b" }) do
    NUM_WORD_STARTS[#NUM_WORD_STARTS + 1] = a .. next
  end
end
local function starting(...)
  local words = lexicon.starts({ ... })
  words.boundary = true
  return words
end

local QUAL = [[(?:at\s+least|more\s+than|(?:well\s+|just\s+)?over|upwards\s+of|in\s+excess\s+of|as\s+many\s+as|up\s+to|nearly|almost|fewer\s+than|less\s+than|(?:just\s+)?under|at\s+most|close\s+to|about|around|some|an\s+estimated|estimated|roughly|approximately|a\s+further|another|an\s+extra|an\s+additional)]]

-- "$2.6bn", "US$ 900m", "Rs 3,000-crore", "$2-3 billion", "€40 million euros".
local money_prefixed = lexicon.regex(function(prefixes, words)
  return ([[(?<![\p{L}\p{N}$])(?<cur>%s)%s?(?<n1>%s)(?:(?:%s|-)?(?<s1>%s)\b)?]] ..
          [[(?:%s?(?<sep>%s)%s?(?:%s)?%s?(?<n2>%s)(?:(?:%s|-)?(?<s2>%s)\b)?)?]] ..
          [[(?:%s(?<post>%s)\b)?]])
    :format(prefixes, SP, NUM, SP, SCALE, SP, DASH, SP, prefixes, SP, NUM, SP, SCALE,
            SP, words), starting(M.lexicon.currency_prefixes)
end, "i", M.lexicon.currency_prefixes, M.lexicon.currency_words)

-- "2.5 billion roubles", "3,000 crore rupees", "two billion dollars",
-- "2-3 billion euros", "900 million USD", "2.5bn roubles".
local money_suffixed = lexicon.regex(function(words)
  return ([[(?<![\p{L}\p{N}$.,])(?<n1>%s|%s)(?:(?:%s|-)?(?<s1>%s)\b)?]] ..
          [[(?:%s?(?<sep>%s)%s?(?<n2>%s))?(?:(?:%s|-)?(?<s2>%s)\b)?]] ..
          [[%s(?:of%s)?(?<post>%s)\b]])
    :format(NUM, NUM_WORD, SP, SCALE_WORD, SP, DASH, SP, NUM, SP, SCALE_WORD, SP, SP, words),
    starting(DIGITS, NUM_WORD_STARTS)
end, "i", M.lexicon.currency_words)

-- "3,000 crore", "5 lakh crore" with no currency: rupees in Indian English.
local money_crore = spindle.re(
  ([[(?<![\p{L}\p{N}$.,])(?<n1>%s)(?:%s|-)?(?<s1>lakh\s+crores?|crores?)\b]]):format(NUM, SP), "i",
  starting(DIGITS))

-- Vague magnitudes.
local money_vague = lexicon.regex(function(words)
  return ([[\b(?:]] ..
          [[multi-?%s?(?<multi>billion|million|trillion|crore)(?:(?:%s|-)?(?<c1>%s))?]] ..
          [[|(?<many>(?:hundreds|tens)%sof%s(?:millions|billions|thousands)|billions|millions|trillions|crores)%sof%s(?<c2>%s)]] ..
          [[|(?<few>several|a%sfew|many)%s(?<few_scale>billion|million|trillion)%s(?<c3>%s)]] ..
          [[|(?<adj>billion|million|trillion)-(?<c4>dollar|euro|pound|rupee|rouble|ruble|yuan|yen)]] ..
          [[|(?<figure>six|seven|eight|nine|ten|eleven|twelve)-figure]] ..
          [[|(?<sums>(?:massive|huge|vast|enormous|colossal|staggering|eye-watering|hefty|untold|large|substantial|considerable|significant)%s(?:sums?|amounts?)%sof%s(?:public%s|taxpayers'?%s)?(?:money|cash)]] ..
          [[|(?:massive|huge|vast|enormous|colossal|staggering|eye-watering|untold)%ssums)]] ..
          [[)\b]]):format(SP, SP, words, SP, SP, SP, SP, words, SP, SP, SP, words,
                          SP, SP, SP, SP, SP, SP),
    starting({ "multi", "hundreds", "tens", "billion", "million", "trillion", "crore", "several",
      "a few", "many", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "massive",
      "huge", "vast", "enormous", "colossal", "staggering", "eye-watering", "hefty", "untold",
      "large", "substantial", "considerable", "significant" })
end, "i", M.lexicon.currency_words)

local percent = spindle.re(
  ([[(?<![\p{L}\p{N}.])(?<n1>%s)(?:%s?(?<sep>-|–|—|to)%s?(?<n2>%s))?%s?(?:%%|per%s?cent\b|percent\b)]])
    :format(NUM, SP, SP, NUM, SP, SP), "i", starting(DIGITS))

-- Counts: "12,000 jobs", "at least 40 people", "1.4 million people",
-- "forty civilians", "hundreds of protesters", "2,000 British troops",
-- "at least 40 killed". The number is found by regex; the words after it
-- are read in Lua (a noun from the count_nouns lexicon within two words,
-- or a casualty verb), which is far cheaper than one pattern holding every
-- noun.
local COUNT_WORD = [[(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+thousand|a\s+dozen)]]
local COUNT_VAGUE = [[(?:dozens|scores|hundreds\s+of\s+thousands|tens\s+of\s+thousands|hundreds|thousands|millions)]]
local count_number = spindle.re(([[
(?<![\p{L}\p{N}$£€¥₹.,'’-])
(?: (?<n>{NUM})(?:{SP}?(?<scale>million|billion|thousand|mn|bn|m|k)\b)?
  | \b(?<word>{WORD})(?:{SP}+(?<wscale>million|thousand|hundred))?\b
  | \b(?<vague>{VAGUE}){SP}+of )
(?={SP}+[\p{L}])
]]):gsub("{(%u+)}", { NUM = NUM, SP = SP, WORD = COUNT_WORD, VAGUE = COUNT_VAGUE }), "ix",
  starting(DIGITS, { "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "a hundred", "a thousand", "a dozen", "dozens", "scores", "hundreds", "tens", "thousands",
    "millions" }))

-- Words that cannot stand between a number and its noun ("3 of the jobs",
-- "10 years of people").
local GAP_STOP = {}
for w in ([[of in on at to from the a an and or per for by with than were was
  are is have has had been be will would could who which that this these
  those more less year years month months week weeks day days hour hours
  minute minutes time times per cent percent]]):gmatch("%a+") do
  GAP_STOP[w] = true
end
-- Auxiliaries and casualty verbs after a bare number: "40 were killed".
local AUXILIARY = { were = true, was = true, are = true, have = true, had = true,
                    reportedly = true, been = true }
local CASUALTY_AFTER = { killed = "fatal", dead = "fatal", died = "fatal",
  drowned = "fatal", perished = "fatal", injured = true, wounded = true,
  hurt = true, missing = true }

-- Casualty counts led by a verb or "death toll": "killing 12", "the death
-- toll rose to 300".
local count_casualty = spindle.re(([[
 \b(?<verb2>killing|killed|injuring|injured|wounding|wounded){SP}+(?:(?<qual2>{QUAL}){SP}+)?
  (?<n2>{NUM})\b(?!{SP}*(?:%|per\s*cent|percent|years?|months?|weeks?|days?|hours?|minutes?|times|of|\.\d))
|\bdeath{SP}+toll\b[^.;]{0,40}?\b(?:to|at|of|reached|passed|exceeded|is|was){SP}+
  (?:(?<qual3>{QUAL}){SP}+)?(?<n3>{NUM})\b(?!{SP}*(?:%|per\s*cent|percent))
]]):gsub("{(%u+)}", { QUAL = QUAL, SP = SP, NUM = NUM }), "ix")

-- A year after a preposition is not a count: "in 2004 people began".
local year_before = spindle.re([[\b(?:in|since|by|from|until|till|before|after|during|of|the|early|late|mid)\s*$]], "i")

local CONTEXT_KINDS = { "deal", "loan", "aid", "penalty", "economic", "casualties" }

-------------------------------------------------------------------------------
-- Claim objects
-------------------------------------------------------------------------------

---@class spindle.Claim
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

-- Nouns that, right after an amount, make it the size of a deal ("a $2bn
-- contract", "the £328m takeover"), and nouns that make it something else
-- ("a £35bn difference", "a $1bn overrun", "£50m in debt").
local DEAL_NOUNS, NOT_DEAL_NOUNS = {}, {}
for w in ([[deal deals contract contracts takeover takeovers acquisition
  acquisitions merger mergers bid bids offer offers agreement agreements order
  orders purchase purchases sale buyout buy-out investment
  investments pact tender sponsorship transfer concession lease licence
  license stake venture programme project fee]]):gmatch("%S+") do
  DEAL_NOUNS[w] = true
end
for w in ([[difference gap shortfall overrun overruns deficit surplus loss
  losses profit profits revenue revenues sales turnover debt debts fine fines
  bill bills cost costs salary salaries wage wages budget budgets tax taxes
  saving savings cut cuts fortune bonus bonuses pension pensions valuation
  market industry business economy writedown write-down charge charges
  earnings income dividend dividends a year annually per]]):gmatch("%S+") do
  NOT_DEAL_NOUNS[w] = true
end

-- Words that end the noun phrase after an amount ("$3bn on that project").
local FUNCTION_WORDS = {}
for w in ([[in of for to and or by on at from with into over that this these
  those its their his her our which who when while as than after before is
  are was were be been has have had will would could may might should it
  they he she we the a an up down out off]]):gmatch("%a+") do
  FUNCTION_WORDS[w] = true
end

-- The words before an amount that make it a price or a value: "worth",
-- "valued at", "valuing the firm at", "a bid of", "the price tag of".
local deal_value_before = spindle.re([[(?:\bworth|\bvalued\s+at|\bvalu(?:e|es|ed|ing)\s+(?:\S+\s+){1,4}at|\b(?:deal|contract|investment|takeover|agreement|acquisition|purchase|bid|offer|order)s?\s+(?:\S+\s+){0,3}(?:total(?:s|led|ling)?|amount(?:s|ed)?\s+to|c(?:o|a)me\s+to)|\bvalue\s+of|\bprice(?:\s+tag)?\s+of|\bbids?\s+of|\boffers?\s+of|\bdeals?\s+of|\bcontracts?\s+of|\bfee\s+of)(?:\s+(?:about|around|some|up\s+to|as\s+much\s+as|more\s+than|over|nearly|almost|an\s+estimated|estimated|roughly|approximately|at\s+least|a\s+reported|a\s+further|an?))*\s*$]], "i")
-- The noun a value phrase belongs to: "a deal that could be worth", "three
-- projects, valued at", "a bid of", "valuing the club at" (the noun before
-- the value words, across a relative clause and auxiliaries).
local value_noun = spindle.re([[\b(?<noun>[\p{L}-]+)(?:,|\s+(?:that|which))?(?:\s+(?:could|would|may|might|will|is|was|are|were|has|have|had|now|be|been|reportedly|potentially|thought\s+to|said\s+to|believed\s+to))*\s+(?:worth|valued|valuing|value|price|bids?|offers?|deals?|contracts?|fee|total\w*|amount\w*|c[oa]me)\b(?:(?!\b(?:worth|valued|valuing)\b).)*$]], "i")

-- A purchase verb earlier in the clause, for "paid $9.5bn for the unit".
local purchase_verb = spindle.re([[\b(?:buy|buys|bought|buying|pay|pays|paid|paying|sell|sells|sold|selling|acquire|acquires|acquired|acquiring|purchase|purchased|purchasing|snap(?:ped)?\s+up|offer(?:s|ed|ing)?|bid|bids|bidding)\b]], "i")
-- Investment verbs: "will invest 100m euros in", "plans to spend $2bn on".
local invest_verb = spindle.re([[\b(?:invest|invests|invested|investing|inject|injects|injected|injecting|pour|pours|poured|pouring|plough|ploughs|ploughed)(?:\s+(?:a\s+further|an?\s+additional|another|some|about|around|up\s+to|more\s+than|over|nearly|almost|at\s+least))*\s*$]], "i")
local first_words_after = spindle.re([[^[\s-]*(?:(?:a|an|the)\s+)?(?<w1>[\p{L}-]+)(?:\s+(?<w2>[\p{L}-]+))?(?:\s+(?<w3>[\p{L}-]+))?]])

---True when the amount is the size of a deal by the shape of its clause:
---followed by a deal noun ("a $2bn contract", "a multibillion-dollar
---agreement"), or the value or price of one ("a deal worth $2bn", "valued
---at", "a bid of"), or paid for something ("will pay $9.5bn for the unit"),
---or invested ("will invest 100m euros in the plant"). Not when the noun
---after it makes it something else ("a £35bn difference in investment",
---"a $1bn overrun"). Stricter than claim:is_deal(), which only asks for a
---deal word nearby.
---@return boolean
function Claim:deal_size()
  if self.kind ~= "money" or not self.sentence then return false end
  local s = self.sentence
  local body = s.doc.body
  local after = body:sub(self.stop + 1, math.min(s.stop, self.stop + 60))
  local m = first_words_after:match((after:gsub("^%s*%b()", "")))
  if m then
    -- "a $2bn contract", "$2bn (£1bn) deal": the nouns right after (skip a bracketed conversion)
    local ws = { m.w1 and m.w1:lower(), m.w2 and m.w2:lower(), m.w3 and m.w3:lower() }
    for i = 1, 3 do
      local w = ws[i]
      if not w then break end
      if NOT_DEAL_NOUNS[w] then return false end
      if DEAL_NOUNS[w] then return true end
      -- only adjectives and nouns may stand between ("a $2bn arms deal")
      if FUNCTION_WORDS[w] then break end
    end
  end
  local clause_start = math.max(s.start, self.start - 80)
  local before = body:sub(clause_start + 1, self.start)
  if deal_value_before:test(before) then
    -- "a deal that could be worth", "contracts for three projects, valued
    -- at", "a bid of": the value's noun must be a deal noun ("funds worth
    -- $120m", "loans worth $3.7m" are no deals)
    local m2 = value_noun:match(before)
    if m2 and DEAL_NOUNS[m2.noun:lower():gsub("s$", "")] or m2 and DEAL_NOUNS[m2.noun:lower()] then
      return true
    end
  end
  if invest_verb:test(before) then return true end
  if after:find("^%s*for%s") or after:find("^%s*%b()%s*for%s") then
    if purchase_verb:test(before) then return true end
  end
  return false
end

---True when the claim's sentence has a context word of this kind or topic
---anywhere ("deal", "contract", "investment", "loan", "aid", "penalty",
---"economic", "casualties").
---@param kind string
---@return boolean
function Claim:is(kind)
  return self.contexts[kind] == true
end

---The figure in one number for comparisons: value, else high, else low
---(nil for "huge sums").
---@return number|nil
function Claim:figure()
  return self.value or self.high or self.low
end

function Claim:__tostring()
  return ("Claim(%s %q)"):format(self.kind, self.text)
end

-- Whole numbers as integers, so that evidence reads 2600000000, not 2.6e+09.
local function tidy(n)
  return n and math.tointeger(n) or n
end

local function norm(s)
  return (s:lower():gsub("%s+", " "))
end

-- "3,000" -> 3000, "2.6" -> 2.6, "two" -> 2
local function parse_number(s)
  if not s or s == false then return nil end
  local n = tonumber((s:gsub(",", "")))
  if n then return n end
  return NUMBER_WORDS[norm(s)]
end

local function scale_of(s)
  if not s or s == false then return nil end
  s = s:lower()
  if s:find("^lakh%s+crore") then return 1e12 end
  return SCALES[s]
end

local function currency_code(s)
  if not s or s == false then return nil end
  local code = M.lexicon.currency_codes[s:lower():gsub("[%s%.]", "")]
      or M.lexicon.currency_codes[s:lower():gsub("%s", "")]
  if code then return code end
  -- an ISO 4217 code written as such ("NOK"); a word that names several
  -- currencies ("kroner", "pesos", "dinars") has none
  return s:find("^%u%u%u$") and s or nil
end

-- The context lexicons as a word index, rebuilt when one of them changes:
-- `info[key]` = {kind, topic} for each entry's words (lower case, joined by
-- single spaces; the first entry wins), and `re`, one trie-shaped pattern
-- of every key for a lower-cased text, where a space matches any run of
-- non-word characters. A word is a run of ASCII letters and digits or
-- non-ASCII characters. One regex scan of a sentence is much cheaper than
-- reading each of its words in Lua.
local context_index, context_stamp, context_generation = nil, -1, -1

local WORD_CHAR = [[a-z0-9\x{80}-\x{10FFFF}]]

local function context_lexicons()
  return { deal = M.lexicon.deal_words, loan = M.lexicon.loan_words,
           aid = M.lexicon.aid_words, penalty = M.lexicon.penalty_words,
           economic = M.lexicon.economic_words, casualties = M.lexicon.casualty_words }
end

local function context_words()
  -- no lexicon at all has changed since the last call: nothing to compare
  if context_index and context_generation == lexicon.generation then return context_index end
  context_generation = lexicon.generation
  local lexes = context_lexicons()
  local stamp = 0
  for _, lex in pairs(lexes) do stamp = stamp + lex.version end
  if context_index and stamp == context_stamp then return context_index end
  local info, keys = {}, {}
  for _, kind in ipairs(CONTEXT_KINDS) do
    local lex = lexes[kind]
    for _, entry in ipairs(lex) do
      local words = {}
      for w in entry:lower():gmatch("[%w\128-\255]+") do words[#words + 1] = w end
      local key = table.concat(words, " ")
      if key ~= "" and not info[key] then
        local topic = kind
        if kind == "deal" then topic = lex:kind(entry) or "deal" end
        info[key] = { kind = kind, topic = topic }
        keys[#keys + 1] = key
      end
    end
  end
  local re = #keys > 0 and spindle.re(("(?<![%s])%s(?![%s])"):format(
    WORD_CHAR, lexicon.trie(keys, true, "[^" .. WORD_CHAR .. "]+"), WORD_CHAR)) or nil
  context_index, context_stamp = { info = info, re = re }, stamp
  return context_index
end

-- The context words of a sentence (or of a title), found once and kept:
-- an array of {start, stop, kind, topic}. At each word the longest entry
-- that starts there wins, and the scan goes on after it.
local function context_of(doc, s)
  local c = not doc.is_title and doc.cache["spindle.claims"]
  local key = s.index or "title"
  local ctx = c and c.contexts and c.contexts[key]
  if ctx then return ctx end
  ctx = {}
  local index = context_words()
  local re, info = index.re, index.info
  if re then
    local text, base, init = s.text:lower(), s.start, 0
    while true do
      local a, b = re:find(text, init)
      if not a then break end
      local words = text:sub(a + 1, b)
      local found = info[words] or info[(words:gsub("[^%w\128-\255]+", " "))]
      ctx[#ctx + 1] = { start = base + a, stop = base + b, kind = found.kind, topic = found.topic }
      init = b
    end
  end
  if c then
    c.contexts = c.contexts or {}
    c.contexts[key] = ctx
  end
  return ctx
end

-- Fills contexts from the context words of the claim's sentence; `context`
-- (and `topic`) is the kind of the word nearest to the claim.
local function add_context(doc, claim, subject)
  claim.contexts = {}
  claim.context, claim.topic = "other", "other"
  if not subject then return end
  local best
  for _, w in ipairs(context_of(doc, subject)) do
    claim.contexts[w.kind] = true
    claim.contexts[w.topic] = true
    local d = w.stop <= claim.start and claim.start - w.stop
           or w.start >= claim.stop and w.start - claim.stop or 0
    if not best or d < best then
      best, claim.context, claim.topic = d, w.kind, w.topic
    end
  end
end

-- `doc` is a Doc, or a stand-in for the title ({body, cache, title = true}).
local function new_claim(doc, kind, m, fields)
  local c = fields
  c.kind, c.text, c.start, c.stop = kind, m.text, m.start, m.stop
  c.span = { start = m.start, stop = m.stop }
  c.value, c.low, c.high = tidy(c.value), tidy(c.low), tidy(c.high)
  c.scale = tidy(c.scale or 1)
  c.vague = c.vague or false
  c.approx = c.approx or false
  c.converted = false
  local subject
  if doc.is_title then
    c.quoted = false
    subject = doc.subject
  else
    c.sentence = doc:sentence_at(m.start)
    c.quoted = doc:in_quote(m.start)
    subject = c.sentence
  end
  add_context(doc, c, subject)
  return setmetatable(c, Claim)
end

-- Reads the qualifier before a figure into the fields: bounds and approx.
local function qualify(f, qual)
  if not qual or qual == false then return f end
  local q = norm(qual)
  f.qualifier = qual
  local bound = QUALIFIERS[q]
  if bound == "low" then
    f.high = nil
  elseif bound == "high" then
    f.low = nil
  end
  if APPROX[q] then f.approx = true end
  return f
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
--  "$2bn and $3bn" is two amounts unless "between" comes before;
--  "$5 million to 10 people" is an amount followed by something else
--  (a second figure with neither currency nor scale after a scaled first).
-- `groups` gives the numbers of the sep and n2 groups in m's pattern
-- (Match.spans is indexed by group number).
-- The matches of money_prefixed and money_suffixed are read with re:find
-- into light tables (start, stop, text and the named groups), not Match
-- tables: their capture spans are rarely needed, and spans_of then asks the
-- pattern again at the same start, which gives the same match.
local function next_prefixed(re, body, init)
  local a, b, cur, n1, s1, sep, n2, s2, post = re:find(body, init)
  if not a then return nil end
  return { start = a, stop = b, text = body:sub(a + 1, b), cur = cur, n1 = n1, s1 = s1,
           sep = sep, n2 = n2, s2 = s2, post = post, re = re }
end

local function next_suffixed(re, body, init)
  local a, b, n1, s1, sep, n2, s2, post = re:find(body, init)
  if not a then return nil end
  return { start = a, stop = b, text = body:sub(a + 1, b), n1 = n1, s1 = s1,
           sep = sep, n2 = n2, s2 = s2, post = post, re = re }
end

-- Where the next match may start after m (one character on after an
-- empty one, as gmatch does).
local function after(m)
  return m.stop > m.start and m.stop or m.start + 1
end

-- The capture spans of a Match or of a light match.
local function spans_of(m, body)
  if not m.spans then m.spans = m.re:match(body, m.start).spans end
  return m.spans
end

local function cut_range(body, m, groups)
  if not m.sep then return false end
  local sep = m.sep:lower()
  local before = body:sub(math.max(1, m.start - 9), m.start):lower()
  if sep == "to" and before:find("from%s*$") then return true end
  if sep == "and" and not before:find("between%s*$") then return true end
  if m.s1 and not m.s2 then
    local spans = spans_of(m, body)
    local second = body:sub(spans[groups.sep].stop + 1, spans[groups.n2].start)
    if not second:find("%S") then return true end
  end
  return false
end

-- Whether [start, stop) overlaps a claim of `list`. Lists are built in text
-- order per pattern, so a binary search on the sorted copy would do; the
-- lists are short (a few dozen claims), so a linear scan is cheaper.
local function overlaps(list, start, stop)
  for i = #list, 1, -1 do
    local c = list[i]
    if start < c.stop and stop > c.start then return true end
  end
  return false
end

-- Capture group numbers of the range patterns above.
local PREFIXED_GROUPS = { n1 = 2, sep = 4, n2 = 5 }
local SUFFIXED_GROUPS = { n1 = 1, sep = 3, n2 = 4 }

local money_single = spindle.re(
  ([[(?<n1>%s)(?:(?:%s|-)?(?<s1>%s)\b)?]]):format(NUM, SP, SCALE), "i")

-- Text before a claim that qualifies it: "at least", "about", "up to".
local qual_before = spindle.re(([[\b(?<qual>%s)%s+(?:of%s+)?(?:an?%s+)?$]]):format(QUAL, SP, SP, SP), "i")

-- The qualifier just before a figure at byte offset `start` ("at least",
-- "about"), and the body offset where it starts; nil when there is none.
-- The 24-byte slice may cut a character at its start: spindle.re drops the
-- cut bytes and keeps positions in the slice's coordinates.
local function qualifier_before(body, start)
  local text = body:sub(math.max(1, start - 23), start)
  local at, _, qual = qual_before:find(text)   -- group 1 is <qual>
  if not at then return nil end
  return qual, start - #text + at
end

-- "$1.13bn (£600m)": the bracketed amount right after another converts it.
local function mark_conversions(body, out)
  for i = 2, #out do
    local a, b = out[i - 1], out[i]
    if b.kind == "money" and a.kind == "money"
       and body:sub(a.stop + 1, b.start):find("^%s*%(%s*$") then
      b.converted = true
    end
  end
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

-- Literal words without one of which a caseless pattern cannot match, to
-- skip its scan of a text that has none (most articles have no "crore").
-- The text is lower-cased once; a caseless pattern also matches "ſ" to s
-- and the Kelvin sign to k, so a text with either is always scanned.
local MONEY_CRORE_WORDS = { "crore" }
local MONEY_VAGUE_WORDS = { "multi", "illion", "thousand", "crore", "sum", "amount", "figure" }
local PERCENT_WORDS = { "%", "cent" }
local CASUALTY_WORDS = { "kill", "injur", "wound", "death" }

local function may_match(doc, words)
  local c = memo(doc)
  local lower = c.lower
  if not lower then
    lower = doc.body:lower()
    c.lower = lower
    c.folds = (doc.body:find("\197\191", 1, true) or doc.body:find("\226\132\170", 1, true)) ~= nil
  end
  if c.folds then return true end
  for _, w in ipairs(words) do
    if lower:find(w, 1, true) then return true end
  end
  return false
end

local function no_match() return nil end

-- re:gmatch(text), or an empty iterator when none of `words` is in doc.
local function gmatch_if(doc, words, re, text)
  if may_match(doc, words) then return re:gmatch(text) end
  return no_match
end

-- Short prefixes that are also letters of names ("N" for naira in "N64",
-- "Sh", "SR"): money only as written in capitals with a scale or thousands
-- separators ("N50bn", "Sh2,000,000"), never "N64" or "sr 5".
local WEAK_PREFIXES = { n = "N", sh = "Sh", sr = "SR" }
local function weak_prefix_refused(m)
  local cur = m.cur
  local want = cur and WEAK_PREFIXES[cur:lower()]
  if not want then return false end
  return cur ~= want or not (m.s1 or m.s2 or (m.n1 and m.n1:find(",")))
end

local function scan_money(doc)
  local out = {}
  local body = doc.body

  local prefixed = money_prefixed()
  local m = next_prefixed(prefixed, body, 0)
  while m do
    if weak_prefix_refused(m) then
      -- not money: skip it
    elseif cut_range(body, m, PREFIXED_GROUPS) then
      -- keep the currency and the first figure; the second is found alone
      local one = money_single:match(body, spans_of(m, body)[PREFIXED_GROUPS.n1].start)
      local sub = { start = m.start, stop = one.stop,
                    text = body:sub(m.start + 1, one.stop),
                    n1 = one.n1, s1 = one.s1 }
      out[#out + 1] = new_claim(doc, "money", sub,
        qualify(amount_fields(sub, m.cur), qualifier_before(body, m.start)))
      local rest = prefixed:match(body, spans_of(m, body)[PREFIXED_GROUPS.sep].stop)
      if rest and rest.start < m.stop and not cut_range(body, rest, PREFIXED_GROUPS) then
        out[#out + 1] = new_claim(doc, "money", rest, amount_fields(rest, rest.post or rest.cur))
      end
    else
      local claim = new_claim(doc, "money", m,
        qualify(amount_fields(m, m.post or m.cur), qualifier_before(body, m.start)))
      if m.post then claim.symbol = m.cur end
      out[#out + 1] = claim
    end
    m = next_prefixed(prefixed, body, after(m))
  end

  local suffixed = money_suffixed()
  m = next_suffixed(suffixed, body, 0)
  while m do
    local word_only = not m.n1:find("%d") and not (m.s1 or m.s2)
    if not word_only and not overlaps(out, m.start, m.stop)
       and not cut_range(body, m, SUFFIXED_GROUPS) then
      out[#out + 1] = new_claim(doc, "money", m,
        qualify(amount_fields(m, m.post), qualifier_before(body, m.start)))
    end
    m = next_suffixed(suffixed, body, after(m))
  end

  for m in gmatch_if(doc, MONEY_CRORE_WORDS, money_crore, body) do
    if not overlaps(out, m.start, m.stop) then
      local f = qualify(amount_fields(m, nil), qualifier_before(body, m.start))
      f.currency = M.lexicon.currency_codes["crore"]
      out[#out + 1] = new_claim(doc, "money", m, f)
    end
  end

  for m in gmatch_if(doc, MONEY_VAGUE_WORDS, money_vague(), body) do
    if not overlaps(out, m.start, m.stop) then
      local scale_word = m.multi or m.few_scale or m.adj or m.many
      local cur = m.c1 or m.c2 or m.c3 or m.c4 or nil
      local scale = scale_of(scale_word) or scale_of(scale_word and scale_word:match("(%a+)s$"))
      local low
      if m.sums then
        scale = nil
      elseif m.figure then
        -- "a nine-figure deal": at least 10^8
        local digits = ({ six = 6, seven = 7, eight = 8, nine = 9, ten = 10, eleven = 11,
                          twelve = 12 })[m.figure:lower()]
        scale, low = 1, 10 ^ (digits - 1)
      elseif m.multi or m.few then
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
      local claim = new_claim(doc, "money", m, {
        symbol = cur, currency = currency, value = nil, low = low, high = nil,
        scale = scale, vague = true,
      })
      if m.sums then claim.scale = nil end
      out[#out + 1] = claim
    end
  end

  table.sort(out, function(a, b) return a.start < b.start end)
  mark_conversions(body, out)
  return out
end

-- Percentages are read with re:find (no Match table); the rare "from 87
-- to 94%" takes the Match, for the spans of its two figures.
local function scan_percent(doc)
  local out = {}
  local body = doc.body
  if not may_match(doc, PERCENT_WORDS) then return out end
  local init = 0
  while true do
    local start, stop, t1, sep, t2 = percent:find(body, init)   -- groups n1, sep, n2
    if not start then break end
    init = stop > start and stop or start + 1
    local n1, n2 = parse_number(t1), parse_number(t2)
    if n2 and sep:lower() == "to"
       and body:sub(math.max(1, start - 6), start):lower():find("from%s*$") then
      -- "from 87 to 94%" is a change: two percentages, not a range
      local m = percent:match(body, start)
      local a, b = m.spans[1], m.spans[3]
      out[#out + 1] = new_claim(doc, "percent",
        { start = a.start, stop = a.stop, text = body:sub(a.start + 1, a.stop) },
        { value = n1, low = n1, high = n1, unit = "%" })
      out[#out + 1] = new_claim(doc, "percent",
        { start = b.start, stop = stop, text = body:sub(b.start + 1, stop) },
        { value = n2, low = n2, high = n2, unit = "%" })
    else
      out[#out + 1] = new_claim(doc, "percent",
        { start = start, stop = stop, text = body:sub(start + 1, stop) },
        qualify({ value = n1, low = n1, high = n2 or n1, unit = "%" },
                qualifier_before(body, start)))
    end
  end
  return out
end

local CASUALTY_VERBS = { killed = true, dead = true, died = true, killing = true,
  drowned = true, perished = true }

-- Up to four words after byte offset `at` (lower case, trailing
-- punctuation dropped), with the body offset where each ends; a word that
-- ends in punctuation ends the list. Returns two arrays and the count; the
-- arrays are reused by the next call (every number of the body asks), so
-- the caller reads them at once.
local AFTER_WORDS, AFTER_STOPS = {}, {}
local ENDS_LIST = { [46] = true, [44] = true, [59] = true, [58] = true, [33] = true,
                    [63] = true, [41] = true }              -- . , ; : ! ? )
local function words_after(body, at)
  local ws, stops, n = AFTER_WORDS, AFTER_STOPS, 0
  local chunk = body:sub(at + 1, at + 64):lower()
  local pos = 1
  while n < 4 do
    -- spaces, then a word (which cannot start with a space)
    local w, after = chunk:match("^%s+([%w\128-\255][%w\128-\255'%-]*)()", pos)
    if not w then break end
    if w:find("'", 1, true) then w = w:gsub("'s$", "") end
    n = n + 1
    ws[n] = w
    stops[n] = at + after - 1
    pos = after
    if ENDS_LIST[chunk:byte(pos)] then break end
  end
  return ws, stops, n
end

-- The noun a number counts: the first count noun among the next words,
-- past at most two words that may stand between ("12,000 new jobs",
-- "2,000 British troops"); two-word nouns first ("police officers").
-- Returns the noun and the offset where it ends.
local function noun_after(ws, stops, n)
  -- the words are lower case without spaces: their lexicon keys as they
  -- stand (Lexicon:has would normalise them again)
  local nouns = M.lexicon.count_nouns._set
  for i = 1, math.min(3, n) do
    local w = ws[i]
    if i < n and nouns[w .. " " .. ws[i + 1]] then
      return w .. " " .. ws[i + 1], stops[i + 1]
    end
    if nouns[w] then return w, stops[i] end
    if GAP_STOP[w] then return nil end
  end
  return nil
end

-- "40 killed", "40 were killed": a casualty verb right after the number.
local function casualty_after(ws, stops, n)
  local i = 1
  if i <= n and AUXILIARY[ws[i]] then i = i + 1 end
  if i <= n and ws[i] == "been" then i = i + 1 end
  if i <= n and CASUALTY_AFTER[ws[i]] then return ws[i], stops[i] end
  return nil
end

local VAGUE_COUNTS = {
  ["hundreds of thousands"] = 2e5, ["tens of thousands"] = 2e4,
  millions = 2e6, thousands = 2e3, hundreds = 200, scores = 40, dozens = 24,
}

local function scan_counts(doc, money, percents)
  local out = {}
  local body = doc.body
  local function taken(a, b)
    return overlaps(money, a, b) or overlaps(percents, a, b) or overlaps(out, a, b)
  end
  -- every number in the body: read with re:find, which makes no Match table
  local init = 0
  while true do
    local m_start, m_stop, m_n, m_scale, m_word, m_wscale, m_vague = count_number:find(body, init)
    if not m_start then break end
    init = m_stop > m_start and m_stop or m_start + 1
    local skip = false
    local value, low, high, scale, vague
    if m_n then
      value = parse_number(m_n)
      scale = scale_of(m_scale) or 1
      -- digits of another script ("٨": \d knows them, tonumber does not)
      -- give no figure, and no count
      if value then value = value * scale else skip = true end
      -- a decimal without a scale ("1.5 people") is not a count
      if not m_scale and m_n:find("%.") then skip = true end
      low, high = value, value
    elseif m_word then
      value = parse_number(m_word)
      scale = scale_of(m_wscale) or 1
      value = value and value * scale
      low, high = value, value
    else
      vague = true
      low = VAGUE_COUNTS[norm(m_vague)] or 24
    end
    if not skip and (value ~= nil or vague) then
      local ws, stops, n = words_after(body, m_stop)
      local noun, stop = noun_after(ws, stops, n)
      local verb
      if not noun and not vague then verb, stop = casualty_after(ws, stops, n) end
      local qual, qual_at
      if stop then qual, qual_at = qualifier_before(body, m_start) end
      -- a year after a preposition: "in 2004 people began"
      if stop and m_n and not m_scale and m_n:find("^[12]%d%d%d$") and not qual
         and year_before:test(body:sub(math.max(1, m_start - 11), m_start)) then
        stop = nil
      end
      if stop then
        local start = qual_at or m_start
        if not taken(start, stop) then
          local f = qualify({ value = value, low = low, high = high, scale = scale,
                              vague = vague, noun = noun,
                              counted = noun and M.lexicon.count_nouns:kind(noun) or "people" },
                            qual)
          local claim = new_claim(doc, "count",
            { start = start, stop = stop, text = body:sub(start + 1, stop) }, f)
          if verb then
            claim.contexts.casualties = true
            claim.context, claim.topic = "casualties", "casualties"
            claim.fatal = CASUALTY_AFTER[verb] == "fatal"
          end
          out[#out + 1] = claim
        end
      end
    end
  end
  for m in gmatch_if(doc, CASUALTY_WORDS, count_casualty, body) do
    local n = m.n2 or m.n3
    local qual = m.qual2 or m.qual3 or nil
    local value = parse_number(n)
    local year = n:find("^[12]%d%d%d$") and m.n3 == nil
    if value and not year and not taken(m.start, m.stop) then
      local f = qualify({ value = value, low = value, high = value, scale = 1,
                          counted = "people" }, qual)
      local claim = new_claim(doc, "count", m, f)
      claim.contexts.casualties = true
      claim.context, claim.topic = "casualties", "casualties"
      claim.fatal = (m.verb2 and CASUALTY_VERBS[m.verb2:lower()]) or m.n3 ~= nil or false
      out[#out + 1] = claim
    end
  end
  table.sort(out, function(a, b) return a.start < b.start end)
  return out
end

local function index_by_sentence(list)
  local by = {}
  for _, claim in ipairs(list) do
    local s = claim.sentence
    if s then
      local l = by[s.index]
      if not l then l = {} by[s.index] = l end
      l[#l + 1] = claim
    end
  end
  return by
end

local SCANS

local function list_of(doc, kind)
  local c = memo(doc)
  local list = c[kind]
  if not list then
    list = SCANS[kind](doc)
    c[kind] = list
    c[kind .. "_by_sentence"] = index_by_sentence(list)
  end
  return list
end

SCANS = {
  money = scan_money,
  percent = scan_percent,
  count = function(doc)
    return scan_counts(doc, list_of(doc, "money"), list_of(doc, "percent"))
  end,
}

local function iterate(list)
  local i = 0
  return function()
    i = i + 1
    return list[i]
  end
end

-- A stand-in doc over a piece of text that is not the body (the title, a
-- string in the REPL): claims in it have no sentence.
local function text_doc(text)
  return { body = text, cache = {}, is_title = true,
           subject = { text = text, start = 0 } }
end

local function merged(lists)
  local out = {}
  for _, l in ipairs(lists) do
    for _, c in ipairs(l) do out[#out + 1] = c end
  end
  table.sort(out, function(a, b) return a.start < b.start end)
  return out
end

-------------------------------------------------------------------------------
-- Public API
-------------------------------------------------------------------------------

---Iterates over the money claims of the article body, in text order.
---@param doc spindle.Doc
---@return fun(): spindle.Claim|nil
function M.money(doc)
  return iterate(list_of(doc, "money"))
end

---The money claims of the article body as an array (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Claim[]
function M.money_list(doc)
  return list_of(doc, "money")
end

---Iterates over the percentages of the article body ("3.5%", "12 per cent").
---@param doc spindle.Doc
---@return fun(): spindle.Claim|nil
function M.percentages(doc)
  return iterate(list_of(doc, "percent"))
end

---The percentages of the article body as an array (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Claim[]
function M.percent_list(doc)
  return list_of(doc, "percent")
end

---Iterates over the counts of people and things in the article body
---("at least 40 killed", "12,000 jobs", "hundreds of protesters").
---@param doc spindle.Doc
---@return fun(): spindle.Claim|nil
function M.counts(doc)
  return iterate(list_of(doc, "count"))
end

---The counts of the article body as an array (shared: do not modify).
---@param doc spindle.Doc
---@return spindle.Claim[]
function M.count_list(doc)
  return list_of(doc, "count")
end

---Every claim of the body -- money, percentages and counts -- in text order.
---@param doc spindle.Doc
---@return spindle.Claim[]
function M.all(doc)
  local c = memo(doc)
  if not c.all then
    c.all = merged({ list_of(doc, "money"), list_of(doc, "percent"), list_of(doc, "count") })
  end
  return c.all
end

---The claims of one kind ("money" by default, "percent", "count" or "all")
---that lie in a sentence.
---@param sentence spindle.Sentence
---@param kind? "money"|"percent"|"count"|"all"
---@return spindle.Claim[]
function M.in_sentence(sentence, kind)
  kind = kind or "money"
  local doc = sentence.doc
  if kind == "all" then
    local c = memo(doc)
    c.all_by_sentence = c.all_by_sentence or index_by_sentence(M.all(doc))
    return c.all_by_sentence[sentence.index] or {}
  end
  list_of(doc, kind)
  return memo(doc)[kind .. "_by_sentence"][sentence.index] or {}
end

---The claims in the article's title (money, percentages, counts), in text
---order. Their spans are offsets into doc.title and their sentence is nil.
---@param doc spindle.Doc
---@return spindle.Claim[]
function M.title_list(doc)
  local c = memo(doc)
  if not c.title then
    c.title = M.in_text(doc.title or "")
    -- report{ at = claim } points at the title span
    for _, claim in ipairs(c.title) do claim.part = "title" end
  end
  return c.title
end

---The claims in a piece of text that is not the body (a title, a string in
---the REPL or a test): money, percentages and counts, in text order; spans
---are offsets into `text`.
---@param text string
---@return spindle.Claim[]
function M.in_text(text)
  local t = text_doc(text)
  local money = scan_money(t)
  local percents = scan_percent(t)
  return merged({ money, percents, scan_counts(t, money, percents) })
end

---Parses an amount written on its own ("$2.6bn", "Rs 3,000 crore") into a
---Claim; nil when it is not one. Useful in the REPL and in tests.
---@param text string
---@return spindle.Claim|nil
function M.parse_money(text)
  return scan_money(text_doc(text))[1]
end

-- A sentence that opens with the person or body whose figures it gives.
local possessive_lead = spindle.re([[^(?:\p{Lu}[\p{L}\p{N}&.-]*(?:\s+\p{Lu}[\p{L}\p{N}&.-]*){0,3}(?:'s|’s)|Its|Their|His|Her)\s]])
local actor_lead = spindle.re([[^(?:(?:But|And|However|Meanwhile|Now|Earlier|Last\s+\w+|On\s+\w+|In\s+\w+),?\s+)?(?<actor>He|She|It|They|We|(?:The|A|An)\s+(?:[\w-]+\s+){0,2}(?:court|courts|government|ministry|bank|company|firm|group|council|board|fund|IMF|UN|EU|club|charity|union|regulator|authority|agency|state|studio|society)|(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&.'’-]*|of|de|van|von)){0,4})(?:,[^,]{1,60},)?\s+(?:also\s+|now\s+|already\s+)*(?:(?:has|have|had|will|would|is\s+to|are\s+to|plans?\s+to|expects?\s+to)\s+(?:\w+ly\s+)?(?!been\b)\w+|(?!(?:was|is|has|as|its|his|this|does|been)\b)(?:\w+ed|\w+s|gave|paid|won|lost|took|made|spent|sent|lent|sold|owe|got|borrow|pay|give|spend|agree|offer|forecast))\b]])

---Whether sentence s opens with the person or body whose figures it
---gives, so that they are its own, a matter of record: "possessive"
---("Shell's profits rose to $4bn", "Its sales fell") or "actor" (the
---actor, then its verb: "Turkey has agreed to borrow $10bn", "BMW has
---forecast growth of 10%", "The courts awarded Varig 2bn reais", "He gave
---$5m"); nil otherwise. A passive ("The bank was fined £25m") is neither.
---@param s spindle.Sentence
---@return "possessive"|"actor"|nil
function M.owner_lead(s)
  if possessive_lead:test(s.text) then return "possessive" end
  local m = actor_lead:match(s.text)
  if not m then return nil end
  -- a figure's own noun opening the sentence is no actor ("Unemployment
  -- reached 11%", "Exports rose"): only a name, a pronoun or a body
  local first = m.actor:match("^%a+"):lower()
  local lex = M.lexicon
  if lex.economic_words:has(first) or lex.count_nouns:has(first) or lex.deal_words:has(first)
     or lex.casualty_words:has(first) then
    return nil
  end
  return "actor"
end

---Whether two claims state the same figure: the same kind, no conflicting
---currency, and values within `tolerance` (a share, default 0.1, so that a
---headline's "$1bn" matches "$1.03bn"; percentages by default within one
---percentage point) or one inside the other's range.
---@param a spindle.Claim
---@param b spindle.Claim
---@param tolerance? number
---@return boolean
function M.same_figure(a, b, tolerance)
  if a.kind ~= b.kind then return false end
  if a.currency and b.currency and a.currency ~= b.currency then return false end
  local x, y = a:figure(), b:figure()
  if not x or not y then return a.vague and b.vague end
  local explicit = tolerance ~= nil
  tolerance = tolerance or 0.1
  local function inside(v, c)
    local lo, hi = c.low or c.value, c.high or c.value
    return lo and hi and v >= lo and v <= hi
  end
  if inside(x, b) or inside(y, a) then return true end
  if a.kind == "percent" and not explicit then
    return math.abs(x - y) <= 1                  -- percentage points
  end
  local big = math.max(math.abs(x), math.abs(y))
  return big == 0 or math.abs(x - y) / big <= tolerance
end

return M
