-- rules/sourcing_figures.lua — large figures that nobody is said to stand behind.

local claims  = require "spindle.claims"
local sources = require "spindle.sources"
local lexicon = require "spindle.lexicon"
local language = require "spindle.language"

-- What makes a figure large enough to need a source.
local MIN_MONEY  = 1e6     -- an amount of money
local MIN_PEOPLE = 100     -- a count of people
local MIN_CASUALTIES = 10  -- the dead and injured

-- The money contexts this rule asks a source for, with the confidence of a
-- finding: money that changes hands between states and institutions. Deal
-- sizes are contract-size-unsourced's; economic figures (profits, revenue,
-- budgets, box office) in the reporter's voice are usually published data.
local MONEY_CONTEXTS = { aid = 0.9, loan = 0.9, penalty = 0.8, casualties = 1.0 }

-- People counted in the figures that are disputed and inflated: a count of
-- these needs a source ("5,000 protesters", "1.5 million people").
local counted_people = lexicon.new("counted_people", {
  "protesters", "demonstrators", "refugees", "migrants", "displaced",
  "evacuees", "troops", "soldiers", "fighters", "militants", "rebels",
  "civilians", "victims", "detainees", "prisoners", "hostages", "casualties",
  "dead", "deaths", "killed", "injured", "wounded", "missing", "homeless",
  "arrests", "arrested", "people",
})

-- "people" alone is counted for everything (audiences, staff, capacity): it
-- needs a sentence about displacement, protest, arrest or disaster.
local people_event = spindle.re([[\b(?:displaced|evacuated|fled|fleeing|homeless|protest\w*|rall(?:y|ied|ies)|march(?:ed|es)?|demonstrat\w*|arrested|detained|missing|stranded|trapped|rescued|affected|starv\w*|famine|flood\w*|earthquake|tsunami|disaster)\b]], "i")

-- The prefilter: a flagged figure is an amount with a currency (or crore,
-- lakh), or a count of casualties or of the people above. Built from the
-- lexicons when the file loads, so an addition made before this file is
-- loaded is covered.
local function needs_words()
  return lexicon.needs({ "crore", "lakh" },
                       claims.lexicon.currency_prefixes, claims.lexicon.currency_words,
                       claims.lexicon.casualty_words, counted_people)
end

-- Whether a claim is a large figure this rule is about: the confidence, or
-- nil and why it is not (for report.trace).
local function large(claim)
  if claim.vague then return nil, "a vague magnitude (vague-magnitude's business)" end
  if claim.converted then return nil, "a currency conversion of another figure" end
  if claim.quoted then return nil, "inside a quotation: the speaker's figure" end
  local v = claim.high or claim.value or claim.low
  if not v then return nil, "the figure has no value" end
  if claim.kind == "money" then
    if v < MIN_MONEY then return nil, ("an amount under %.0f"):format(MIN_MONEY) end
    if claim:is_deal() then return nil, "a deal size (contract-size-unsourced's business)" end
    local score = MONEY_CONTEXTS[claim.context]
    if not score then
      return nil, ("money in context %q, not aid, a loan, a penalty or casualties"):format(claim.context)
    end
    return score
  elseif claim.kind == "count" then
    if claim.context == "casualties" then
      if v < MIN_CASUALTIES then return nil, ("a toll under %d"):format(MIN_CASUALTIES) end
      return 1.0
    end
    if claim.counted ~= "people" then return nil, "a count of things, not of people" end
    if v < MIN_PEOPLE then return nil, ("a count of people under %d"):format(MIN_PEOPLE) end
    if not claim.noun then return nil, "a count of people with no noun" end
    if not counted_people:has(claim.noun) then
      return nil, ("%q are not among the people whose counts are disputed"):format(claim.noun)
    end
    if claim.context == "economic" or claim.context == "deal" then
      return nil, ("a count in context %q: an economic or deal figure"):format(claim.context)
    end
    if claim.noun == "people" and not people_event:test(claim.sentence) then
      return nil, "\"people\" in a sentence about no displacement, protest, arrest or disaster"
    end
    return 0.6
  end
  return nil, ("a %s figure"):format(claim.kind)
end

-- A sentence whose figures are sourced elsewhere in its paragraph, or that
-- opens with the body or person the figure belongs to (claims.owner_lead:
-- "Shell's profits rose to $4bn"), is not an unsourced claim. A figure
-- inside an accusation is the accusers' claim, and the sentence says so
-- ("accused of taking bribes worth 3.2 million dinars").
local allegation = spindle.re([[\b(?:accused\s+of|charged\s+with|alleged(?:ly)?|suspected\s+of|on\s+charges\s+of|indicted)\b]], "i")

rule {
  id       = "figure-unsourced",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Large figure with no attribution",
  severity = "medium",
  weight   = 0.4,
  tags     = { "claims", "sourcing" },
  needs    = needs_words(),
  description = [[
A large figure of the kind that is disputed, inflated or invented -- a
casualty toll of ten or more, a count of at least 100 protesters, refugees,
troops, victims or people, an amount of at least a million in aid, loans,
fines or damages -- that no attribution covers: nobody in its sentence or
its paragraph is said to have given it, and it is not inside a quotation (a
quotation has its speaker). Such figures are what readers remember and
repeat, and an unattributed one cannot be checked. Deal sizes are left to
contract-size-unsourced and vague magnitudes ("billions of dollars") to
vague-magnitude; company results, budgets, box-office takings and other
economic figures in the reporter's voice are usually published data and are
not flagged, nor is a figure that belongs to the body the sentence opens
with ("Shell's fine of $4bn") or one inside an accusation the sentence
reports as such ("accused of taking bribes worth ..."), nor a sum that the
person or body the sentence opens with gives, owes, pays, borrows or is
awarded ("Turkey has agreed to borrow $10bn", "Sandra Bullock has donated
$1m", "The courts awarded Varig 2bn reais"): the actor's own act is a
matter of record. Casualty tolls score highest.
Ships off by default (judged on the BBC corpus, large figures in the reporter's voice there are mostly public record (useful share 0 of 20); docs/quality.md): turn it on with
`--enable figure-unsourced`.]],

  check = function(doc, report)
    local done = {}

    -- Why a claim in sentence s is passed over, the tests in order; nil
    -- and its score when it is reported.
    local function passed_over(claim, s)
      if done[s.index] then return "its sentence is reported already, for another figure" end
      local score, why = large(claim)
      if not score then return why end
      if sources.attributed(claim, { scope = "paragraph" }) then
        return ("attributed in its paragraph (%s)"):format(sources.best(claim, { scope = "paragraph" }))
      end
      local owner = claims.owner_lead(s)
      if owner == "possessive" then return "the figure belongs to the body the sentence opens with" end
      if owner == "actor" and claim.kind == "money" then
        return "the sum is the act of the person or body the sentence opens with: a matter of record"
      end
      if allegation:test(s) then return "part of an accusation the sentence reports as one" end
      local voice = language.voice(s)
      if voice ~= "reporter" then                      -- a reader's or columnist's figure
        return ("not in the reporter's voice (%s)"):format(voice)
      end
      return nil, score
    end

    local function consider(claim)
      local s = claim.sentence
      if not s then
        report.trace(("%s lies in no sentence of the body"):format(claim.text))
        return
      end
      local why, score = passed_over(claim, s)
      if why then
        report.trace(why, claim)
        return
      end
      done[s.index] = true
      local kind = claim.context
      report {
        at = claim,
        message = ("%s with no attribution in its paragraph"):format(
          claim.kind == "money" and "amount" or kind == "casualties" and "casualty figure"
          or "count"),
        score = score,
        evidence = { figure = claim.text, kind = claim.kind, context = kind,
                     value = claim.high or claim.value or claim.low },
      }
    end
    for _, claim in ipairs(claims.money_list(doc)) do consider(claim) end
    for _, claim in ipairs(claims.count_list(doc)) do consider(claim) end
  end,

  examples = {
    flag = {
      "At least 40 people were killed when the bridge collapsed on Tuesday.",
      "The country received $300 million in humanitarian aid last year.",
      "About 5,000 protesters gathered outside parliament on Sunday.",
      "The bank was fined £25m for mis-selling mortgages.",
      "More than 1.5 million people have been displaced by the fighting.",
      -- a source in the next paragraph does not reach back
      "A $2bn loan from the fund was agreed in March.\n\nThe finance minister said the loan would be repaid by 2030.",
    },
    pass = {
      -- a named source in the same sentence
      "At least 40 people were killed, the interior ministry said.",
      -- the source is in the same paragraph
      "About 5,000 protesters gathered on Sunday. Police confirmed the figure in a statement.",
      -- the figure is inside a quotation: its speaker stands behind it
      "\"We lost £2bn in fines last year,\" chief executive Jane Doe told shareholders.",
      -- a small toll
      "Three people were injured and two cars were damaged.",
      -- a deal size is contract-size-unsourced's business
      "Acme signed a $2bn contract to build the plant.",
      -- a vague magnitude is vague-magnitude's business
      "The scheme has cost billions of pounds in aid.",
      -- company results in the reporter's voice: published data (BBC)
      "Google's revenues rose to $3.2bn in the three months to December.",
      -- box-office takings and audiences: industry data, not a claim (BBC)
      "The movie took $28.5m (£15.2m) in its first weekend.",
      "More than 1.8 million people watched the first episode of the series.",
      -- a bracketed abbreviation does not hide the speaker (BBC)
      "Nearly two million people across Asia could be made homeless by the tsunami, the Asian Development Bank (ADB) has said.",
      -- the fine belongs to the company the sentence opens with
      "Qwest's $250m settlement with regulators was approved in October.",
      -- the figure is part of an accusation, which the sentence reports as one
      "A former port official went on trial on Monday accused of taking bribes worth 3.2 million dinars.",
      -- a report covers it
      "According to a UN report, 1.5 million people have been displaced.",
      -- the sum is the act of the person or body the sentence opens with (BBC)
      "Sandra Bullock has donated $1m to the Red Cross tsunami relief fund.",
      "Turkey has agreed with the IMF to borrow $10bn over three years.",
      "The courts awarded Varig 2bn reais in compensation from the government.",
    },
  },
}
