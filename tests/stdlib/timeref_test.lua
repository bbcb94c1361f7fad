-- spindle.timeref: time references, the lead, the age of a date.
local timeref = require "spindle.timeref"

local function refs(text)
  local out = {}
  local d = doc_of(text)
  for _, s in ipairs(d:sentences()) do
    for _, t in ipairs(timeref.find(s)) do out[#out + 1] = t end
  end
  return out
end

-- { sentence, text, kind }
local cases = {
  { "The decision to keep interest rates on hold at 4.75% earlier this month was passed 8-1.", "earlier this month", "vague" },
  { "Peace and love have been in short supply in the Labour party in recent days.", "in recent days", "vague" },
  { "Mr Kilroy-Silk recently quit the UK Independence Party.", "recently", "vague" },
  { "The company closed two plants some time ago.", "some time ago", "vague" },
  { "The Grand Theft Auto series has set the highest standards in recent years.", "in recent years", "trend" },
  { "Mobile phone sales have soared over the past decade.", "over the past decade", "trend" },
  { "Time Warner said on Friday that it now owns 8% of Google.", "on Friday", "specific" },
  { "The firm reported its results yesterday.", "yesterday", "specific" },
  { "The technical awards dinner was held on 12 February 2005.", "12 February 2005", "specific" },
  { "The ceremony will be held in Los Angeles on 27 February.", "27 February", "specific" },
  { "Shares closed lower on March 12, 2005.", "March 12, 2005", "specific" },
  { "The data was published on 2005-01-04.", "2005-01-04", "specific" },
  { "Sales fell last week.", "last week", "relative" },
  { "The rule was introduced in March.", "in March", "relative" },
  { "TimeWarner posted a profit, up 27% from its 2003 performance, in 2004.", "in 2004", "relative" },
  { "He was hired three weeks ago.", "three weeks ago", "specific" },
  { "The firm was founded five years ago.", "five years ago", "relative" },
}
for _, c in ipairs(cases) do
  local found
  for _, t in ipairs(refs(c[1])) do if t.text == c[2] then found = t end end
  check(found ~= nil, c[1] .. ": found " .. c[2])
  check_eq(found and found.kind, c[3], c[1] .. ": kind")
end
-- not times
for _, t in ipairs({ "The life of late Joy Division singer Ian Curtis is to be made into a film.",
                     "The minister may resign.", "The team won 3-1." }) do
  check_eq(#refs(t), 0, t .. ": no time reference")
end
-- dates
local dated = refs("The dinner was held on 12 February 2005.")[1]
check_eq(dated.date.year, 2005, "date: year")
check_eq(dated.date.month, 2, "date: month")
check_eq(dated.date.day, 12, "date: day")
check(refs("\"We recently signed,\" he said.")[1].quoted, "quoted")

-- the lead: the first paragraph, at most three sentences
local d = doc_of("One. Two. Three. Four.\n\nFive.")
check_eq(#timeref.lead(d), 3, "lead: three sentences")
check_eq(#timeref.lead(d, 1), 1, "lead: n sentences")

-- publication and age (a stand-in doc: age_days reads doc.published only)
local pub = { published = "2024-06-20T09:00:00Z" }
check_eq(timeref.published(pub).month, 6, "published")
check_eq(timeref.published({ published = "yesterday" }), nil, "published: not ISO")
check_eq(timeref.age_days(pub, { date = { year = 2024, month = 6, day = 18 } }), 2, "age: two days")
check_eq(timeref.age_days(pub, { date = { year = 2024, month = 1, day = 3 } }), 169, "age: January")
check_eq(timeref.age_days(pub, { date = { month = 12, day = 25 } }), 178, "age: a date without a year is the last one")
check_eq(timeref.age_days(pub, { date = { year = 2023 } }), 172, "age: a year counts from its end")
check_eq(timeref.age_days({}, { date = { year = 2023 } }), nil, "age: no publication date")
check_eq(timeref.age_days(pub, {}), nil, "age: no date")

-- memoised per sentence
local m = doc_of("It happened recently.")
check_eq(timeref.find(m:sentences()[1]), timeref.find(m:sentences()[1]), "memoised")
