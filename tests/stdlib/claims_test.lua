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
