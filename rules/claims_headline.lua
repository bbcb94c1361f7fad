-- rules/claims_headline.lua — what the headline promises and the body
-- delivers, and headlines written to bait rather than to inform. Every
-- finding of this file points at the title (report part "title").

local claims  = require "spindle.claims"
local lexicon = require "spindle.lexicon"

-------------------------------------------------------------------------------
-- Places and the words that stand for them
-------------------------------------------------------------------------------

-- Capitals, countries and their adjectives as classes: a headline's "Tokyo
-- says" is the Japanese government, so a body that names Japan or "Japanese
-- officials" mentions the source. Each entry's kind names its class; extend
-- it in a rule file loaded after this one, e.g.
--   PLACES:add_as("JP", "Nippon")   (the table is this file's local: copy the
--   idea, or ask for it to move to spindle.lexicon, see docs/rules.md)
local PLACES = lexicon.new("places")
for _, class in ipairs({
  { "US", "Washington", "US", "U.S.", "USA", "America", "American", "Americans", "United States", "White House", "Pentagon" },
  { "UK", "London", "UK", "Britain", "British", "United Kingdom", "Downing Street", "Whitehall", "No 10" },
  { "CN", "Beijing", "China", "Chinese" },
  { "JP", "Tokyo", "Japan", "Japanese" },
  { "RU", "Moscow", "Russia", "Russian", "Russians", "Kremlin" },
  { "FR", "Paris", "France", "French", "Elysee", "Élysée" },
  { "DE", "Berlin", "Germany", "German", "Germans" },
  { "IN", "Delhi", "New Delhi", "India", "Indian" },
  { "PK", "Islamabad", "Pakistan", "Pakistani" },
  { "EU", "Brussels", "EU", "European Union", "European Commission" },
  { "IT", "Rome", "Italy", "Italian" },
  { "ES", "Madrid", "Spain", "Spanish" },
  { "UA", "Kyiv", "Kiev", "Ukraine", "Ukrainian" },
  { "KP", "Pyongyang", "North Korea", "North Korean" },
  { "KR", "Seoul", "South Korea", "South Korean" },
  { "IL", "Jerusalem", "Israel", "Israeli" },
  { "IR", "Tehran", "Iran", "Iranian" },
  { "IQ", "Baghdad", "Iraq", "Iraqi" },
  { "SY", "Damascus", "Syria", "Syrian" },
  { "SA", "Riyadh", "Saudi Arabia", "Saudi" },
  { "TR", "Ankara", "Turkey", "Turkish" },
  { "EG", "Cairo", "Egypt", "Egyptian" },
  { "AF", "Kabul", "Afghanistan", "Afghan" },
  { "IE", "Dublin", "Ireland", "Irish" },
  { "GR", "Athens", "Greece", "Greek" },
  { "PL", "Warsaw", "Poland", "Polish" },
  { "NL", "The Hague", "Amsterdam", "Netherlands", "Dutch" },
  { "CA", "Ottawa", "Canada", "Canadian" },
  { "AU", "Canberra", "Australia", "Australian" },
  { "BR", "Brasilia", "Brazil", "Brazilian" },
  { "MX", "Mexico City", "Mexico", "Mexican" },
  { "TW", "Taipei", "Taiwan", "Taiwanese" },
  { "VN", "Hanoi", "Vietnam", "Vietnamese" },
  { "TH", "Bangkok", "Thailand", "Thai" },
  { "ID", "Jakarta", "Indonesia", "Indonesian" },
  { "NG", "Abuja", "Nigeria", "Nigerian" },
  { "ZA", "Pretoria", "South Africa", "South African" },
  { "KE", "Nairobi", "Kenya", "Kenyan" },
  { "ZW", "Harare", "Zimbabwe", "Zimbabwean" },
  { "CU", "Havana", "Cuba", "Cuban" },
  { "VE", "Caracas", "Venezuela", "Venezuelan" },
  { "AR", "Buenos Aires", "Argentina", "Argentine", "Argentinian" },
  { "SCO", "Edinburgh", "Holyrood", "Scotland", "Scottish" },
  { "WAL", "Cardiff", "Wales", "Welsh" },
}) do
  PLACES:add_as(class[1], table.unpack(class, 2))
end

-- The place classes named in a piece of text (entries matched as whole
-- words, case-sensitively: they are proper nouns).
local places_rx, places_version
local function places_in(text)
  if places_version ~= PLACES.version then
    local alts = {}
    for _, w in ipairs(PLACES) do alts[#alts + 1] = lexicon.escape(w) end
    table.sort(alts, function(a, b) return #a > #b end)
    places_rx = spindle.re([[(?<![\p{L}\p{N}])(?:]] .. table.concat(alts, "|") .. [[)(?![\p{L}\p{N}])]])
    places_version = PLACES.version
  end
  local found = {}
  for m in places_rx:gmatch(text) do
    local kind = PLACES:kind(m.text)
    if kind then found[kind] = true end
  end
  return found
end

-------------------------------------------------------------------------------
-- headline-not-in-body
-------------------------------------------------------------------------------

-- A title that names its source: "..., says minister", "Tories insist ...",
-- "... - report".
local title_source_after = spindle.re([[(?:,|\s[-–—])\s*(?:(?:says?|claims?|insists?|warns?|admits?|reveals?|suggests?|according\s+to)\s+(?<src1>[^,'"‘’“”]+?)|(?<src2>[^,'"‘’“”]+?)\s+(?:says?|claims?|insists?|warns?|reveals?|suggests?))\s*$]], "i")
local title_source_before = spindle.re([[^(?<src>(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}[\p{Lu}][\p{L}'’.-]*)\s+(?:says|claims|insists|warns|admits|denies|reveals|urges)\b]])

-- Words of a source phrase that say nothing about who it is.
local FILLER = {}
for w in ([[the a an and of for in on to new top senior former ex report
  reports study survey poll says said]]):gmatch("%a+") do FILLER[w] = true end

-- "tories" -> "tory", "ministers" -> "minister", then at most 5 letters, so
-- that "ministers" finds "ministry".
local function stem(w)
  w = w:lower():gsub("ies$", "y"):gsub("s$", "")
  return #w > 5 and w:sub(1, 5) or w
end

-- The figure's digits as written ("110,000", "4.5"), to find it in the body
-- in a form the claim parser does not read ("$300m" and "300 million").
local function digits(text)
  return text:match("%d[%d,%.]*%d") or text:match("%d")
end

-- Casualty counts written verb first in headlines ("Quake kills 400"),
-- which the claim parser reads only after the noun.
local title_kills = spindle.re([[\b(?:kills?|killed|killing)\s+(?<q>at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+)?(?<n>\d[\d,]*)(?!\s*(?:%|per\s*cent|bn|m\b|million|billion|pounds?|dollars?|euros?))]], "i")

local function figure_of(c) return c.value or c.high or c.low end

local function kill_claims(title)
  local out = {}
  for m in title_kills:gmatch(title) do
    local n = tonumber((m.n:gsub(",", "")))
    if n then
      local q = (m.q or ""):lower()
      local open_up = q:find("least") or q:find("more") or q:find("over")
      local open_down = q:find("nearly") or q:find("almost")
      out[#out + 1] = { kind = "count", text = m.text, start = m.start, stop = m.stop,
        value = n, low = not open_down and n or nil, high = not open_up and n or nil,
        approx = q:find("about") or q:find("some") or nil, scale = 1,
        context = "casualties", fatal = true, figure = figure_of }
    end
  end
  return out
end

-- Count nouns that mean people: a casualty count's noun says nothing more.
local PEOPLE = {}
for w in ([[people persons person civilians residents passengers victims men
  women children adults soldiers troops]]):gmatch("%a+") do PEOPLE[w] = true end

local function singular(w)
  w = w:lower()
  if w:find("ies$") then return (w:gsub("ies$", "y")) end
  if w:find("[^s]s$") then return (w:gsub("s$", "")) end
  return w
end

-- What a count counts, so that two counts can be compared: "deaths" for a
-- casualty count of the dead, "injured" for the hurt, else its noun.
local function count_key(c, text)
  if c.kind ~= "count" or c.vague then return nil end
  local noun = c.noun and c.noun:lower()
  if c.context == "casualties" and (not noun or PEOPLE[noun]) then
    if c.fatal then return "deaths" end
    text = (text or ""):lower()
    if text:find("kill") or text:find("dead") or text:find("die") or text:find("death") then
      return "deaths"
    end
    if text:find("injur") or text:find("wound") or text:find("hurt") then return "injured" end
    return nil
  end
  return noun and singular(noun) or nil
end

-- The headline figure t agrees with b: the same figure (within 10%), or b
-- inside the side a headline qualifier leaves open ("more than 300 dead"
-- and 312).
local function agrees(t, b)
  if claims.same_figure(t, b) then return true end
  local y = b:figure()
  if not y then return false end
  if t.high == nil and t.low and y >= t.low then return true end
  if t.low == nil and t.high and y <= t.high then return true end
  return false
end

-- Whether the body claims in list support a title figure: one agrees, or
-- the difference or sum of two nearby ones of its kind does (a headline's
-- "$300m revision" from "$732m" and "$434m"). Returns the claim that
-- agrees, or the two, or false.
local function supported_by(t, list)
  for _, b in ipairs(list) do
    if agrees(t, b) then return b end
  end
  local x = t:figure()
  if not x then return false end
  for i, a in ipairs(list) do
    local av = a:figure()
    if av and a.kind == t.kind and not (a.currency and t.currency and a.currency ~= t.currency) then
      for j = i + 1, math.min(#list, i + 8) do
        local b = list[j]
        local bv = b:figure()
        if bv and b.kind == a.kind and b.currency == a.currency then
          for _, v in ipairs({ math.abs(av - bv), av + bv }) do
            if v > 0 and math.abs(v - x) / math.max(v, x) <= 0.1 then return a, b end
          end
        end
      end
    end
  end
  return false
end

-- Whether the body spells out an acronym ("WHO": "World Health
-- Organization"): capitalised words with its initials, "of", "the", "for"
-- and "and" allowed between them.
local function acronym_in(body, acronym)
  local parts = {}
  for ch in acronym:gmatch(".") do parts[#parts + 1] = ch .. [[\p{L}+]] end
  local rx = spindle.re([[\b]] .. table.concat(parts, [[\s+(?:(?:of|the|for|and|on)\s+)*]]) .. [[\b]])
  return rx:test(body)
end

local function title_span(t) return { t.start, t.stop, part = "title" } end

-- What a report.trace about title figure t is at: the figure in the title.
local function in_title(t) return { start = t.start, stop = t.stop, text = t.text, part = "title" } end

-- Title figures that are not claims about the story: a proportion ("1 in
-- 5 patients"), a listicle's count ("4 ways offices will change"), or a
-- figure the parser cut short ("$3T"). Returns which, or false.
local listicle_count = spindle.re([[^(?:the\s+|top\s+)?\S+\s+(?:\w+\s+)?(?:ways|things|reasons|tips|signs|facts|lessons|questions)\b]], "i")
local function misread(title, t)
  local before, after = title:sub(1, t.start), title:sub(t.stop + 1)
  if before:lower():find("%d%s+in%s+$") or before:lower():find("one%s+in%s+$") then
    return "a proportion ('1 in 5'), not a figure"
  end
  if t.text:find("^%d+%s+in%s") or t.text:lower():find("^one%s+in%s") then
    return "a proportion ('1 in 5'), not a figure"
  end
  if t.start == 0 and listicle_count:test(title) then return "a listicle's count ('4 ways ...')" end
  if after:find("^[%w]") then return "a figure the parser cut short: letters run on after it" end
  return false
end

-- Whether the body writes the figure with one digit dropped and its
-- thousands grouping broken, as a typo ("$110,000" in the headline,
-- "$110,00" in the body): the same figure mistyped, not a different one
-- ("$11,000" is a different figure and stays flagged).
local function typo_in_body(body, d)
  if #(d:gsub("%D", "")) < 4 or not d:find(",") then return false end
  for i = 1, #d do
    local cand = d:sub(1, i - 1) .. d:sub(i + 1)
    local malformed = cand:find(",%d%d?$") or cand:find(",%d%d?,") or cand:find(",%d%d%d%d")
    if d:sub(i, i):find("%d") and malformed then
      local init = 1
      while true do
        local a, b = body:find(cand, init, true)
        if not a then break end
        if not body:sub(b + 1, b + 1):find("[%d]") and not body:sub(a - 1, a - 1):find("[%d,.]") then
          return true
        end
        init = a + 1
      end
    end
  end
  return false
end

-- The figure written in the body: its digits ("110,000"), or for a figure
-- in words ("Three cases") the word.
local function figure_in_body(doc, t)
  local d = digits(t.text)
  if d then
    if #d < 2 then return false end
    return doc.body:find(d, 1, true) ~= nil or doc.body:find((d:gsub(",", "")), 1, true) ~= nil
        or typo_in_body(doc.body, d)
  end
  local w = t.text:match("%a+")
  return w ~= nil and doc.body:lower():find("%f[%a]" .. w:lower() .. "%f[%A]") ~= nil
end

rule {
  id       = "headline-not-in-body",
  title    = "Headline figure or source the body does not support",
  severity = "medium",
  weight   = 0.5,
  tags     = { "claims", "headline" },
  description = [[
A figure in the title -- an amount, a percentage, a count -- that the body
does not carry: neither the same figure (within 10%, in any form the claim
parser reads: "$2.6bn" and "2.6 billion dollars"; a headline "more than 300"
is carried by 312), nor the difference or sum of two body figures, nor the
same digits. A headline count the body contradicts is flagged even when its
digits appear elsewhere: the body counts the same thing (the dead, jobs,
homes) only with figures more than 10% away ("Quake kills 400" over "312
people were killed"). Also a title that names its source ("..., says
minister", "Tories insist ...") when the body never mentions that source;
a place standing for its government counts as mentioned when the body names
the place, its country or its adjective ("Tokyo says" and "Japanese
officials"). Vague magnitudes ("multibillion-dollar") are left to
vague-magnitude. The finding points at the figure or source in the title,
with the body's figure as evidence when there is one.]],

  check = function(doc, report)
    if doc.title == "" then
      report.trace("the article has no title")
      return
    end
    -- a copy: the stdlib's list is shared with every rule (and read-only)
    local shared = claims.title_list(doc)
    local title_claims = table.move(shared, 1, #shared, 1, {})
    for _, k in ipairs(kill_claims(doc.title)) do
      local dup = false
      for _, t in ipairs(title_claims) do
        if t.start < k.stop and k.start < t.stop then dup = true end
      end
      if not dup then title_claims[#title_claims + 1] = k end
    end
    if #title_claims == 0 then report.trace("no figure in the title", "title") end
    local body_claims = #title_claims > 0 and claims.all(doc) or {}
    for _, t in ipairs(title_claims) do
      local misreading = not t.vague and misread(doc.title, t)
      if t.vague then
        report.trace("a vague magnitude, left to vague-magnitude", in_title(t))
      elseif misreading then
        report.trace(misreading, in_title(t))
      else
        local key = count_key(t, doc.title)
        local same = {}
        if key then
          for _, b in ipairs(body_claims) do
            if count_key(b, b.sentence and b.sentence.text) == key then same[#same + 1] = b end
          end
        end
        -- the toll is one fact: only a body count of the same dead (or
        -- hurt) can carry it, whatever other numbers share its digits
        local toll = (key == "deaths" or key == "injured") and #same > 0
        local b1, b2 = supported_by(t, toll and same or body_claims)
        if b2 then
          report.trace(("the sum or difference of the body's '%s' and '%s' carries it")
                       :format(b1.text, b2.text), in_title(t))
        elseif b1 then
          report.trace(("the body's '%s' carries it: the same within 10%%, or inside the side the "
                        .. "headline leaves open"):format(b1.text), in_title(t))
        elseif toll then
          local b = same[1]
          report {
            at = title_span(t),
            message = ("headline says '%s'; the body says '%s'"):format(t.text, b.text),
            evidence = { headline = doc.title, figure = t.text, body_figure = b.text,
                         counts = key },
          }
        elseif figure_in_body(doc, t) then
          report.trace("its digits (or its word) are written in the body", in_title(t))
        else
          local b = same[1]
          report {
            at = title_span(t),
            message = b and ("headline says '%s'; the body says '%s'"):format(t.text, b.text)
                        or ("headline figure '%s' is not in the body"):format(t.text),
            evidence = { headline = doc.title, figure = t.text, kind = t.kind,
                         body_figure = b and b.text or nil },
          }
        end
      end
    end
    local m = title_source_after:match(doc.title) or title_source_before:match(doc.title)
    if not m then
      report.trace("the title names no source ('..., says X', 'X insists ...')", "title")
      return
    end
    local src = m.src1 or m.src2 or m.src
    local s, e = doc.title:find(src, 1, true)
    local words, found = 0, 0
    local how                                 -- how the body mentions the source, for explain
    local body = doc.body:lower()
    for w in src:gmatch("[%a][%a'’-]+") do
      if not FILLER[w:lower()] then
        words = words + 1
        if body:find(stem(w), 1, true) then
          found = found + 1
          how = how or ("the body has '%s' (the stem of '%s')"):format(stem(w), w)
        end
      end
    end
    if words > 0 and found == 0 then
      for w in src:gmatch("%u%u+") do
        if #w <= 6 and acronym_in(doc.body, w) then
          found = 1
          how = how or ("the body spells out '%s'"):format(w)
        end
      end
    end
    if words > 0 and found == 0 then
      local named = places_in(src)
      if next(named) then
        for kind in pairs(places_in(doc.body)) do
          if named[kind] then
            found = 1
            how = how or ("the body names its place (%s), its country or its adjective"):format(kind)
          end
        end
      end
    end
    local at = s and { start = s - 1, stop = e, text = src, part = "title" } or "title"
    if words == 0 then
      report.trace(("the cited source '%s' is only filler words"):format(src), at)
    elseif found > 0 then
      report.trace(("the body mentions the cited source: %s"):format(how), at)
    else
      report {
        at = s and { s - 1, e, part = "title" } or "title",
        message = ("headline cites '%s', whom the body never mentions"):format(src),
        score = 0.8,
        evidence = { headline = doc.title, source = src },
      }
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
      -- the body contradicts the headline's count
      { title = "Selva quake kills 400",
        body = "An earthquake struck Selva on Monday. Officials said 312 people were killed and 1,200 injured." },
      -- the digits are in the body, but as another count: the dead are twelve
      { title = "Storm leaves 40 dead in Selva",
        body = "Twelve people died when the storm hit Selva, and 40 homes were destroyed, police said." },
      -- a capital standing for a government the body never mentions
      { title = "Selva port deal rigged, Moscow says",
        body = "Merovia's harbour authority awarded the contract on Monday. The opposition said the tender was unfair." },
    },
    pass = {
      -- a headline figure the body mistypes is the same figure (BBC)
      { title = "Beatles suits sell for $110,000",
        body = "Four suits worn by the Beatles have sold for $110,00 (£59,000) at a US auction." },
      -- the same figure in another form
      { title = "Merovia awards $1.2bn harbour contract",
        body = "Merovia's transport ministry said it had awarded a $1.2 billion contract to a Selvan consortium." },
      -- a rounded headline figure
      { title = "Helio to invest €1bn in wind farm",
        body = "Helio Energy will invest €980 million in an offshore wind farm, the company said." },
      { title = "Helio profits hit £1bn",
        body = "Helio Energy made a profit of £980m last year, the company said." },
      -- a derived figure: the difference of two body figures
      { title = "Nortel in $300m profit revision",
        body = "Nortel said it had made $434m, compared to the previously reported $732m." },
      -- a count written another way in the body
      { title = "Ten die in Selva bus crash",
        body = "Ten people died when a bus left the road near Selva on Sunday, police said." },
      -- a headline's "more than 300" is carried by 312
      { title = "More than 300 dead in Selva quake",
        body = "The death toll from the earthquake in Selva rose to 312, officials said." },
      -- the body's toll rose to the headline's
      { title = "Selva quake kills 400",
        body = "An earthquake struck Selva on Monday. At first officials said 312 people were killed; by evening 400 people were confirmed dead." },
      -- the cited source is in the body
      { title = "Port contract was rigged, says auditor",
        body = "The state auditor said in a report that the tender for the harbour contract had been rigged." },
      -- a capital for its government: the body names the country
      { title = "Tokyo says deflation 'controlled'",
        body = "The Japanese government has said deflation is under control, but warned that prices could still fall." },
      -- the figure is in the body as other words' count ("jobs" for "staff")
      { title = "Selva bank to lay off 2,850 staff",
        body = "Selva Bank is to cut 2,850 jobs as profits fall. The bank employs more than 100,000 staff." },
      -- a proportion is not a count of patients
      { title = "1 in 5 patients caught the virus in hospital",
        body = "One in five patients with the virus caught it in hospital, a study found." },
      -- an acronym the body spells out
      { title = "Pandemic could last five years, WHO warns",
        body = "The World Health Organization said the pandemic could take five years to bring under control." },
      -- no figure and no source in the title
      { title = "Shipyard talks continue",
        body = "Talks between the two countries on a shipyard deal continued on Tuesday." },
      -- a vague headline magnitude is another rule's business
      { title = "Multibillion-dollar shipyard deal near",
        body = "The two countries are near a deal to build a shipyard, officials said." },
    },
  },
}

-------------------------------------------------------------------------------
-- clickbait-headline
-------------------------------------------------------------------------------

-- Curiosity gaps: the headline withholds what it is about to make you click.
local curiosity = spindle.re([[\b(?:you\s+(?:won['’]?t|will\s+not|wouldn['’]?t|can['’]?t)\s+(?:believe|guess)|you['’]ll\s+never\s+(?:believe|guess)|what\s+happen(?:s|ed)\s+next|this\s+is\s+(?:what|why)\b|here['’]?s\s+why\b|here\s+is\s+why\b|here['’]?s\s+what\s+happen|(?:the\s+)?reason\s+why\s+will|will\s+(?:blow\s+your\s+mind|leave\s+you|make\s+you|shock\s+you|surprise\s+you)|blow\s+your\s+mind|things\s+you\s+need\s+to\s+see|(?:no\s+one|nobody)\s+is\s+talking\s+about|(?:they|doctors|experts)\s+don['’]?t\s+want\s+you\s+to\s+know|one\s+(?:simple|weird)\s+(?:trick|truth|thing)|wait\s+(?:till|until)\s+you\s+see|you\s+have\s+to\s+see|must[-\s](?:see|watch|read)\b|goes\s+viral|breaks\s+the\s+internet|jaw[-\s]dropping|mind[-\s]blowing)]], "i")

-- "... and it's shocking": a verdict in place of the news.
local verdict_tail = spindle.re([[\band\s+(?:it['’]?s|it\s+is|it\s+was|the\s+results?\s+(?:is|are|was|were)|they['’]re|the\s+answer\s+(?:is|may)|what\s+(?:happened|they\s+found)\s+(?:is|was))\s+(?:\w+\s+)?(?:shocking|amazing|terrifying|hilarious|insane|incredible|heartbreaking|horrifying|disturbing|stunning|unbelievable|surprising|genius|brilliant)\b]], "i")

-- Listicles: "7 things ...", "The 10 reasons ...", "Top 5 ways ...".
local listicle = spindle.re([[^(?:the\s+|top\s+)?(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+(?:\w+\s+){0,2}?(?:things|reasons|facts|signs|secrets|tricks|mistakes|myths)\b]], "i")

-- Hype words in capitals ("BREAKING:", "SHOCKING", "WATCH:").
local caps_hype = spindle.re([[(?<![\p{L}\p{N}])(?:BREAKING|SHOCKING|SHOCK|BOMBSHELL|EXPOSED|BUSTED|URGENT|ALERT|WATCH|MUST|OMG|WOW|HUGE|INSANE|UNBELIEVABLE|INCREDIBLE|AMAZING|EPIC|DISASTER|WARNING|EXCLUSIVE)(?![\p{L}\p{N}])]])

-- Shouting: three words in a row in capitals (acronyms stand alone).
local caps_run = spindle.re([[(?<![\p{L}\p{N}])(?:[\p{Lu}]{2,}['’]?[\p{Lu}]*[\s,]+){2,}[\p{Lu}]{2,}(?![\p{L}\p{N}])]])

-- Quotations in a title: "...", “...”, ‘...’ and '...' (a single quote
-- opens after a space or at the start, and closes before a space, a
-- punctuation mark or the end).
local title_quote = spindle.re([["[^"]*"|“[^”]*”|‘[^’]*’|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])]])

-- An exclamation mark outside quotation marks: its byte position, 1-based.
-- The title with its quotations blanked out (same length, so offsets hold).
local function mask_quotes(title)
  local masked = title
  for m in title_quote:gmatch(title) do
    masked = masked:sub(1, m.start) .. ("_"):rep(m.stop - m.start) .. masked:sub(m.stop + 1)
  end
  return masked
end

local function bang_outside_quotes(title)
  return mask_quotes(title):find("!", 1, true)
end

-- Whether nearly all the title's letters are capitals (a house style).
local function all_caps(title)
  local upper = select(2, title:gsub("%u", ""))
  local lower = select(2, title:gsub("%l", ""))
  return upper >= 12 and lower * 10 <= upper
end

-- The first bait in a title: span (offsets into the title), kind, score.
local function bait(title)
  local m = curiosity:match(title)
  if m then return m, "curiosity gap", 1.0 end
  m = verdict_tail:match(title)
  if m then return m, "verdict instead of news", 1.0 end
  m = listicle:match(title)
  if m then return m, "listicle", 0.8 end
  -- a headline set wholly in capitals is a house style, not shouting;
  -- capitals inside quotation marks are the speaker's
  local masked = mask_quotes(title)
  if not all_caps(title) then
    m = caps_hype:match(masked)
    if m then return m, "hype word in capitals", 0.9 end
    m = caps_run:match(masked)
    if m then return m, "shouting in capitals", 0.8 end
  end
  local p = bang_outside_quotes(title)
  if p then return { start = p - 1, stop = p, text = "!" }, "exclamation mark", 0.7 end
  return nil
end

-- Why a title with no bait (bait gave nil) was passed over, for explain.
local function no_bait(title)
  if all_caps(title) then
    return "no curiosity gap, verdict, listicle or exclamation mark; set wholly in capitals "
        .. "(a house style), so its capitals are not shouting"
  end
  if caps_hype:test(title) or caps_run:test(title) then
    return "no bait: its capitals are inside a quotation (the speaker's)"
  end
  if title:find("!", 1, true) then
    return "no bait: its exclamation mark is inside a quotation (the speaker's)"
  end
  return "no curiosity gap, verdict, listicle, hype word or run of capitals, or exclamation mark"
end

rule {
  id       = "clickbait-headline",
  title    = "Headline written as bait rather than news",
  severity = "low",
  weight   = 0.35,
  tags     = { "headline", "language" },
  description = [[
A headline that baits instead of informing: a curiosity gap that withholds
the news ("You won't believe ...", "This is what happens when ...", "Here's
why ...", "... will blow your mind", "what happened next"); a verdict in
place of the news ("... and it's shocking"); a listicle ("7 things ...",
"The 10 reasons ..."); a hype word in capitals ("BREAKING:", "SHOCKING",
"WATCH:", "OMG") or three or more words in a row in capitals (a lone
acronym such as "UKIP" or "IAAF" is not shouting); or an exclamation mark
outside quotation marks. Sports and business verbs ("Melzer shocks Agassi",
"Blair blasts Tory plans") and a quoted exclamation ("'Stop!' says ...")
are not flagged. News copy that reports rather than sells rarely does any
of these. One finding per headline, at the first bait found; confidence
1.0 for curiosity gaps and verdicts, 0.9 hype words, 0.8 listicles and
shouting, 0.7 an exclamation mark.]],

  check = function(doc, report)
    if doc.title == "" then
      report.trace("the article has no title")
      return
    end
    local m, kind, score = bait(doc.title)
    if not m then
      report.trace(no_bait(doc.title), "title")
    else
      report {
        at = { m.start, m.stop, part = "title" },
        message = ("clickbait headline: %s"):format(kind),
        score = score,
        evidence = { headline = doc.title, bait = m.text, kind = kind },
      }
    end
  end,

  examples = {
    flag = {
      { title = "You won't believe what this Selva minister did next",
        body = "The minister of ports in Selva resigned on Monday after a row over a harbour contract." },
      { title = "This is what happens when you stop eating sugar",
        body = "Cutting sugar from the diet can lower blood pressure, a study found." },
      { title = "Scientists looked at 5G masts and it's shocking",
        body = "A group of researchers measured the output of mobile phone masts in three cities." },
      { title = "7 things the government isn't telling you about the vaccine",
        body = "The vaccine was approved by the regulator after trials involving 40,000 people." },
      { title = "BREAKING: Selva governor resigns",
        body = "The governor of Selva resigned on Monday, her office said." },
      { title = "Doctor Destroys Lockdown Myths In Five Minutes!",
        body = "A doctor spoke against the lockdown in a video posted online." },
      { title = "Fauci CAUGHT LYING AGAIN about masks",
        body = "Dr Fauci said in March that masks were not needed for the public." },
    },
    pass = {
      -- a sports upset: "shocks" is the news, not a verdict on it
      { title = "Melzer shocks Agassi in San Jose",
        body = "Jurgen Melzer beat Andre Agassi in the first round of the SAP Open on Tuesday." },
      -- a politician's attack, reported
      { title = "Blair blasts Tory spending plans",
        body = "Tony Blair said on Monday that the Conservatives' spending plans would cut public services." },
      -- a headline set wholly in capitals is house style
      { title = "SPEAK WITH YOUR DOCTOR BEFORE CHANGING YOUR MEDICATION",
        body = "Patients should not stop taking their medicines without advice, the health ministry said." },
      -- capitals inside a quotation are the speaker's
      { title = "'NO QUESTION' says senator of new cold war",
        body = "A senator said on Monday there was no question that relations had worsened." },
      -- acronyms in capitals are not shouting
      { title = "UKIP outspent Labour on EU poll",
        body = "The UK Independence Party spent more than Labour on the European elections, figures show." },
      -- an exclamation inside a quotation is the speaker's
      { title = "'Enough is enough!' say striking nurses",
        body = "Nurses in Selva walked out on Monday over pay, their union said." },
      -- a figure that is not a listicle
      { title = "12 medical scientists criticise lockdown in open letter",
        body = "Twelve scientists signed an open letter criticising the lockdown, published on Monday." },
      -- a plain headline
      { title = "Ad sales boost Time Warner profit",
        body = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn." },
    },
  },
}

-------------------------------------------------------------------------------
-- question-headline
-------------------------------------------------------------------------------

-- A yes/no question about a fact: it opens with "Is", "Are", "Did",
-- "Does", "Has", ... Questions that open with a wh-word ("Who will win ...",
-- "What now for ...") ask for an explanation the article gives.
local yes_no_fact = spindle.re([[^(?:is|are|was|were|does|do|did|has|have|had|isn['’]t|aren['’]t|wasn['’]t|doesn['’]t|didn['’]t|hasn['’]t)\s+\S]], "i")
-- A question about what may happen ("Will ...", "Could ...", "Can ...") is
-- usually a forecast ("Can Yahoo dominate next decade?"); it insinuates
-- only with words of hidden cause, harm or deceit.
local yes_no_modal = spindle.re([[^(?:will|would|can|could|should|shall|may|might|must|won['’]t|can['’]t|couldn['’]t)\s+\S]], "i")
local insinuation = spindle.re([[\b(?:behind|cause[sd]?|causing|linked|link|lying|lies|lied|hid(?:e|es|ing|den)?|cover(?:ing)?[-\s]?up|secret(?:ly)?|truth|really|real\s+reason|plan(?:ned)?|agenda|fake|hoax|blame|responsible|dangerous|deadly|poison(?:ed|ing|ous)?|endanger|sick|kill(?:s|ing)?|harm(?:s|ful)?|downplay(?:ing|ed)?|rigged|fraud|scam|conspiracy|control)\b]], "i")
-- An either/or question offers its own answers ("Is Trump lying, or does
-- he not understand it?").
local either_or = spindle.re([[,?\s+or\s+(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|not)\b|\bor\s+not\s*\?]], "i")
-- A verbless question ("UKIP's secret weapon?", "A global pandemic?").
local wh_word = spindle.re([[^(?:who|whom|whose|what|when|where|why|how|which)\b|^(?:q\s*&\s*a|faq|explainer|factbox|analysis|opinion|comment)\b]], "i")
local verb_like = spindle.re([[\b(?:is|are|was|were|will|would|can|could|should|does|do|did|has|have|had|may|might|must|be|been)\b]], "i")
-- Questions put to the reader are service journalism ("Is it safe to ...
-- for you?", "Need a laugh?"), not insinuation.
local to_reader = spindle.re([[\b(?:you|your|yours|I|my|me)\b|^is\s+it\s+(?:safe|ok|okay|possible|legal|wise|worth|better|too\s+late)\b]], "i")
-- A body that answers plainly.
local answer = spindle.re([[(?:^|[.!?"”]\s+|\n)(?:yes|no)[,.!]|\b(?:the\s+(?:short\s+)?answer\s+is|in\s+short,\s+(?:yes|no))\b]], "i")

-- The question a title ends with: the text after its last colon, dash or
-- full stop, or nil when the title does not end with "?" or the question
-- is a quotation.
local function final_question(title)
  local t = title:gsub("%s+$", "")
  if not t:find("%?$") then return nil end
  local from = 1
  for p in t:gmatch("()[:–—]%s") do from = p + 1 end
  for p in t:gmatch("()%s%-%s") do if p + 2 > from then from = p + 2 end end
  for p in t:gmatch("()[.!?]%s+%u") do if p + 1 > from then from = p + 1 end end
  local start = from
  while t:sub(start, start):find("%s") do start = start + 1 end
  local q = t:sub(start)
  if q:find("^[\"'“‘]") or q:find("[\"'”’]%?$") then return nil end
  return q, start - 1, #t
end

rule {
  id       = "question-headline",
  title    = "Headline asks a yes/no question the body does not answer",
  severity = "info",
  weight   = 0.2,
  tags     = { "headline", "language" },
  description = [[
A headline that ends by asking a yes/no question that insinuates a claim,
when the body never answers it plainly (no sentence opening "Yes," or
"No,", no "the answer is"). Flagged: a question about a fact ("Is", "Are",
"Was", "Did", "Does", "Has" ...) or about what may happen ("Could ...",
"Will ...") with a word of hidden cause, harm or deceit ("Is X behind
Y?", "Could the vaccine be making people sick?", "... the real reason?",
"Was this the plan all along?"); evaluative questions ("Is this Taiwan's
moment?", "Is X a model for Y?") and either/or questions ("Is he lying,
or does he not understand it?") are not insinuations; a question with
no verb only as a bare "A ...?" with such a word ("A secret deal with
Kestria?"); other verbless questions are wordplay ("UKIP's secret
weapon?", a profile). Such a headline puts a claim in the
reader's mind without standing behind it; the answer is usually no. Not
flagged: forecasts ("Can Yahoo dominate next decade?", "Will the Budget
bring out smiling voters?"), questions that open with a wh-word ("Who will
win ...?", "What now for ...?"), questions put to the reader ("Is it safe
to ...?", "... your PC?": service journalism), a quoted question, labelled
analysis, explainers and Q&As, and a title that goes on after its question
("Hay fever or virus? For allergy sufferers, ..."). Low weight: a signal
to read on, not a verdict.]],

  check = function(doc, report)
    if doc.title == "" then
      report.trace("the article has no title")
      return
    end
    local q, start, stop = final_question(doc.title)
    if not q then
      local quoted = doc.title:find("%?%s*$")
      report.trace(quoted and "its closing question is quoted, or ends in a quotation: someone's words"
                   or "the title does not end with a question", "title")
      return
    end
    local at = { start = start, stop = stop, text = q, part = "title" }   -- for report.trace
    if wh_word:test(doc.title) or wh_word:test(q) then
      report.trace("a wh-question, or labelled analysis, explainer or Q&A: the article explains", at)
      return
    end
    if to_reader:test(q) then
      report.trace("a question put to the reader: service journalism", at)
      return
    end
    local verbless = not verb_like:test(q)
    local asks, why
    if either_or:test(q) then
      asks, why = false, "an either/or question: it offers its own answers"
    elseif yes_no_fact:test(q) then
      asks, why = insinuation:test(q), "a yes/no question with no word of hidden cause, harm or deceit"
    elseif yes_no_modal:test(q) then
      asks, why = insinuation:test(q), "a forecast ('Will', 'Could' ...) with no word of hidden cause, "
                                       .. "harm or deceit"
    elseif verbless then
      if not q:find("^[Aa]n?%s") then
        asks, why = false, "a question with no verb that is not a bare 'A ...?': wordplay or a profile"
      else
        asks, why = insinuation:test(q), "a bare 'A ...?' with no word of hidden cause, harm or deceit"
      end
    else
      why = "not a yes/no question: it does not open with a verb ('Is', 'Did', 'Will', 'Could' ...)"
    end
    if not asks then
      report.trace(why, at)
      return
    end
    if answer:test(doc.body) then
      report.trace("the body answers it plainly ('Yes,', 'No,', 'the answer is')", at)
      return
    end
    report {
      at = { start, stop, part = "title" },
      message = verbless and "headline insinuates with a question"
                          or "headline asks a yes/no question the body does not answer",
      score = verbless and 0.8 or 1.0,
      evidence = { headline = doc.title, question = q },
    }
  end,

  examples = {
    flag = {
      { title = "Is Selva's governor behind the port deal?",
        body = "The port deal was signed on Monday. The governor's office declined to comment." },
      { title = "Could the vaccine be making people sick?",
        body = "Some people have reported a sore arm after the vaccine, which regulators say is a common side effect." },
      { title = "7 Billion Doses for 7 Billion People – Was This the Plan All Along?",
        body = "A vaccine maker said it could make seven billion doses by next year." },
      { title = "A secret deal with Kestria?",
        body = "The minister met Kestrian envoys twice in March, according to flight records." },
      { title = "Did ministers hide the true death toll?",
        body = "The lockdown was ordered by ministers on Monday without a vote in parliament." },
    },
    pass = {
      -- a forecast, not an insinuation
      { title = "Can Yahoo dominate next decade?",
        body = "Yahoo has reached the grand old age of 10 and, in internet years, that is a long time." },
      { title = "Could rivalry overshadow election?",
        body = "Tony Blair and Gordon Brown are trying to stuff the genie of their rivalry back into the bottle." },
      -- an evaluative question, and an either/or question
      { title = "Is this Taiwan's moment?",
        body = "Taiwan has recorded fewer than 500 cases of the virus, health officials said." },
      { title = "Is the minister lying about the plan, or does he not understand it?",
        body = "The minister said on Monday that the plan would cost nothing." },
      -- a wh-question: the article explains
      { title = "Who will win the Selva election?",
        body = "Three candidates are standing in Sunday's election for governor of Selva." },
      { title = "What now for Kelly Holmes?",
        body = "Kelly Holmes has said she will decide on her future after the indoor season." },
      -- a service question put to the reader
      { title = "Is it safe to order take-out during the pandemic?",
        body = "Health officials say the risk from food packaging is low." },
      -- the body answers it
      { title = "Will the budget cut taxes?",
        body = "The chancellor presents his budget on Wednesday.\n\nNo. The Treasury has ruled out tax cuts this year, officials said." },
      -- the title goes on after its question
      { title = "Hay fever or virus? For allergy sufferers, a season of worry",
        body = "Allergy sufferers are unsure whether their symptoms are hay fever or Covid-19." },
      -- a quoted question is someone's words
      { title = "'Why didn't they help him?'",
        body = "The promoter said the fighter's father had been ill for ten days before he was treated." },
      -- a statement
      { title = "Selva governor resigns over port deal",
        body = "The governor of Selva resigned on Monday." },
    },
  },
}
