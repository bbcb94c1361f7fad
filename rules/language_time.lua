-- rules/language_time.lua — when the key event happened.

local timeref = require "spindle.timeref"

-- An explicit date in the lead older than this, against the article's
-- publication date, makes the key event stale news.
local STALE_DAYS = 60

-- "who recently quit", "which lately ...": a vague time in a relative
-- clause dates the background, not the key event.
-- Named periods that are recent by definition.
local RECENT_PERIOD = spindle.re([[\b(?:week|weekend|month|night|morning|afternoon|evening|today|yesterday)\b]], "i")

local relative_clause = spindle.re([[\b(?:who|which|that|whose|after|since|when)\s+(?:\w+\s+){0,2}$]], "i")

-- Whether the paragraph after the lead dates the event ("In recent days
-- ..." opening a feature whose next paragraph says "on Tuesday").
local function second_paragraph_dated(doc)
  local p = doc:paragraphs()[2]
  if not p then return false end
  for i, s in ipairs(p.sentences) do
    if i > 3 then break end
    for _, t in ipairs(timeref.find(s)) do
      if (t.kind == "specific" or t.kind == "relative") and not t.quoted then return true end
    end
  end
  return false
end

rule {
  id       = "stale-or-vague-time",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Key event dated vaguely or long before publication",
  severity = "low",
  weight   = 0.3,
  tags     = { "time", "context" },
  description = [[
The lead -- the first paragraph, which tells the key event -- dates it only
vaguely ("recently", "earlier this year", "in recent weeks", "some time
ago") and names no day or period anywhere in the paragraph or in the first
sentences of the next; or, when the
article has a publication date, the lead dates the event more than two
months before it while giving no recent date at all. Old events retold as news, and news whose date the
reader cannot check, are a staple of recycled and misleading stories. The
vague words are ignored inside quotations, in relative clauses that give
background ("who recently quit the party"), and when they frame a trend
("in recent years").
Ships off by default (judged on the BBC corpus, its findings are true but rarely worth acting on; docs/quality.md): turn it on with
`--enable stale-or-vague-time`.]],

  check = function(doc, report)
    local lead = timeref.lead(doc)
    if #lead == 0 then
      report.trace("the article has no lead: no first paragraph")
      return
    end
    local dated, recent, vague = false, false, nil
    local oldest, oldest_age
    for _, s in ipairs(lead) do
      for _, t in ipairs(timeref.find(s)) do
        if t.kind == "specific" or t.kind == "relative" then
          dated = true
          local age = timeref.age_days(doc, t)
          if age then
            if age > STALE_DAYS then
              if t.quoted then
                report.trace(("dated %d days before publication, but inside a quotation"):format(age), t)
              elseif not oldest_age or age > oldest_age then
                oldest, oldest_age = t, age
              end
            else
              recent = true
            end
          elseif t.kind == "specific" or RECENT_PERIOD:test(t.text) then
            recent = true                -- "on Monday", "last week", "this month"
          end
        elseif t.kind == "vague" and t.quoted then
          report.trace("a vague time inside a quotation", t)
        elseif t.kind == "vague" and not vague then
          local before = doc.body:sub(s.start + 1, t.start)
          if relative_clause:test(before) then
            report.trace("a vague time in a background clause ('who recently quit', 'since ...')", t)
          else
            vague = t
          end
        elseif t.kind == "trend" then
          report.trace("frames a trend ('in recent years'), not the key event", t)
        end
      end
    end
    -- the key event is the most recent time the lead gives: stale only
    -- when every date is old ("up from 87% in 2021" beside "on Wednesday"
    -- is a baseline, not the event)
    if oldest and not recent then
      report {
        at = oldest,
        message = ("key event dated '%s', %d days before publication"):format(oldest.text, oldest_age),
        evidence = { time = oldest.text, age_days = oldest_age, published = doc.published },
      }
      return
    end
    if oldest then
      report.trace(("%d days before publication, but the lead also gives a recent time: "
                    .. "a baseline, not the key event"):format(oldest_age), oldest)
    end
    if vague and dated then
      report.trace("the lead also names a day or period, which dates the key event", vague)
    elseif vague and second_paragraph_dated(doc) then
      report.trace("the first sentences of the next paragraph date the key event", vague)
    elseif vague then
      report {
        at = vague,
        message = ("key event dated only '%s'"):format(vague.text),
        score = 0.8,
        evidence = { time = vague.text },
      }
    elseif not oldest then                -- nothing in the lead to flag
      if not dated then
        report.trace("the lead has no date, and no vague time outside quotations and background clauses")
      elseif not timeref.published(doc) then
        report.trace("the lead dates the key event; with no publication date, none of its dates "
                     .. "can be stale")
      else
        report.trace(("the lead dates the key event, and no date in it outside quotations is more than "
                      .. "%d days before publication"):format(STALE_DAYS))
      end
    end
  end,

  examples = {
    flag = {
      "Valdoria recently signed a deal with Merovia to build a naval shipyard, media reports said.",
      "Earlier this year the minister approved a $2bn contract for the port.",
      "In recent weeks, Kestrian troops have massed on the border, according to reports.",
      "The company quietly closed two plants some time ago, putting 400 jobs at risk.",
      -- (the stale-date branch needs doc.published, which examples cannot
      -- carry yet; tests/stdlib/timeref_test.lua covers timeref.age_days)
    },
    pass = {
      -- a day named in the lead
      "Valdoria signed a deal with Merovia on Monday to build a naval shipyard.",
      -- the vague time is background in a relative clause
      "Robert Kilroy-Silk, who recently quit the party, launched a new one on Wednesday.",
      -- a trend, not an event
      "Mobile phone sales have soared in recent years.",
      -- a vague time outside the lead
      "The minister approved the contract on Monday.\n\nHe had recently met the bidders.",
      -- inside a quotation
      "\"We recently signed a deal,\" the minister said on Tuesday.",
      -- "earlier this year" beside a named day: the day dates the event
      "The minister, appointed earlier this year, resigned on Friday.",
    },
  },
}
