-- rules/hedging.lua — claims the reporter makes while disowning them.

local hedges = require "spindle.hedges"
local claims = require "spindle.claims"

local has_figure = spindle.re([[\d]])

-- The hedges that pass a claim on: what others report, allege, believe or
-- say. Adverbs ("apparently") and weasel words ("critics say") are left to
-- rules of their own: in features and reviews they are style, not sourcing.
local CLAIM_KINDS = {
  reported = true, alleged = true, belief = true, said = true, claimed = true,
  speculation = true,
}

-- A hedge carries the story when it stands in the lead (the first
-- paragraph, which the rest of the article builds on) or when its claim is
-- about a person the sentence names before it ("Newcastle boss Graeme Souness is said
-- to ...", "Mr Yoran left, reportedly giving one day's notice"). Hedges in
-- a relative clause ("Mourinho, who reportedly wants ...") and background
-- hedges about things ("the virus is thought to have spread", "feta is
-- believed to have been made for 6,000 years") are asides.
local named_person = spindle.re([[(?:\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\s+\p{Lu}|\b\p{Lu}\p{Ll}+(?:'s|’s)\s+\p{Ll}|\b(?!(?:The|A|An|In|On|At|It|This|That|But|And|For|As|If|When|While|After|Before|Despite|However)\b)\p{Lu}\p{Ll}+\s+(?:\p{Lu}'|Mc|Mac)?\p{Lu}\p{Ll}+)]])
local relative_before = spindle.re([[\b(?:who|which|whose|where|that)\s+(?:\w+\s+)?$]], "i")

local vague_count = spindle.re([[\b(?:hundreds|thousands|millions|billions|dozens|scores)\s+of\b]], "i")
local superlative = spindle.re([[\b(?:largest|biggest|highest|lowest|worst|richest|deadliest)\b]], "i")

-- Whether hedge h of sentence s carries the story: true, or false and why
-- it is an aside.
local function central(s, h)
  if s.paragraph == 1 then return true end
  if h.kind == "speculation" then return false, "speculation framing below the lead" end
  local doc = s.doc
  if relative_before:test(doc.body:sub(math.max(s.start, h.start - 30) + 1, h.start)) then
    return false, "in a relative clause ('who reportedly ...'): an aside"
  end
  if named_person:test(doc.body:sub(s.start + 1, h.start))
      or #claims.in_sentence(s) > 0 or superlative:test(s) or vague_count:test(s) then
    return true
  end
  return false, "background below the lead: no person named before the hedge, and no sum of money, "
             .. "magnitude ('hundreds of') or superlative in the sentence"
end

-- Why a hedge passes no claim on in the reporter's voice (hedges.find's
-- fields, in the order `governs` is made of), or what kind it is instead.
local function passed_over(g)
  if g.quoted then return "inside a quotation" end
  if g.attributed then return "a source who takes responsibility covers the sentence" end
  if g.kind == "adjective" then return "an adjective before a noun ('the alleged attacker'): caution" end
  if g.legal then return "legal caution: the sentence is about charges, an arrest or a trial" end
  if g.question then return "the sentence is a question: it asserts nothing" end
  return ("a hedge of kind %s, left to rules of its own"):format(g.kind)
end

rule {
  id       = "hedged-claim",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Factual claim hedged in the reporter's own voice",
  severity = "low",
  weight   = 0.3,
  tags     = { "hedging", "sourcing" },
  needs    = hedges.needs(CLAIM_KINDS),  -- the lexicon's hedges of these kinds
  description = [[
A factual claim carried by a hedge -- "reportedly", "allegedly", "it is
believed", "is said to", "according to reports" -- in the reporter's own
voice: not inside a quotation and not attributed to a named or official
source, a document, an expert or a news agency. The hedge lets a claim into
the story without anyone standing behind it. A claim with a figure in it
scores higher. The adjective in "the alleged attacker" is legal caution, not
a claim, and is not flagged; neither is "allegedly" when the sentence says
who alleges it ("prosecutors said"), when the sentence is about charges, an
arrest or a trial (the allegation is the charge's: legal caution), or when
it cites the book or report that makes the claim. Questions assert nothing.
Only hedges that carry the story are flagged: those in the lead (the first
paragraph), those whose claim is about a person the sentence names before
the hedge ("Newcastle boss Graeme Souness
is said to be ready to bid", "Caldera's founder allegedly sought a buyer"),
and those whose claim holds a figure, a magnitude or a superlative ("is
reportedly the largest foreign investment", "putting hundreds of jobs at
risk"). A hedge in a relative clause ("Mourinho, who reportedly wants ...")
or on background detail further down ("the virus is thought to have spread
most widely in ...") is an aside, and speculation framing ("amid
speculation") is flagged only in the lead. Hedges inside a noun phrase
count ("two men believed to be members of the gang", "a deal said to be
worth $2bn").
Ships off by default (judged on the BBC corpus, most hedges a careful newsroom leaves are background an analyst would not act on (useful share 0.30 of 20); docs/quality.md): turn it on with
`--enable hedged-claim`.]],

  check = function(doc, report)
    for _, s in ipairs(doc:sentences()) do
      -- the first hedge that passes a claim on in the reporter's voice (as
      -- hedges.governing gives them), and the first one that does not
      local h, other
      for _, g in ipairs(hedges.find(s)) do
        if g.governs and CLAIM_KINDS[g.kind] then h = g break end
        other = other or g
      end
      local carries, aside
      if h then carries, aside = central(s, h) end
      if carries then
        local concrete = #claims.in_sentence(s) > 0 or has_figure:test(s)
        local words = h.text:gsub("%s+", " ")
        report {
          at = s,
          message = ("claim hedged with '%s' in the reporter's voice"):format(words),
          score = concrete and 1.0 or 0.8,
          evidence = { hedge = words, kind = h.kind },
        }
      elseif h then
        report.trace(aside, h)
      elseif other then
        report.trace(passed_over(other), other)
      end
    end
  end,

  examples = {
    flag = {
      "The minister reportedly received $2 million from the contractor.",
      "The company allegedly hid losses from its auditors for three years.",
      "It is believed that the two sides met secretly in Geneva.",
      "The general is said to have ordered the withdrawal himself.",
      "The deal was signed last week, according to reports.",
      "The shipyard is reportedly the largest foreign investment in the country's history.",
      -- hedges inside noun phrases, in the lead
      "Police have arrested two men believed to be members of the gang.",
      "Acme has signed a deal said to be worth $2bn with the state railway.",
      -- further down, about someone the sentence names (BBC)
      "The club made no comment.\n\nNewcastle boss Graeme Souness is said to have been impressed enough to make a bid.",
    },
    pass = {
      -- the hedge is inside a named speaker's quotation
      "\"He reportedly took the money,\" Ambassador Ilan Teodorov said.",
      -- the allegation is attributed to an official source
      "Prosecutors said the man allegedly stole $40,000 from the charity.",
      -- legal caution before a noun, not a hedged claim
      "The alleged attacker appeared in court on Monday.",
      -- "reported" as an ordinary verb with a named subject
      "The ministry reported a surplus of 2 billion dinars in a statement.",
      -- a weasel phrase and a narrative adverb: other rules' business
      "Critics say the plan is too expensive.",
      "She apparently goes to him for help, but he falls in love with her.",
      -- an institution speaking on record carries the hedge
      "The union said its members were apparently unaffected by the closures.",
      -- a named speaker attributes the belief
      "Police Chief Anna Berg said the suspect is believed to have fled abroad.",
      -- legal caution: the allegation is the charge's (BBC, 2004)
      "Kenteris and Thanou also face criminal charges in Greece for allegedly faking the accident.",
      -- a cited book carries the claim
      "In Mr Peston's book Mr Brown is alleged to have told the prime minister he could not trust him.",
      -- a question asserts nothing
      "Is the minister reportedly planning to resign?",
      -- an aside further down: a relative clause, background detail (BBC)
      "Chelsea lost on Saturday.\n\nThe injury means Mourinho, who reportedly wants to sign Ashley Cole, will rethink.",
      "The worm was found on Monday.\n\nThe virus is thought to have spread most widely in South America.",
      -- speculation framing below the lead (BBC)
      "He spoke on Monday.\n\nMr Balls refused to say whether Mr Brown would stay, amid speculation about a reshuffle.",
    },
  },
}
