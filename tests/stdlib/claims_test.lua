-- spindle.claims: money amounts, ranges, vague magnitudes, context.
local claims = require "spindle.claims"

-- { text, amount text, currency, value (or low for vague), high, vague }
local money = {
  { "Acme won a $2.6bn contract.", "$2.6bn", "USD", 2600000000, 2600000000, false },
  { "The order is worth US$ 900m.", "US$ 900m", "USD", 900000000, 900000000, false },
  { "a Rs 3,000 crore project", "Rs 3,000 crore", "INR", 30000000000, 30000000000, false },
  { "a Rs 3,000-crore contract", "Rs 3,000-crore", "INR", 30000000000, 30000000000, false },
  { "It costs €40 million.", "€40 million", "EUR", 40000000, 40000000, false },
  { "It costs £1.2 billion.", "£1.2 billion", "GBP", 1200000000, 1200000000, false },
  { "a deal of 2.5 billion roubles", "2.5 billion roubles", "RUB", 2500000000, 2500000000, false },
  { "worth $2-3 billion", "$2-3 billion", "USD", 2000000000, 3000000000, false },
  { "worth €2–3bn", "€2–3bn", "EUR", 2000000000, 3000000000, false },
  { "worth $2 to $3 billion", "$2 to $3 billion", "USD", 2000000000, 3000000000, false },
  { "two billion dollars", "two billion dollars", "USD", 2000000000, 2000000000, false },
  { "900 million USD", "900 million USD", "USD", 900000000, 900000000, false },
  { "20 million US dollars", "20 million US dollars", "USD", 20000000, 20000000, false },
  { "₹5 lakh crore", "₹5 lakh crore", "INR", 5000000000000, 5000000000000, false },
  { "a 5,000 crore scheme", "5,000 crore", "INR", 50000000000, 50000000000, false },
  { "a $1.5 trillion budget", "$1.5 trillion", "USD", 1500000000000, 1500000000000, false },
  { "USD 45m", "USD 45m", "USD", 45000000, 45000000, false },
  { "a multibillion-dollar deal", "multibillion-dollar", "USD", 2000000000, nil, true },
  { "billions of dollars", "billions of dollars", "USD", 2000000000, nil, true },
  { "a multi-million deal", "multi-million", nil, 2000000, nil, true },
  { "hundreds of millions of euros", "hundreds of millions of euros", "EUR", 200000000, nil, true },
  { "a billion-dollar contract", "billion-dollar", "USD", 1000000000, nil, true },
  { "a multi-crore scam", "multi-crore", "INR", 20000000, nil, true },
}
for _, c in ipairs(money) do
  local list = claims.money_list(doc_of(c[1]))
  check_eq(#list >= 1, true, c[1] .. ": found")
  local m = list[1]
  if m then
    check_eq(m.text, c[2], c[1] .. ": text")
    check_eq(m.currency, c[3], c[1] .. ": currency")
    check_eq(m.vague and m.low or m.value, c[4], c[1] .. ": value")
    check_eq(m.high, c[5], c[1] .. ": high")
    check_eq(m.vague, c[6], c[1] .. ": vague")
  end
end

-- not money, or not one amount
local none = { "He scored 3 goals in 2 billion-year-old rocks.", "The team won 3-1.",
               "Pay a dollar.", "In 2019 the plan changed." }
for _, text in ipairs(none) do
  check_eq(#claims.money_list(doc_of(text)), 0, text .. ": no money")
end
local two = claims.money_list(doc_of("Revenue rose from $2bn to $3bn."))
check_eq(#two, 2, "from X to Y is two amounts")
check_eq(two[2] and two[2].value, 3000000000, "the second amount")
local cut = claims.money_list(doc_of("It paid $5 million to 10 people."))
check_eq(cut[1] and cut[1].text, "$5 million", "a figure after 'to' without scale is not a range")

-- spans, sentences, context
local d = doc_of("The weather was fine. Acme signed a $2.6 billion contract on Monday.")
local c = claims.money_list(d)[1]
check_eq(d.body:sub(c.start + 1, c.stop), "$2.6 billion", "span indexes the body")
check_eq(c.span.start, c.start, "span table")
check_eq(c.sentence, d:sentences()[2], "sentence")
check(c:is_deal(), "contract is a deal")
check_eq(claims.in_sentence(d:sentences()[2])[1], c, "in_sentence")
check_eq(#claims.in_sentence(d:sentences()[1]), 0, "in_sentence: none")

local contexts = {
  { "Profits rose to $2bn despite the investment plan.", "economic", false },
  { "The bank approved a loan of $350 million.", "loan", false },
  { "Donors pledged $48 million in aid.", "aid", false },
  { "The firm was fined $16m by the regulator.", "penalty", false },
  { "The $900m takeover was approved.", "deal", true },
  { "The weather cost farmers $3m.", "other", false },
}
for _, t in ipairs(contexts) do
  local m = claims.money_list(doc_of(t[1]))[1]
  check_eq(m and m.context, t[2], t[1] .. ": context")
  check_eq(m and m:is_deal(), t[3], t[1] .. ": is_deal")
end

-- memoised per article
local d2 = doc_of("A $5bn deal.")
check_eq(claims.money_list(d2), claims.money_list(d2), "the same list for the same doc")
check(d2.cache["spindle.claims"] ~= nil, "kept in doc.cache")

-- percentages
local p = claims.percent_list(doc_of("Turnout rose 3.5% to 12 per cent, or 10-12 percent."))
check_eq(#p, 3, "percentages")
check_eq(p[1] and p[1].value, 3.5, "3.5%")
check_eq(p[3] and p[3].high, 12, "a range of percentages")

-- the currency map can be overridden
claims.lexicon.currency_codes["rs"] = "PKR"
check_eq(claims.money_list(doc_of("Rs 50 crore"))[1].currency, "PKR", "override Rs")
claims.lexicon.currency_codes["rs"] = "INR"

-------------------------------------------------------------------------------
-- Money in real sentences (BBC news, 2004-05)
-------------------------------------------------------------------------------

-- { sentence, text of the first amount, currency, value, converted second? }
local bbc_money = {
  { "The owners of embattled Russian oil giant Yukos are to ask the buyer of its former production unit to pay back a $900m (£479m) loan.",
    "$900m", "USD", 900000000, true },
  { "The demand for $280bn (£155bn) - filed by the Clinton administration in 1999 - was rejected in a 2-1 decision.",
    "$280bn", "USD", 280000000000, true },
  { "He added that the boom has allowed the government to collect $950m in taxes.",
    "$950m", "USD", 950000000, false },
  { "The deal sees Rosneft receive $6bn in credits from China's CNPC.",
    "$6bn", "USD", 6000000000, false },
  { "Travelers had sales of $5.2bn in 2004 and made a profit of $901m.",
    "$5.2bn", "USD", 5200000000, false },
  { "The government will pump 154m naira ($1.1m; £591,000) into subsidies for farming chemicals and seedlings.",
    "154m naira", "NGN", 154000000, true },
  { "Shoppers in the UK are expected to put £269bn on plastic cards during the whole of 2004, compared with £268bn paid with cash, Apacs said.",
    "£269bn", "GBP", 269000000000, false },
  { "On Tuesday, Mr Gates pledged $750m (£400m) of his own money to support the cause.",
    "$750m", "USD", 750000000, true },
  { "Investors were shaken by the news and the firm's shares fell to a four month low of A$4.50.",
    "A$4.50", "AUD", 4.5, false },
  { "Parmalat was declared insolvent after it emerged that 4 billion euros had gone missing.",
    "4 billion euros", "EUR", 4000000000, false },
  { "Last month it said it was looking for a further 540bn yen in savings.",
    "540bn yen", "JPY", 540000000000, false },
  { "The LSE rejected Deutsche Boerse's proposed £1.3bn offer in December, saying it undervalued the business.",
    "£1.3bn", "GBP", 1300000000, false },
  { "It has also threatened to sue the Russian government for $28bn.",
    "$28bn", "USD", 28000000000, false },
  { "About 150 federal programs could be cut or axed altogether as part of a $2.5 trillion budget.",
    "$2.5 trillion", "USD", 2500000000000, false },
  { "The rupee fell after the central bank sold Rs 10,000 crore of bonds.",
    "Rs 10,000 crore", "INR", 100000000000, false },
  { "PKR 50bn was set aside for the dam.", "PKR 50bn", "PKR", 50000000000, false },
  { "The ministry paid ₹5 lakh crore in subsidies.", "₹5 lakh crore", "INR", 5000000000000, false },
  { "Gazprom paid 60 billion roubles for the stake.", "60 billion roubles", "RUB", 60000000000, false },
  { "The yard will cost 2.5bn rubles to build.", "2.5bn rubles", "RUB", 2500000000, false },
  { "China lent 3 billion yuan to the project.", "3 billion yuan", "CNY", 3000000000, false },
  { "The bank raised US$ 900m from the sale.", "US$ 900m", "USD", 900000000, false },
  { "Kenya will borrow KSh 20bn.", "KSh 20bn", "KES", 20000000000, false },
}
for _, c in ipairs(bbc_money) do
  local list = claims.money_list(doc_of(c[1]))
  local m = list[1]
  check_eq(m and m.text, c[2], c[1] .. ": text")
  check_eq(m and m.currency, c[3], c[1] .. ": currency")
  check_eq(m and m.value, c[4], c[1] .. ": value")
  check_eq(list[2] ~= nil and list[2].converted, c[5], c[1] .. ": a bracketed conversion")
end

-- ranges and two amounts
local between = claims.money_list(doc_of("It paid between $2bn and $3bn for the stake."))
check_eq(#between, 1, "between X and Y is one range")
check_eq(between[1] and between[1].high, 3000000000, "between: the upper bound")
local pair = claims.money_list(doc_of("The bids were £600m and £700m."))
check_eq(#pair, 2, "X and Y without 'between' is two amounts")
check_eq(pair[2] and pair[2].value, 700000000, "the second of two amounts")
local deficit = claims.money_list(doc_of("The budget deficit hit a record $412bn, after reaching $377bn in the previous fiscal year."))
check_eq(#deficit, 2, "two amounts in one sentence")

-- qualifiers: bounds and approximation
local qualified = {
  { "It could be worth up to $2bn.", "up to", nil, 2000000000, true },
  { "Losses reached at least £40m.", "at least", 40000000, nil, false },
  { "The deal is worth an estimated $4.5 billion.", "an estimated", 4500000000, 4500000000, true },
  { "She earned more than $1m a year.", "more than", 1000000, nil, false },
  { "The price is about $30 a barrel.", "about", 30, 30, true },
  { "The deal could be worth more than $1.8bn.", "more than", 1800000000, nil, false },
}
for _, c in ipairs(qualified) do
  local m = claims.money_list(doc_of(c[1]))[1]
  check_eq(m and m.qualifier, c[2], c[1] .. ": qualifier")
  check_eq(m and m.low, c[3], c[1] .. ": low")
  check_eq(m and m.high, c[4], c[1] .. ": high")
  check_eq(m and m.approx, c[5], c[1] .. ": approx")
end

-- vague sums with no figure at all
for _, t in ipairs({ "Mobile operators were paying huge sums for 3G licences.",
                     "Vast sums of money were spent on the stadium.",
                     "Mr Glazer's previous offer involved borrowing large amounts of money." }) do
  local m = claims.money_list(doc_of(t))[1]
  check(m and m.vague and m.low == nil, t .. ": a vague sum with no least amount")
end
-- vague magnitudes from real sentences
local vague_bbc = {
  { "Enron went bankrupt in 2001 after it emerged it had hidden hundreds of millions of dollars in debt.", "hundreds of millions of dollars", 200000000 },
  { "Spider-Man creator Stan Lee is to get a multi-million dollar windfall.", "multi-million dollar", 2000000 },
  { "Employers have spent billions of pounds propping up their final salary pensions.", "billions of pounds", 2000000000 },
  { "Insurance costs are already estimated in the tens of billions of dollars.", "tens of billions of dollars", 20000000000 },
  { "Ms Druyun admitted that she had steered multi-billion dollar contracts to Boeing.", "multi-billion dollar", 2000000000 },
}
for _, c in ipairs(vague_bbc) do
  local m = claims.money_list(doc_of(c[1]))[1]
  check_eq(m and m.text, c[2], c[1] .. ": text")
  check_eq(m and m.low, c[3], c[1] .. ": least amount")
  check_eq(m and m.vague, true, c[1] .. ": vague")
end

-- not money
for _, t in ipairs({ "Manchester United won 2-0 that day, at Old Trafford.",
                     "The 1.5 million-year-old skull was found in 2004.",
                     "He scored 12 points in 40 minutes." }) do
  check_eq(#claims.money_list(doc_of(t)), 0, t .. ": no money")
end

-------------------------------------------------------------------------------
-- Context and topic
-------------------------------------------------------------------------------

local topics = {
  { "Boeing lost a $23bn government contract after a Pentagon inquiry.", "deal", "contract" },
  { "The firm will invest $2bn in a new plant.", "deal", "investment" },
  { "The LSE rejected Deutsche Boerse's proposed £1.3bn takeover.", "deal", "deal" },
  { "Yukos asked the buyer to pay back a $900m loan.", "loan", "loan" },
  { "Donors pledged $48 million in aid.", "aid", "aid" },
  { "It agreed to pay $13m in criminal penalties.", "penalty", "penalty" },
  { "Revenues were £4.3bn last year.", "economic", "economic" },
}
for _, t in ipairs(topics) do
  local m = claims.money_list(doc_of(t[1]))[1]
  check_eq(m and m.context, t[2], t[1] .. ": context")
  check_eq(m and m.topic, t[3], t[1] .. ": topic")
  check(m and m:is(t[3]), t[1] .. ": is(topic)")
end
local both = claims.money_list(doc_of("Profits rose to $2bn despite the investment plan."))[1]
check(both:is("deal") and both:is("investment") and both:is("economic"), "contexts holds every kind and topic")
-- a deal word added by a rule file counts at once
claims.lexicon.deal_words:add_as("contract", "offtake")
check_eq(claims.money_list(doc_of("The $300m offtake runs for ten years."))[1].topic, "contract",
         "an added deal word, with its topic")
claims.lexicon.deal_words:remove("offtake")

-------------------------------------------------------------------------------
-- Counts of people and things
-------------------------------------------------------------------------------

-- { sentence, text, value, low, high, noun, context }
local counts = {
  { "It lost 464,000 subscribers in the fourth quarter.", "464,000 subscribers", 464000, 464000, 464000, "subscribers", "other" },
  { "At least 40 people were killed in the blast.", "At least 40 people", 40, 40, nil, "people", "casualties" },
  { "The plant will create 12,000 new jobs.", "12,000 new jobs", 12000, 12000, 12000, "jobs", "economic" },
  { "About 2,000 British troops will leave Iraq.", "About 2,000 British troops", 2000, 2000, 2000, "troops", "other" },
  { "Forty civilians died in the attack.", "Forty civilians", 40, 40, 40, "civilians", "casualties" },
  { "Hundreds of protesters gathered outside.", "Hundreds of protesters", nil, 200, nil, "protesters", "other" },
  { "Tens of thousands of people marched in Kiev.", "Tens of thousands of people", nil, 20000, nil, "people", "other" },
  { "About 1.4 million copies were printed.", "About 1.4 million copies", 1400000, 1400000, 1400000, "copies", "other" },
  { "Up to 300 police officers were on duty.", "Up to 300 police officers", 300, nil, 300, "police officers", "other" },
  { "Kenteris and Thanou missed tests; 15 were injured and 3 died.", "15 were injured", 15, 15, 15, nil, "casualties" },
  { "The storm killed at least 12 and left thousands homeless.", "killed at least 12", 12, 12, nil, nil, "casualties" },
  { "The death toll rose to 300 on Monday.", "death toll rose to 300", 300, 300, 300, nil, "casualties" },
  { "Thousands of UK dial-up users are believed to have been hit.", "Thousands of UK dial-up users", nil, 2000, nil, "users", "other" },
  { "The scheme will build 5,000 homes in the south-east.", "5,000 homes", 5000, 5000, 5000, "homes", "other" },
}
for _, c in ipairs(counts) do
  local m = claims.count_list(doc_of(c[1]))[1]
  check_eq(m and m.text, c[2], c[1] .. ": text")
  check_eq(m and m.value, c[3], c[1] .. ": value")
  check_eq(m and m.low, c[4], c[1] .. ": low")
  check_eq(m and m.high, c[5], c[1] .. ": high")
  check_eq(m and m.noun, c[6], c[1] .. ": noun")
  check_eq(m and m.context, c[7], c[1] .. ": context")
end
-- not counts
for _, t in ipairs({ "In 2004 people bought more cars.", "Three of the jobs went abroad.",
                     "He waited 10 years for people to notice.", "Shares rose 3% to 400p.",
                     "The firm paid $40m to 300 people." }) do
  local list = claims.count_list(doc_of(t))
  local bad = false
  for _, c in ipairs(list) do
    if c.text:find("^In 2004") or c.text:find("Three") or c.text:find("^10 years")
       or c.text:find("3%%") or c.text:find("%$40m") then bad = true end
  end
  check(not bad, t .. ": no false count")
end
check_eq(claims.count_list(doc_of("The firm paid $40m to 300 people."))[1].text, "300 people",
         "a count beside an amount")
check(claims.count_list(doc_of("Forty civilians died."))[1].counted == "people", "counted: people")
check(claims.count_list(doc_of("They built 40 schools."))[1].counted == "things", "counted: things")

-------------------------------------------------------------------------------
-- Titles, all claims, same_figure
-------------------------------------------------------------------------------

local td = doc_of("Nortel said it had made $434m, compared to the previously reported $732m.",
                  "Nortel in $300m profit revision")
local tl = claims.title_list(td)
check_eq(#tl, 1, "one claim in the title")
check_eq(tl[1] and tl[1].text, "$300m", "the title's figure")
check_eq(tl[1] and tl[1].sentence, nil, "a title claim has no sentence")
check_eq(claims.title_list(td), tl, "title claims are memoised")
local all = claims.all(doc_of("Shares rose 3.5% after 1,200 jobs went and $2bn was raised."))
check_eq(#all, 3, "all: money, percent and count")
check_eq(all[1] and all[1].kind, "percent", "all: in text order")
check_eq(#claims.in_sentence(doc_of("A $2bn deal for 300 jobs."):sentences()[1], "all"), 2, "in_sentence(s, 'all')")
check_eq(#claims.in_text("Beatles suits sell for $110,000"), 1, "in_text")

local function one(t) return claims.in_text(t)[1] end
check(claims.same_figure(one("$1bn"), one("$1.03bn")), "same_figure: rounding")
check(not claims.same_figure(one("$1bn"), one("$2bn")), "same_figure: different")
check(not claims.same_figure(one("$1bn"), one("€1bn")), "same_figure: other currency")
check(claims.same_figure(one("94%"), one("94.4 per cent")), "same_figure: percentage points")
check(not claims.same_figure(one("98%"), one("94%")), "same_figure: four points apart")
check(claims.same_figure(one("$3bn"), one("$2-4bn")), "same_figure: inside a range")
check(claims.same_figure(one("40 people"), one("about 41 people")), "same_figure: counts")
check(not claims.same_figure(one("40 people"), one("$40m")), "same_figure: kinds differ")

-- parse_money returns a Claim
local pm = claims.parse_money("Rs 3,000 crore")
check_eq(pm and pm.value, 30000000000, "parse_money")
check_eq(pm and pm:figure(), 30000000000, "Claim:figure")
