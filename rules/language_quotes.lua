-- rules/language_quotes.lua — quotations and who said them.

local quotes = require "spindle.quotes"

rule {
  id       = "unattributed-quote",
  title    = "Quotation with no speaker",
  severity = "medium",
  weight   = 0.4,
  tags     = { "quotes", "sourcing" },
  needs    = { "\"", "\u{201C}", "\u{201D}", "\u{201E}" },
  description = [[
Words in quotation marks that no one is said to have spoken: no speech
verb or speaker tag in the sentences the quotation lies in ('..., he said'),
none in the sentence before or after it in the paragraph, no colon
introducing it ('The minister was blunt: "..."'), no quotation it carries
on from, and no person opening the sentence before it. A quotation lends a
claim the authority of a witness; without a speaker it is an assertion
dressed as testimony, and a common way to slip an invented remark into a
story. Short quoted terms -- scare quotes, labels, nicknames, titles ('the
"smear" tactics', 'the film "Ray"') -- are not speech and are not flagged.
A quotation that opens the article with its speaker named only further
down scores lower.]],

  check = function(doc, report)
    for _, q in ipairs(quotes.all(doc)) do
      if q.kind == "speech" and not quotes.attributed(q) then
        report {
          at = q,
          message = ("quotation with no speaker (%d words)"):format(q.words),
          score = q.words >= 8 and 1.0 or 0.8,
          evidence = { quote = #q.text > 120 and q.text:sub(1, 117) .. "..." or q.text,
                       words = q.words },
        }
      end
    end
  end,

  examples = {
    flag = {
      "The deal collapsed on Friday.\n\n\"We were never going to sign a contract on those terms.\"",
      "Tensions rose after the vote. \"The government has lost control of the border and everyone knows it.\"",
      "\"Nothing has been decided about the future of the plant.\" The factory employs 400 people.",
      "Shares fell 5% on Monday. \"This is a disaster for small investors who trusted the board.\"",
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
      -- a scare quote and a title are not speech
      "The party denied it was running a \"smear\" campaign.",
      "The film \"Million Dollar Baby\" won four Oscars.",
      -- a partial quotation inside a sentence whose subject is the speaker
      "Labour claims the policy is little more than a \"desperate attempt to catch up\".",
      -- the sentence before names the speaker
      "Doug Kaye, a podcaster, praises the former VJ. \"Adam created a simple script that solved what we call the last mile problem.\"",
    },
  },
}
