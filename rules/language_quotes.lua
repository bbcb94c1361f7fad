-- rules/language_quotes.lua — quotations and who said them.

local quotes = require "spindle.quotes"
local language = require "spindle.language"

-- Voices whose quotations are not the reporter's sourcing: a reader's
-- comment or a first-person column quoting something.
local NOT_REPORTING = { reader = true, opinion = true }

-- Why quotation q is not one with no speaker, or nil when it is: speech,
-- not a phrase inside the reporter's sentence, in the reporting's voice,
-- and with no speaker (quotes.attributed). Tested in this order.
local function passed_over(q)
  if q.kind ~= "speech" then
    return ("a %s, not speech: a scare quote, a label, a name or a title"):format(q.kind)
  end
  if q.partial then return "a phrase quoted inside the reporter's own sentence, not testimony" end
  local voice = language.voice(q.sentence)
  if NOT_REPORTING[voice] then return ("not the reporting (voice: %s)"):format(voice) end
  if quotes.attributed(q) then
    return "it has a speaker: a tag, a colon, or one carried on or named nearby"
  end
  return nil
end

rule {
  id       = "unattributed-quote",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Quotation with no speaker",
  severity = "medium",
  weight   = 0.4,
  tags     = { "quotes", "sourcing" },
  needs    = { "\"", "\u{201C}", "\u{201D}", "\u{201E}" },
  description = [[
A quotation of speech that no one is said to have spoken, nowhere around it:
no speech verb or speaker tag in the sentences it lies in ('..., he
said'), no colon introducing it ('The minister was blunt: "..."'), no
speaker earlier in its paragraph, none carried on from a quotation with a
speaker or a named speaker in the two paragraphs before (news style: a
paragraph of pure quotation continues the last named speaker), no person
opening a sentence before it in its paragraph, not an interview answer (a
paragraph opening with ":" or "Q:"/"A:"), and not a quotation opening its
paragraph whose speaker the next sentence names. A quotation lends a claim
the authority of a witness; without a speaker it is an assertion dressed as
testimony, and a common way to slip an invented remark into a story. Only
quotations that stand as sentences count: a phrase quoted inside the
reporter's own sentence ('will reward an author for "continued
creativity"', '"Taking responsibility for tough choices" is the theme') is
the wording of a document, a label or a title, not testimony; nor do
scare quotes, nicknames and titles, or quotations in readers' comments and
first-person columns (spindle.language's voice). A chain of unattributed
quotations is reported once, at its first.
Ships off by default (its precision outside carefully sourced news is about one in two (interview pull-quotes without markers); docs/quality.md): turn it on with
`--enable unattributed-quote`.]],

  check = function(doc, report)
    local reported_last = false                 -- the quotation before was reported
    local prev
    for _, q in ipairs(quotes.all(doc)) do
      local chained = prev and reported_last
          and (q.continued or prev.last.paragraph == q.paragraph)
      reported_last = false
      local why = passed_over(q)
      if why then
        report.trace(why, q)
      else
        reported_last = true
        if chained then
          report.trace("goes on from an unattributed quotation, reported at the first of the chain", q)
        else
          report {
            at = q,
            message = ("quotation with no speaker (%d words)"):format(q.words),
            score = q.words >= 8 and 1.0 or 0.8,
            evidence = { quote = #q.text > 120 and q.text:sub(1, 117) .. "..." or q.text,
                         words = q.words },
          }
        end
      end
      prev = q
    end
  end,

  examples = {
    flag = {
      "The deal collapsed on Friday.\n\n\"We were never going to sign a contract on those terms.\"",
      "Tensions rose after the vote. \"The government has lost control of the border and everyone knows it.\"",
      "\"Nothing has been decided about the future of the plant.\" The factory employs 400 people.",
      "Shares fell 5% on Monday. \"This is a disaster for small investors who trusted the board.\"",
      -- a match report ending in quotations whose speaker is never named
      "A late header earned Rovers a draw at home.\n\n\"I felt we did enough to win the game even though the first half was poor. \"We dominated after the break.\"",
    },
    pass = {
      -- a speaker tag after the quotation
      "\"We were never going to sign,\" the minister said.",
      -- introduced with a colon
      "The minister was blunt: \"We will not sign a contract on those terms.\"",
      -- a quotation carried on from the sentence before, same speaker
      "\"We were never going to sign,\" she said. \"The terms were insulting to our workers.\"",
      -- a long quotation running over two paragraphs (news style)
      "Ambassador Ilan Teodorov said: \"Kestria has spent years spreading rumours.\n\n\"It will not succeed, and our partnership will grow.\"",
      -- the speaker carried across a paragraph of the reporter's sentences
      "\"Everyone at the club has been waiting for this game,\" said Campbell.\n\nSpeaking on his plans, the defender signalled his intent to move abroad. \"I'm 30 now and in five years' time I won't be in this country.\"",
      -- an interview: the answers open with a colon
      "Rob Partridge, Marley's head of press, remembers the man.\n\n: \"I joined Island Records in 1977 and the first week I worked on his show.\"",
      -- the sentence after names who asked
      "\"Do you have it in your heart? How much do you hate to lose?\"\n\nThese are the questions Jimmy Connors will be asking of young players.",
      -- a scare quote and a title are not speech
      "The party denied it was running a \"smear\" campaign.",
      "The film \"Million Dollar Baby\" won four Oscars.",
      -- phrases quoted inside the reporter's sentence
      "The prize will reward an author for \"continued creativity, development and overall contribution to fiction on the world stage\".",
      "\"Taking responsibility for tough choices\" is this year's official talking point.",
      -- a partial quotation inside a sentence whose subject is the speaker
      "Labour claims the policy is little more than a \"desperate attempt to catch up\".",
      -- the sentence before names the speaker
      "Doug Kaye, a podcaster, praises the former VJ. \"Adam created a simple script that solved what we call the last mile problem.\"",
      -- a document's wording, introduced by a colon
      "The referendum question has been unveiled.\n\nIt will be: \"Should the United Kingdom approve the treaty?\"",
      -- a reader's comment quoting a song
      "The song won the vote on Wednesday.\n\nI think it was a poor choice! \"How Soon is Now?\" was far better.\n\nWhat a joke! I voted for Queen.\n\nI can't believe it won. My vote went elsewhere.",
    },
  },
}
