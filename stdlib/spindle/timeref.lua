--[[
spindle.timeref — when things happened, as the article says it.

    local timeref = require "spindle.timeref"
    for _, t in ipairs(timeref.find(sentence)) do
      if t.kind == "vague" then ... end
    end

A TimeRef is a table:
  text         the words ("earlier this year", "on Monday", "12 March 2004")
  start, stop  body byte offsets (0-based, end exclusive)
  kind         "specific"  a day: "on Monday", "yesterday", "12 March",
                           "2004-03-12", "last night", "this morning"
               "relative"  a named period: "last week", "this month",
                           "in March", "in 2003", "last year"
               "vague"     an unnamed recent time: "recently", "lately",
                           "earlier this year", "in recent weeks",
                           "some time ago", "the other day"
               "trend"     a long vague span that frames a trend, not an
                           event: "in recent years", "over the past decade"
  date         for explicit dates, {year=, month=, day=} (fields nil when
               not written; a missing year is taken from doc.published)
  quoted       inside a quotation

The key event of a news article is told in its lead: timeref.lead(doc)
gives the first paragraph's sentences (at most three). timeref.published(doc)
reads doc.published (ISO 8601) and timeref.age_days(doc, t) says how many
days before publication an explicit date lies. Results are cached per
sentence in doc.cache["spindle.timeref"]. The vague phrases are a lexicon:
  timeref.lexicon.vague:add("a little while ago")
]]

local lexicon = require "spindle.lexicon"

local M = {}

M.lexicon = {
  ---Unnamed recent times (event scale: days, weeks, months).
  vague = lexicon.new("vague", {
    "recently", "lately", "of late", "in recent days", "in recent weeks",
    "in recent months", "in recent times", "over recent days",
    "over recent weeks", "over recent months", "earlier this year",
    "earlier this month", "earlier in the year", "earlier in the month",
    "some time ago", "sometime ago", "a while ago", "a while back",
    "not long ago", "not so long ago", "a short while ago", "the other day",
    "in the past few days", "in the past few weeks", "in the past few months",
    "over the past few days", "over the past few weeks",
    "over the past few months", "in the last few days", "in the last few weeks",
    "in the last few months", "a few days ago", "a few weeks ago",
    "a few months ago", "some days ago", "some weeks ago", "some months ago",
    "at some point", "some time last year", "at one point",
  }),
  ---Long vague spans that frame a trend rather than date an event.
  trend = lexicon.new("trend", {
    "in recent years", "over recent years", "in recent decades",
    "in the past few years", "over the past few years", "in the last few years",
    "over the past decade", "in the past decade", "over the last decade",
    "in the last decade", "for years", "for decades", "for some time",
    "some years ago", "a few years ago", "many years ago",
  }),
}

local MONTHS = {
  january = 1, february = 2, march = 3, april = 4, may = 5, june = 6,
  july = 7, august = 8, september = 9, october = 10, november = 11,
  december = 12, jan = 1, feb = 2, mar = 3, apr = 4, jun = 6, jul = 7,
  aug = 8, sep = 9, sept = 9, oct = 10, nov = 11, dec = 12,
}
local MONTH = [[(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)]]
local WEEKDAY = [[(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)]]

-- Explicit and named times. Groups say which kind matched.
local specific_re = spindle.re(([[
  (?<iso>\b(?<iy>(?:19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d)\b)
| (?<dmy>\b(?<dd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<dm>{MONTH})(?:,?\s+(?<dy>(?:19|20)\d\d)(?!-\d))?\b)
| (?<mdy>\b(?<mm>{MONTH})\s+(?<md>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<my>(?:19|20)\d\d)(?!-\d))?(?!\s*(?:%|per\s*cent|bn|m\b|million|billion)))
| (?<wd>\b(?i:on\s+|last\s+|this\s+|next\s+)?{WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night))?\b)
| (?<day>\b(?i:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|overnight)\b)
| (?<period>\b(?i:last|this|next|past)\s+(?i:week|weekend|month|year|summer|winter|spring|autumn)\b)
| (?<inmonth>\b(?i:in|since|during|until|by|from)\s+(?i:early\s+|late\s+|mid-)?(?<pm>{MONTH})(?:\s+(?<py>(?:19|20)\d\d))?\b)
| (?<inyear>\b(?i:in|since|during|until|by|from)\s+(?i:early\s+|late\s+|mid-)?(?<yy>(?:19|20)\d\d)\b)
| (?<ago>\b(?i:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?i:days?|weeks?|months?|years?)\s+(?i:ago)\b)
]]):gsub("{(%u+)}", { MONTH = MONTH, WEEKDAY = WEEKDAY }), "x", {
  -- the words a match begins with, branch by branch (a space is \s+), for
  -- spindle.re's prefilter; every branch opens with \b before a letter or
  -- a digit (the non-ASCII "\u{660}" stands for a digit of another script)
  "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u{660}",
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "on ", "last ", "this ", "next ", "past ", "yesterday", "today", "tonight", "overnight",
  "in ", "since ", "during ", "until ", "by ", "from ",
  "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ", "a ",
  boundary = true,
})

local vague_re = lexicon.regex(function(vague, trend)
  return ([[(?<![\p{L}\p{N}])(?:(?<trend>%s)|(?<vague>%s))(?![\p{L}\p{N}])]]):format(trend, vague),
    { M.lexicon.trend, M.lexicon.vague, boundary = true }
end, "i", M.lexicon.vague, M.lexicon.trend)

local function month_of(s)
  if not s or s == false then return nil end
  return MONTHS[s:lower():gsub("%.$", "")]
end

local function num(s)
  if not s or s == false then return nil end
  return tonumber(s)
end

-- The kind and date of a specific_re match.
local function classify(m)
  if m.iso then
    return "specific", { year = num(m.iy), month = num(m.im), day = num(m.id) }
  elseif m.dmy then
    return "specific", { year = num(m.dy), month = month_of(m.dm), day = num(m.dd) }
  elseif m.mdy then
    return "specific", { year = num(m.my), month = month_of(m.mm), day = num(m.md) }
  elseif m.wd or m.day then
    return "specific", nil
  elseif m.inmonth then
    return "relative", { year = num(m.py), month = month_of(m.pm) }
  elseif m.inyear then
    return "relative", { year = num(m.yy) }
  elseif m.ago then
    local n, unit = m.ago:lower():match("^(%S+)%s+(%a+)")
    if unit:find("^day") or unit:find("^week") then return "specific", nil end
    return "relative", nil
  end
  return "relative", nil
end

local function memo(doc)
  local c = doc.cache["spindle.timeref"]
  if not c then
    c = {}
    doc.cache["spindle.timeref"] = c
  end
  return c
end

local function overlaps(list, a, b)
  for _, t in ipairs(list) do
    if a < t.stop and b > t.start then return true end
  end
  return false
end

---@class spindle.TimeRef
---@field text string
---@field start integer
---@field stop integer
---@field kind "specific"|"relative"|"vague"|"trend"
---@field date {year: integer|nil, month: integer|nil, day: integer|nil}|nil
---@field quoted boolean

---The time references of a sentence, in text order. Shared: do not modify.
---@param s spindle.Sentence
---@return spindle.TimeRef[]
function M.find(s)
  local doc = s.doc
  local c = memo(doc)
  local list = c[s.index]
  if list then return list end
  list = {}
  for m in vague_re():gmatch(s) do
    -- "of late" before a name is "the late" (deceased): "the life of late
    -- Joy Division singer Ian Curtis"
    local dead = m.text:lower():find("^of%s+late$")
      and doc.body:sub(m.stop + 1, m.stop + 2):find("^%s%u")
    if not dead then list[#list + 1] = { text = m.text, start = m.start, stop = m.stop,
                        kind = m.trend and "trend" or "vague",
                        quoted = doc:in_quote(m.start) } end
  end
  for m in specific_re:gmatch(s) do
    if not overlaps(list, m.start, m.stop) then
      local kind, date = classify(m)
      list[#list + 1] = { text = m.text, start = m.start, stop = m.stop,
                          kind = kind, date = date, quoted = doc:in_quote(m.start) }
    end
  end
  table.sort(list, function(a, b) return a.start < b.start end)
  c[s.index] = list
  return list
end

---The sentences that tell the key event: the first paragraph's, at most
---`n` (default 3).
---@param doc spindle.Doc
---@param n? integer
---@return spindle.Sentence[]
function M.lead(doc, n)
  local p = doc:paragraphs()[1]
  if not p then return {} end
  local out = {}
  for i, s in ipairs(p.sentences) do
    if i > (n or 3) then break end
    out[#out + 1] = s
  end
  return out
end

---The publication date of the article, from doc.published (ISO 8601:
---"2024-05-14" or "2024-05-14T09:30:00Z"): {year=, month=, day=}, or nil.
---@param doc spindle.Doc
---@return {year: integer, month: integer, day: integer}|nil
function M.published(doc)
  local p = doc.published
  if type(p) ~= "string" then return nil end
  local y, mo, d = p:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if not y then return nil end
  return { year = tonumber(y), month = tonumber(mo), day = tonumber(d) }
end

-- Days since 1970-01-01 of a civil date (proleptic Gregorian).
local function day_number(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

---How many days before the article's publication an explicit date lies
---(negative when after it); nil when the article has no publication date
---or the reference no date. A date without a year takes the publication's
---year (or the year before, when that would put it after publication); a
---month or year alone counts from its last day.
---@param doc spindle.Doc
---@param t spindle.TimeRef
---@return integer|nil
function M.age_days(doc, t)
  local pub = M.published(doc)
  if not pub or not t.date then return nil end
  local y, m, d = t.date.year, t.date.month, t.date.day
  local pubday = day_number(pub.year, pub.month, pub.day)
  if not y then
    if not m then return nil end
    y = pub.year
    if day_number(y, m, d or 1) > pubday then y = y - 1 end
  end
  if not m then m, d = 12, 31 end
  if not d then
    d = ({ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
  end
  return pubday - day_number(y, m, d)
end

return M
