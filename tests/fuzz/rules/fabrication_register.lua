-- rules/fabrication_register.lua — a story told in a sensational voice.

local register = require "spindle.register"

-- "3 caps, 2 exclaim": the kinds of mark found, most frequent first.
local function kinds_text(kinds)
  local list = {}
  for kind, n in pairs(kinds) do list[#list + 1] = { kind = kind, n = n } end
  table.sort(list, function(a, b)
    if a.n ~= b.n then return a.n > b.n end
    return a.kind < b.kind
  end)
  for i, k in ipairs(list) do list[i] = k.n .. " " .. k.kind end
  return table.concat(list, ", ")
end

rule {
  id       = "sensational-register",
  title    = "Sensational register in the writer's own voice",
  severity = "medium",
  weight   = 0.5,
  tags     = { "language", "register", "fabrication" },
  -- No `needs`: the strongest marks are capitals ("it is NOT safe"), which
  -- a caseless prefilter cannot see; the check is one pattern over the body.
  description = [[
An article whose own voice shouts. Each of these is enough: a shouted label
("BREAKING:", "BOOM!", "ALERT -"), a run of three or more words in capitals
inside a sentence ("doctors were told to RECORD ANY CAUSE OF DEATH"), one
word in capitals for emphasis ("the hospitals had ZERO patients", "it is
NOT safe"), "?!", one-word sentences for effect ("Dead. On. Arrival."), and
clickbait ("you won't believe"). "Shocking", "bombshell" and
"jaw-dropping" count half; exclamation marks, single or doubled, count
little and never more than half together, so they alone are not enough.
News written to be checked does not raise its voice; fabricated stories do
it to carry the reader past the missing evidence. Reported once per
article, at its strongest mark, with the number and kinds of marks in
evidence; the score grows with their density (marks per 1,000 words).
Not flagged: anything inside a quotation or single quotes, embedded social
media posts, readers' comments appended to an article (language.voice
"reader"), acronyms (NATO, BBC, US, COVID-19), headings and labels in
capitals (a line or sentence that opens with them, or a title after a
colon), names that end in "!" ("Wham!", "Yahoo!"), abbreviations ("Mr.
Dr. St."), and hype words that someone else is reported as saying ("a
committee of MPs called the levels shocking").]],

  check = function(doc, report)
    local tally = register.sensational_tally(doc)
    if #tally.marks == 0 then
      report.trace("no sensational mark in the writer's own voice (quotations, embedded posts, readers' "
                   .. "comments, acronyms and headings are not the writer's)")
      return
    end
    local top = tally.strongest
    local kinds = kinds_text(tally.kinds)
    if tally.strength < 1 then
      report.trace(("its marks weigh %.2f together, under 1 (%s; exclamation marks count at most %.2f)")
                   :format(tally.strength, kinds, register.punctuation_cap), top)
      return
    end
    report {
      at = top,
      message = ("sensational register: %d mark%s (%s)"):format(#tally.marks,
        #tally.marks == 1 and "" or "s", kinds),
      score = math.min(1, 0.5 + 0.1 * tally.density),
      evidence = { strongest = top.text, kind = top.kind, marks = #tally.marks, kinds = kinds,
                   density = math.floor(tally.density * 10 + 0.5) / 10 },
    }
  end,

  examples = {
    flag = {
      "BREAKING: The health minister has quietly approved the Kestrian vaccine contract.",
      "BOOM! The report the ministry buried has finally surfaced.",
      "The new rules tell doctors to RECORD EVERY DEATH AS COVID even without a test.",
      "Of the thirty field hospitals built for the surge, most had ZERO patients.",
      "The minister's plan for the shipyard? Dead. On. Arrival.",
      "You won't believe what the council approved behind closed doors last night.",
      "The board approved the merger and then hid the vote from shareholders?!",
      -- half marks and exclamations together
      "It is a bombshell! The agency hid the trial data from everyone!",
    },
    pass = {
      -- acronyms, not emphasis
      "NATO and the EU met US officials at the BBC studios in London.",
      -- a heading in capitals that opens its sentence
      "WHEN AND WHERE The first Academy Awards were handed out in 1929 at a banquet.",
      -- a title quoted in capitals after a colon
      "The header of the letter was bland: REQUEST FOR ASSISTANCE IN RESPONSE TO THE PANDEMIC.",
      -- inside a quotation
      "\"This is NOT over!! We will fight it!\" the union leader told the rally.",
      -- names that end in an exclamation mark
      "Michael discussed his early days in Wham! and the band OutRage! joined the protest.",
      -- exclamation marks alone, even doubled
      "Tourists were surprised to find the museum closed on a Monday!! Staff were ill!",
      -- "shocking" said by someone else
      "Deaths in custody have reached shocking levels, a committee of MPs has warned.",
      -- abbreviations, not one-word sentences
      "The letter was addressed to Mr. Dr. St. John at the rectory.",
      -- readers' comments appended to an article
      { body = "The band won three awards on Tuesday, the organisers said.\n\n"
          .. "I think they deserved ALL of it!!\n\nWhat a joke. I never liked them!\n\n"
          .. "My kids love them, so I'm happy for them!" },
    },
  },
}
