-- rules/figures.lua — claims about figures: how big a deal is, and who says so.

local claims  = require "spindle.claims"
local sources = require "spindle.sources"

-- Amounts below this are prices and fees, not contract sizes.
local MIN_AMOUNT = 1e6

-- How much a finding is worth, by the strongest source of the claim's
-- sentence (or, when it has none, of its paragraph). Official on-record
-- sources (official-named, document) anywhere in the paragraph clear it.
local CONFIDENCE = {
  ["media"]            = 1.0,  -- "media reports said": the pattern this rule is for
  ["anonymous"]        = 1.0,
  ["other"]            = 0.9,
  ["none"]             = 0.8,  -- the reporter's own voice, often a public figure
  ["wire"]             = 0.8,
  ["expert"]           = 0.7,  -- an analyst's estimate
  ["official-unnamed"] = 0.5,  -- "officials said": official but unaccountable
  ["named"]            = 0.4,  -- a named person or company on the record
}

rule {
  id       = "contract-size-unsourced",
  title    = "Contract size claimed without an official source",
  severity = "high",
  weight   = 0.7,
  tags     = { "claims", "sourcing", "money" },
  needs    = { "$", "€", "£", "¥", "₹", "₽", "million", "billion", "trillion",
               "crore", "lakh", "bn", "dollar", "euro", "pound", "rupee",
               "rouble", "ruble", "yuan", "usd", "inr", "pkr", "gbp" },
  description = [[
The size of a deal, contract or investment -- an exact amount ("$2.6bn",
"Rs 3,000 crore") or a vague one ("a multibillion-dollar deal") -- given in a
paragraph that carries no official source: no named official or institution
on the record and no document. Deal sizes are the detail that travels: a
figure that rests on "media reports" or on unnamed sources is often the
invented part of a story. Unnamed officials lower the score; a named
official, an institution's statement or a filing anywhere in the paragraph
clears it. Amounts inside a quotation are covered by the quotation's speaker.]],

  check = function(doc, report)
    local done = {}                        -- one finding per sentence
    for claim in claims.money(doc) do
      local s = claim.sentence
      if s and not done[s.index] and claim:is_deal()
         and (claim.high or claim.low or 0) >= MIN_AMOUNT
         and not sources.official(claim, { scope = "paragraph" }) then
        local best, attribution = sources.best(claim)
        if not attribution then
          best, attribution = sources.best(claim, { scope = "paragraph" })
        end
        local kind = attribution and attribution.type or "none"
        done[s.index] = true
        report {
          at = claim,
          message = claim.vague
            and "vague deal size with no official source in its paragraph"
            or "deal size with no official source in its paragraph",
          score = CONFIDENCE[kind] or 1.0,
          evidence = {
            amount = claim.text,
            currency = claim.currency,
            value = claim.value or claim.low,
            source = best,
          },
        }
      end
    end
  end,

  examples = {
    flag = {
      "Reports said Acme signed a $2.6 billion contract for the plant.",
      "The two governments are close to a multibillion-dollar deal to build the dam, media reports said.",
      "Sources said the investment would total Rs 3,000 crore.",
      "The agreement is worth about €40 million and runs for five years.",
      "Officials said the $2-3 billion purchase of the airline would be completed in May.",
      { title = "Arms deal", body = "Local media reported a 2.5 billion roubles deal for helicopters.\n\nThe defence ministry declined to comment." },
    },
    pass = {
      -- an institution on the record, in a statement
      "The finance ministry said in a statement that the $2.6 billion contract was signed.",
      -- a named official
      "Defence Minister Jane Doe said the deal was worth $3 billion.",
      -- the figure inside a named speaker's quotation
      "\"The contract is worth $2 billion,\" Ambassador Ilan Teodorov told reporters.",
      -- an amount, but no deal: a near miss on context
      "The company's revenue rose to $2.6 billion last year.",
      -- a deal, but no amount
      "Reports said Acme had signed a contract for the plant.",
      -- the official source is elsewhere in the same paragraph
      "Acme will build the plant under a $900m contract. The energy ministry confirmed the award in a filing on Monday.",
      -- "She said": the speaker carried from the paragraph before
      "Trade Minister Jane Doe met the investors on Monday.\n\nShe said the $2bn investment would create 5,000 jobs.",
      -- a document names the amount
      "According to the loan agreement published by the bank, the $350 million loan will be repaid over 25 years.",
    },
  },
}

-- Nouns after "multi-million pound", "billion-dollar" that name a class of
-- things (an industry, a market, a kind of house), not one sum of money.
local CLASS_NOUNS = {}
for w in ([[industry industries business businesses market markets sector
  sectors economy empire empires franchise franchises brand brands question
  questions properties property homes houses mansions club clubs players
  stars sellers hits enterprise enterprises operation operations trade]])
  :gmatch("%a+") do
  CLASS_NOUNS[w] = true
end
local next_words = spindle.re([[^[\s-]*(?<w1>[\p{L}]+)(?:\s+(?<w2>[\p{L}]+))?]])

-- Whether a vague amount names a class ("a multi-million pound industry")
-- rather than a sum: the adjective forms followed by a class noun.
local function names_a_class(doc, claim)
  if not claim.text:find("%-") and not claim.text:lower():find("^multi") then return false end
  local m = next_words:match(doc.body:sub(claim.stop + 1, claim.stop + 40))
  return m ~= nil and (CLASS_NOUNS[m.w1:lower()] or (m.w2 and CLASS_NOUNS[m.w2:lower()])) == true
end

-- Whether an exact money figure stands in the claim's sentence or the one
-- after it in the same paragraph: the vague words sum up a figure given.
local function figure_nearby(claim)
  local s = claim.sentence
  for _, x in ipairs({ s, s:next() or false, s:prev() or false }) do
    if x and x.paragraph == s.paragraph then
      for _, c in ipairs(claims.in_sentence(x)) do
        if not c.vague then return true end
      end
    end
  end
  return false
end

rule {
  id       = "vague-magnitude",
  title    = "Vague sum of money with no figure",
  severity = "low",
  weight   = 0.3,
  tags     = { "claims", "money", "vagueness" },
  needs    = { "multi", "billion", "million", "trillion", "crore", "sums",
               "amounts of", "amount of" },
  description = [[
A sum of money given only as a magnitude -- "a multibillion-dollar deal",
"billions of dollars", "hundreds of millions of euros", "huge sums" -- with
no figure for it in the sentence or the sentences beside it. A vague
magnitude sounds precise and cannot be checked: "billions" may be two or
ninety. It is the reporter's words that matter: a magnitude inside a
quotation is the speaker's, and is not flagged. Attributed magnitudes
("officials said it would cost billions") score lower than those in the
reporter's own voice. Adjectives that name a class of things rather than a
sum ("a multi-million pound industry", "million-pound homes") are not
flagged.]],

  check = function(doc, report)
    for claim in claims.money(doc) do
      local s = claim.sentence
      if claim.vague and s and not claim.quoted and not names_a_class(doc, claim)
         and not figure_nearby(claim) then
        local best, attribution = sources.best(claim)
        report {
          at = claim,
          message = attribution
            and ("vague sum '%s' with no figure (%s)"):format(claim.text, best)
            or ("vague sum '%s' with no figure, in the reporter's voice"):format(claim.text),
          score = attribution and 0.6 or 1.0,
          evidence = { amount = claim.text, least = claim.low, currency = claim.currency,
                       context = claim.context, source = best },
        }
      end
    end
  end,

  examples = {
    flag = {
      "Valdoria is set to sign a multibillion-dollar agreement with Merovia to build a shipyard.",
      "The government has spent billions of dollars on the programme since 2019.",
      "Spider-Man creator Stan Lee is to get a multi-million dollar windfall after winning a court battle.",
      "Mobile operators were paying huge sums for 3G licences.",
      "Enron went bankrupt after it emerged it had hidden hundreds of millions of dollars in debt.",
      -- attributed, still vague (scored lower)
      "The minister said the dam would cost billions of pounds.",
    },
    pass = {
      -- inside a quotation: the speaker's words
      "\"It cost US industries a lot of money, billions of dollars,\" he said.",
      -- a class of things, not a sum
      "Marketing films to the academy has become a multi-million dollar industry.",
      "There was a decline in the number of million-pound properties sold in the capital.",
      -- the figure is given in the same sentence
      "The multi-million pound deal, worth £20m, was signed on Monday.",
      -- the figure follows in the next sentence
      "The club agreed a multi-million pound sponsorship deal. It is worth £12m over four years.",
      -- an exact amount is not vague
      "The company paid $2.6 billion for the stake.",
      -- "millions" of people, not money
      "Millions of people watched the final.",
    },
  },
}
