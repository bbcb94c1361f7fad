-- rules/claims_headline.lua — what the headline promises and the body
-- delivers.

local claims  = require "spindle.claims"
local sources = require "spindle.sources"

-- A title that names its source: "..., says minister", "Tories insist ...",
-- "... - report".
local title_source_after = spindle.re([[(?:,|\s[-–—])\s*(?:(?:says?|claims?|insists?|warns?|admits?|reveals?|suggests?|according\s+to)\s+(?<src1>[^,'"‘’“”]+?)|(?<src2>[^,'"‘’“”]+?)\s+(?:says?|claims?|insists?|warns?|reveals?|suggests?))\s*$]], "i")
local title_source_before = spindle.re([[^(?<src>(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}[\p{Lu}][\p{L}'’.-]*)\s+(?:says|claims|insists|warns|admits|denies|reveals|urges)\b]])

-- Words of a source phrase that say nothing about who it is.
local FILLER = {}
for w in ([[the a an and of for in on to new top senior former ex report
  reports study survey poll says said]]):gmatch("%a+") do FILLER[w] = true end

-- "tories" -> "tory", "ministers" -> "minister", then at most 5 letters, so
-- that "Japanese" finds "Japan" and "ministers" finds "ministry".
local function stem(w)
  w = w:lower():gsub("ies$", "y"):gsub("s$", "")
  return #w > 5 and w:sub(1, 5) or w
end

-- The figure's digits as written ("110,000", "4.5"), to find it in the body
-- in a form the claim parser does not read ("$300m" and "300 million").
local function digits(text)
  return text:match("%d[%d,%.]*%d") or text:match("%d")
end

-- Whether the body supports a title figure: the same figure (within 10%),
-- the difference or sum of two body figures of its kind (a headline's
-- "$300m revision" from "$732m" and "$434m"), or its digits in the body.
local function supported(doc, t, body_claims)
  for _, b in ipairs(body_claims) do
    if claims.same_figure(t, b) then return true end
  end
  local x = t:figure()
  if x then
    for i, a in ipairs(body_claims) do
      local av = a:figure()
      if av and a.kind == t.kind and not (a.currency and t.currency and a.currency ~= t.currency) then
        for j = i + 1, math.min(#body_claims, i + 8) do
          local b = body_claims[j]
          local bv = b:figure()
          if bv and b.kind == a.kind and b.currency == a.currency then
            for _, v in ipairs({ math.abs(av - bv), av + bv }) do
              if v > 0 and math.abs(v - x) / math.max(v, x) <= 0.1 then return true end
            end
          end
        end
      end
    end
  end
  local d = digits(t.text)
  return d ~= nil and #d >= 2 and doc.body:find(d, 1, true) ~= nil
end

rule {
  id       = "headline-not-in-body",
  title    = "Headline figure or source the body does not support",
  severity = "medium",
  weight   = 0.5,
  tags     = { "claims", "headline" },
  description = [[
A figure in the title -- an amount, a percentage, a count -- that appears
nowhere in the body, neither as the same figure (within 10%, in any form
the claim parser reads: "$2.6bn" and "2.6 billion dollars"), nor as the
difference or sum of two body figures, nor as the same digits; or a title
that names its source ("..., says minister", "Tories insist ...") when the
body never mentions that source. Headlines travel further than articles:
a headline figure the body does not carry is either an error or a claim
the reporting does not stand behind. The finding points at the lead
sentence, with the headline as evidence.]],

  check = function(doc, report)
    if doc.title == "" then return end
    local lead = doc:sentences()[1]
    if not lead then return end
    local title_claims = claims.title_list(doc)
    local body_claims = #title_claims > 0 and claims.all(doc) or {}
    for _, t in ipairs(title_claims) do
      if not t.vague and not supported(doc, t, body_claims) then
        report {
          at = lead,
          message = ("headline figure '%s' is not in the body"):format(t.text),
          evidence = { headline = doc.title, figure = t.text, kind = t.kind },
        }
      end
    end
    local m = title_source_after:match(doc.title) or title_source_before:match(doc.title)
    if m then
      local src = m.src1 or m.src2 or m.src
      local words, found = 0, 0
      local body = doc.body:lower()
      for w in src:gmatch("[%a][%a'’-]+") do
        if not FILLER[w:lower()] then
          words = words + 1
          if body:find(stem(w), 1, true) then found = found + 1 end
        end
      end
      if words > 0 and found == 0 then
        report {
          at = lead,
          message = ("headline cites '%s', whom the body never mentions"):format(src),
          score = 0.8,
          evidence = { headline = doc.title, source = src },
        }
      end
    end
  end,

  examples = {
    flag = {
      { title = "Valdoria signs $5bn shipyard deal",
        body = "Valdoria has signed an agreement with Merovia to build a shipyard, the ministry said.\n\nThe deal is worth $2bn, officials said." },
      { title = "Measles vaccination rate climbs to 98%",
        body = "The share of children vaccinated against measles rose to 94% last year, the health ministry said." },
      { title = "Forty killed in Selva port blast",
        body = "At least 12 people were killed in an explosion at the port of Selva on Monday, police said." },
      { title = "Beatles suits sell for $110,000",
        body = "Four suits worn by the Beatles have sold for $11,000 (£5,900) at a US auction." },
      { title = "Port contract was rigged, says auditor",
        body = "The opposition has called for the harbour contract to be reopened. Party leader Tomas Irn said the tender was unfair." },
    },
    pass = {
      -- the same figure in another form
      { title = "Merovia awards $1.2bn harbour contract",
        body = "Merovia's transport ministry said it had awarded a $1.2 billion contract to a Selvan consortium." },
      -- a rounded headline figure
      { title = "Helio to invest €1bn in wind farm",
        body = "Helio Energy will invest €980 million in an offshore wind farm, the company said." },
      -- a derived figure: the difference of two body figures
      { title = "Nortel in $300m profit revision",
        body = "Nortel said it had made $434m, compared to the previously reported $732m." },
      -- a count written another way in the body
      { title = "Ten die in Selva bus crash",
        body = "Ten people died when a bus left the road near Selva on Sunday, police said." },
      -- the cited source is in the body
      { title = "Port contract was rigged, says auditor",
        body = "The state auditor said in a report that the tender for the harbour contract had been rigged." },
      -- no figure and no source in the title
      { title = "Shipyard talks continue",
        body = "Talks between the two countries on a shipyard deal continued on Tuesday." },
      -- a vague headline magnitude is another rule's business
      { title = "Multibillion-dollar shipyard deal near",
        body = "The two countries are near a deal to build a shipyard, officials said." },
    },
  },
}
