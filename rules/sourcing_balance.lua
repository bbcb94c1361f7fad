-- rules/sourcing_balance.lua — articles whose factual claims mostly carry no source.

local claims  = require "spindle.claims"
local lexicon = require "spindle.lexicon"
local sources = require "spindle.sources"
local language = require "spindle.language"

-- An article needs this many factual claims before its balance means
-- anything, and this share of them unattributed to be flagged.
local MIN_CLAIMS = 5
local MIN_SHARE  = 0.8

-- The prefilter: a factual claim is a percentage, an amount with a currency
-- or a count of something the claims lexicons know.
local function needs_words()
  return lexicon.needs({ "%", "per cent", "percent", "crore", "lakh" },
                       claims.lexicon.currency_prefixes, claims.lexicon.currency_words,
                       claims.lexicon.casualty_words, claims.lexicon.count_nouns)
end

rule {
  id       = "sourcing-balance",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Most factual claims carry no attribution",
  severity = "low",
  weight   = 0.35,
  tags     = { "sourcing", "article" },
  needs    = needs_words(),
  description = [[
Article level. Counts the factual claims the article makes in its own
voice -- sentences outside quotations that state a figure: an amount of
money, a percentage, a count of people or things -- and how many of them no
attribution covers (none in the sentence or anywhere in its paragraph). An
article with at least five such claims, four in five of them unattributed,
is flagged once, at its first unattributed claim, with the counts as
evidence. One unsourced figure may be common knowledge; an article whose
figures mostly come from nowhere asks the reader to take all of them on
trust. Figures inside quotations are the speaker's and are not counted, nor
are currency conversions in brackets; a sentence that opens with the body
whose figure it gives ("Lenovo's profit was ...", "Its sales rose ...")
states that body's own published figure and counts as attributed.
Ships off by default (judged on the BBC corpus, unattributed figures there are mostly published data (useful share 0 of 16); docs/quality.md): turn it on with
`--enable sourcing-balance`.]],

  check = function(doc, report)
    -- the claims first (no attribution work at all for an article with too
    -- few), then their sources, stopping as soon as the share is out of reach
    -- (claims.all is in text order, so the sentences come in order)
    local factual, last = {}, nil
    for _, c in ipairs(claims.all(doc)) do
      local s = c.sentence
      if not s then
        report.trace(("%s lies in no sentence of the body"):format(c.text))
      elseif s == last then
        report.trace("its sentence is counted already, for an earlier figure", c)
      elseif s.quoted then
        report.trace("the sentence lies inside a quotation: the speaker's figure", c)
      elseif c.quoted then
        report.trace("inside a quotation: the speaker's figure", c)
      elseif c.converted then
        report.trace("a currency conversion of another figure", c)
      else
        local voice = language.voice(s)
        if voice ~= "reporter" then
          report.trace(("not in the reporter's voice (%s)"):format(voice), c)
        else
          factual[#factual + 1] = s
          last = s
        end
      end
    end
    local total = #factual
    if total < MIN_CLAIMS then
      report.trace(("factual claims in the reporter's voice: %d, fewer than the %d needed to judge")
                   :format(total, MIN_CLAIMS))
      return
    end
    local allowed = total - math.ceil(MIN_SHARE * total)   -- attributed claims it may have
    local attributed, first = 0, nil
    for _, s in ipairs(factual) do
      local why   -- why the claim counts as attributed
      local owner = claims.owner_lead(s)
      if owner then
        why = ("opens with the body whose figure it gives (%s)"):format(owner)
      elseif sources.attributed(s, { scope = "paragraph" }) then
        why = ("attributed in its paragraph (%s)"):format(sources.best(s, { scope = "paragraph" }))
      end
      if why then
        report.trace(why, s)
        attributed = attributed + 1
        if attributed > allowed then
          report.trace(("%d of the %d factual claims are attributed (at most %d may be): fewer than %.0f%% carry none")
                       :format(attributed, total, allowed, MIN_SHARE * 100))
          return
        end
      else
        first = first or s
      end
    end
    local bare = total - attributed
    report {
      at = first,
      message = ("%d of the article's %d factual claims carry no attribution"):format(bare, total),
      score = bare / total,
      evidence = { claims = total, unattributed = bare },
    }
  end,

  examples = {
    flag = {
      "Sales at Acme rose 12% to $2bn last year.\n\nThe firm employs 4,000 people in six countries.\n\nShares in Acme have fallen 30% since March.\n\nAbout 500 jobs will go at the Leeds plant.\n\nThe plant cost £40m to build in 1998.",
      "The flood destroyed 2,000 homes.\n\nAt least 40 people died.\n\nDamage is estimated at $300m.\n\nAbout 12,000 people fled to the hills.\n\nAid worth $5m arrived on Friday.",
      "Inflation rose to 9% in May.\n\nUnemployment reached 11%.\n\nThe deficit is 6% of GDP.\n\nWages fell 3% in real terms.\n\nThe currency lost 20% against the dollar. Analysts said the outlook was poor.",
      "Turnout was 61%.\n\nThe party won 45% of the vote and 320 seats.\n\nIts rival took 28%.\n\nAbout 2,000 people watched the count.\n\nThe campaign cost £30m.",
    },
    pass = {
      -- every figure attributed
      "Acme's sales rose 12% to $2bn, the company said.\n\nThe firm employs 4,000 people, according to its annual report.\n\nIts shares have fallen 30% since March, figures show.\n\nAbout 500 jobs will go, the union said.\n\nThe plant cost £40m, the council said.",
      -- too few claims to judge
      "Inflation rose to 9% in May.\n\nUnemployment reached 11%.",
      -- the figures are inside quotations: the speaker's claims
      "\"Sales rose 12% to $2bn,\" the chief executive said. \"We employ 4,000 people. Our shares fell 30%. We will cut 500 jobs. The plant cost £40m.\"",
      -- one source per paragraph covers the figures in it
      "Sales rose 12% to $2bn. The firm employs 4,000 people. Chief executive Jane Doe announced the results on Monday.\n\nIts shares have fallen 30%. About 500 jobs will go. The plant cost £40m, the union said.",
      -- a company's own results, sentence by sentence (BBC)
      "Lenovo's profit for the three months to December was HK$327m.\n\nIts sales rose 12% to $2bn.\n\nIts shares have fallen 30% since March.\n\nLenovo's staff grew to 4,000 people.\n\nIts plant cost £40m.",
      -- half the claims attributed: not most
      "Inflation rose to 9% in May, the statistics office said.\n\nUnemployment reached 11%, official figures show.\n\nThe deficit is 6% of GDP.\n\nWages fell 3% in real terms.\n\nThe currency lost 20%, the central bank said.",
    },
  },
}
