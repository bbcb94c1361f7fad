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
