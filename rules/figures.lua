-- rules/figures.lua — claims about figures: how big a deal is, and who says so.

local claims   = require "spindle.claims"
local sources  = require "spindle.sources"
local language = require "spindle.language"
local hedges   = require "spindle.hedges"

-- Amounts below this are prices and fees, not contract sizes.
local MIN_AMOUNT = 1e6

-- Sources that leave a deal size weak, with the confidence of a finding:
-- the pattern this rule is for is a figure that rests on other media or on
-- people nobody names.
local WEAK = {
  ["media"]            = 1.0,  -- "media reports said", "the paper said"
  ["anonymous"]        = 1.0,  -- "sources said", "people familiar with the talks"
  ["official-unnamed"] = 0.6,  -- "officials said": official but unaccountable
}

-- Sources that put someone accountable on the record for the figure: a
-- named person or company, an institution, a document, a named expert.
local ON_RECORD = { ["official-named"] = true, ["document"] = true, ["named"] = true }
-- What explain calls each of them.
local ON_RECORD_NAME = { ["official-named"] = "a named official source", ["document"] = "a document",
                         ["named"] = "a named source", ["expert"] = "a named expert" }

-- A deal not yet done, told in the reporter's voice: its size cannot be a
-- published fact, so it needs a source. A completed or announced deal's
-- price is public record and is not flagged when nobody is cited.
local prospective = spindle.re([[\b(?:set\s+to|poised\s+to|close\s+to|closing\s+in|near(?:s|ing)?\s+(?:an?\s+|the\s+)?(?:\S+\s+)?(?:deal|agreement)|in\s+talks|talks\s+(?:on|over|about)|(?:could|may|might|would)\s+(?:lead\s+to|launch|make|table|submit|trigger|prompt|tempt)|(?:plans?|planning|preparing|considering|mulling|weighing|eyeing)\b|potential|possible|proposed|rumou?r\w*|speculat\w*|understood\s+to|believed\s+to|thought\s+to|tipped\s+to|in\s+line\s+to|on\s+the\s+verge)\b]], "i")

-- A vague amount that names a class of deals, not one deal's size: "the
-- fifth billion-dollar telecoms deal since October", "another multi-million
-- pound deal".
local class_of_deals = spindle.re([[\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|another|several|many|numerous|string\s+of|series\s+of)\s+$]], "i")

-- The words just before a claim, in its clause: not past a semicolon,
-- colon, dash or ", but".
local function words_before(claim, bytes)
  local s = claim.sentence
  local text = s.doc.body:sub(math.max(s.start, claim.start - bytes) + 1, claim.start)
  local cut = 0
  for _, mark in ipairs({ ";", ":", " - ", "\u{2014}", ", but " }) do
    local init = 1
    while true do
      local a, b = text:find(mark, init, true)
      if not a then break end
      cut, init = math.max(cut, b), b + 1
    end
  end
  return text:sub(cut + 1)
end

-- The strongest attribution of one kind among `list`, by sources.strength.
local function strongest(list, pick)
  local best
  for _, a in ipairs(list) do
    if pick(a) and (not best or sources.strength_of(a) > sources.strength_of(best)) then
      best = a
    end
  end
  return best
end

local function on_record(a)
  return ON_RECORD[a.type] or (a.type == "expert" and a.named)
end

local function weak(a) return WEAK[a.type] ~= nil end

-- Who stands behind the deal size of `claim`: "record" when someone
-- accountable is on the record in its sentence or paragraph, else the
-- weakest-kind attribution that covers it (sentence first, then paragraph),
-- else nil (the reporter's own voice). "record" and "speaker" come with
-- the attribution they stand for.
local function backing(claim)
  local here = sources.around(claim)
  local para = sources.around(claim, { scope = "paragraph" })
  local record = strongest(here, on_record) or strongest(para, on_record)
  if record then return "record", record end
  local own = strongest(here, weak)
  if own then return own end
  -- "Liverpool were reported to have bid £3.5m", "will reportedly reject
  -- any £800m offer": the sentence's own hedge passes on unnamed reports
  for _, h in ipairs(hedges.governing(claim.sentence)) do
    if h.kind == "reported" then
      return { type = "media", source = h.text, start = h.start, stop = h.stop }
    end
  end
  -- someone speaks in the sentence ("It said ..."): the paragraph's other
  -- sources are about other things
  if #here > 0 then return "speaker", here[1] end
  return strongest(para, weak)
end

-- Why a money claim is passed over before its sources are weighed, or nil
-- when it is a candidate: in a sentence not yet flagged (`done`), outside
-- quotations, at least MIN_AMOUNT, a deal's size by the shape of its
-- clause, and in the reporter's voice. Tested in this order.
local function deal_passed_over(claim, done)
  local s = claim.sentence
  if not s then return "not in a sentence of the body" end
  if done[s.index] then return "its sentence is already flagged: one finding per sentence" end
  if claim.quoted then return "inside a quotation: the speaker's figure" end
  if s.quoted then return "its sentence lies inside a quotation: the speaker's figure" end
  local amount = claim.high or claim.low
  if not amount then return "no amount: a sum with no magnitude ('huge sums')" end
  if amount < MIN_AMOUNT then
    return ("under %d: a price or fee, not a contract size"):format(MIN_AMOUNT)
  end
  if not claim:deal_size() then
    return "not the size of a deal: no deal noun, value, price or investment verb next to it"
  end
  local voice = language.voice(s)      -- not a reader's or a columnist's figure
  if voice ~= "reporter" then return ("not in the reporter's voice (voice: %s)"):format(voice) end
  return nil
end


rule {
  id       = "contract-size-unsourced",
  title    = "Contract size claimed without an official source",
  severity = "high",
  weight   = 0.7,
  tags     = { "claims", "sourcing", "money" },
  needs    = { "$", "€", "£", "¥", "₹", "₽", "million", "billion", "trillion",
               "crore", "lakh", "bn", "dollar", "euro", "pound", "rupee",
               "rouble", "ruble", "yuan", "usd", "inr", "pkr", "gbp", "figure" },
  description = [[
The size of a deal, contract, takeover or investment -- an exact amount
("$2.6bn", "Rs 3,000 crore") or a vague one ("a multibillion-dollar deal",
"a nine-figure deal") -- that nobody accountable stands behind. The amount
must be the deal's size by the shape of the clause: followed by a deal noun
("a $2bn contract"), its value or price ("a deal worth $2bn", "valued at",
"a bid of"), paid for something ("will pay $9.5bn for the unit") or
invested ("will invest 100m euros in"); other sums near a deal word (a
"£35bn difference in investment", a budget overrun, debts, profits) do not
count. Flagged when the figure rests only on other media, unnamed sources,
or unnamed officials, in its sentence (a hedge such as "reportedly" or "was
reported to" counts as unnamed reports) or, when no one speaks in the
sentence, in its paragraph; or when it is told in the reporter's own voice
about a deal not yet made ("is set to sign a $2bn agreement", "is closing
in on a £2m deal", "could lead to a bid valuing the club at £800m"), whose
size cannot be a published fact. A deal already agreed whose completion or
final value is pending ("a deal that could be worth $6bn", "expected to be
complete in three weeks") is not unfinished. A named person or company,
an institution or a document on the record anywhere in the paragraph
clears it ("Heineken said it plans to invest 100m euros"); so does a
completed or announced deal told in the reporter's voice (its price is
public record). Amounts inside a quotation are the speaker's, and amounts
in first-person comment ("I would take £50m") are not the reporting's.
Media and anonymous sourcing score highest, unnamed officials lowest; a
news agency's report is a checkable source and is not flagged.]],

  check = function(doc, report)
    local done = {}                        -- one finding per sentence
    for claim in claims.money(doc) do
      local s = claim.sentence
      local why = deal_passed_over(claim, done)
      if why then
        report.trace(why, claim)
      else
        local by, who = backing(claim)
        local score, message
        if by == "record" then
          local kind = ON_RECORD_NAME[who.type]
          report.trace(("backed by %s on the record (%s %s)"):format(kind, who.source, who.verb), claim)
        elseif by == "speaker" then
          local speaker = ("%s %s, %s"):format(who.source, who.verb, who.type)
          report.trace(("someone neither on the record nor weak speaks in its sentence (%s); the "
                        .. "paragraph's sources are about other things"):format(speaker), claim)
        elseif by then
          score = WEAK[by.type]
          message = ("deal size resting on %s"):format(
            by.type == "media" and "media reports" or by.type == "anonymous" and "unnamed sources"
            or by.type == "official-unnamed" and "unnamed officials" or "unnamed sources")
        elseif not prospective:test(words_before(claim, 70) .. s.doc.body:sub(claim.stop + 1,
                                        math.min(s.stop, claim.stop + 40))) then
          report.trace("no source, but nothing says the deal is not yet done ('set to', 'in talks', "
                       .. "'plans'): a done or announced deal's price is public record", claim)
        elseif claim.vague and class_of_deals:test(words_before(claim, 30)) then
          report.trace("a vague amount naming a class of deals ('the fifth billion-dollar deal'), "
                       .. "not one deal's size", claim)
        else
          score = 0.8
          message = "size of a deal not yet done, in the reporter's voice with no source"
        end
        if score then
          done[s.index] = true
          report {
            at = claim,
            message = (claim.vague and "vague " or "") .. message,
            score = score,
            evidence = {
              amount = claim.text,
              currency = claim.currency,
              value = not claim.vague and (claim.value or claim.low) or nil,
              least = claim.vague and claim.low or nil,
              source = by and by.source or nil,
              source_type = by and by.type or "none",
            },
          }
        end
      end
    end
  end,

  examples = {
    flag = {
      "Reports said Acme signed a $2.6 billion contract for the plant.",
      "The two governments are close to a multibillion-dollar deal to build the dam, media reports said.",
      "Sources said the investment would total Rs 3,000 crore.",
      "Officials said the $2-3 billion purchase of the airline would be completed in May.",
      { title = "Arms deal", body = "Local media reported a 2.5 billion roubles deal for helicopters.\n\nThe defence ministry declined to comment." },
      -- a deal not yet done, in the reporter's voice
      "Valdoria is set to sign a multibillion-dollar agreement with Merovia to build a shipyard.",
      "The two firms are in talks on an agreement worth about €40 million.",
      -- a hedge passes the figure on from unnamed reports (BBC)
      "Liverpool were reported to have bid £3.5m for the 28-year-old this week.",
      -- "will pay ... for": the price of a purchase, resting on a person briefed on the talks
      "Acme will pay $9.5bn for the unit, a person briefed on the talks said.",
      -- currency prefixes of Kenya, Nigeria and Saudi Arabia, and a nine-figure deal
      "The Kenyan government is expected to sign a Sh2bn contract for the road, local media said.",
      "Dangote could invest N50bn in the refinery, according to newspaper reports.",
      "Insiders say the club is close to a nine-figure deal with the broadcaster.",
      -- the paper named earlier carries the figure
      "The Financial Times reported that Acme was in talks with Bolt.\n\nThe paper said the takeover would value Bolt at $4bn.",
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
      -- a named company on the record (BBC)
      "Heineken said it now plans to invest 100m euros in the brewery.",
      -- sums near a deal word that are not a deal's size (BBC)
      "An examination of Tory plans showed there would be a £35bn difference in investment between the two parties.",
      "EADS admitted that the project was running 1.45bn euros over budget.",
      -- a completed deal in the reporter's voice: its price is public record (BBC)
      "On Monday, MCI agreed to a buyout by Verizon Communications in a deal valued at $6.75bn.",
      -- an agreed deal whose final value or completion is pending (BBC)
      "Boeing is to supply Japan Airlines with up to 50 planes in a deal that could be worth as much as $6bn.",
      "The sale of Commodore is expected to be complete in three weeks in a deal worth over £17m.",
      -- someone speaks in the sentence; the paragraph's reports are about another matter (BBC)
      "It said Deutsche Boerse had to show why its planned £1.35bn offer for the LSE was good for shareholders. Reports say Standard Life may seek a shareholder vote.",
      -- a reader's figure, in the first person (BBC)
      "If I were Liverpool I would take £50m for him and rebuild the team.",
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

-- Why a money claim is not a vague sum to report, or nil when it is one:
-- vague, in a sentence, outside quotations, not a class of things, with no
-- exact figure beside it, in the reporter's voice. Tested in this order.
local function vague_passed_over(doc, claim)
  if not claim.vague then return "an exact amount, not a vague magnitude" end
  local s = claim.sentence
  if not s then return "not in a sentence of the body" end
  if claim.quoted then return "inside a quotation: the speaker's words" end
  if names_a_class(doc, claim) then
    return "names a class of things ('a multi-million pound industry'), not a sum"
  end
  if figure_nearby(claim) then
    return "an exact money figure in its sentence or the one before or after it, in its paragraph"
  end
  local voice = language.voice(s)
  if voice ~= "reporter" then return ("not in the reporter's voice (voice: %s)"):format(voice) end
  return nil
end

rule {
  id       = "vague-magnitude",
  enabled  = false,   -- ships off: see the end of the description
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
("officials said it would cost billions", or a claim its paragraph gives to
someone) score lower than those in the reporter's own voice, and the
message names the source. Adjectives that name a class of things rather than a
sum ("a multi-million pound industry", "million-pound homes") are not
flagged.
Ships off by default (judged on the BBC corpus, vague sums there are mostly background and others' words (useful share 0.15 of 20); docs/quality.md): turn it on with
`--enable vague-magnitude`.]],

  check = function(doc, report)
    for claim in claims.money(doc) do
      local why = vague_passed_over(doc, claim)
      if why then
        report.trace(why, claim)
      else
        local best, attribution = sources.best(claim)
        if not attribution then
          -- "The government had claimed: ...; ... a multi-billion dollar
          -- fraud": the paragraph says whose words they are
          best, attribution = sources.best(claim, { scope = "paragraph" })
        end
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
