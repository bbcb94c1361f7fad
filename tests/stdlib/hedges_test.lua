-- spindle.hedges: hedges, kinds, and whether they govern a claim.
local hedges = require "spindle.hedges"

-- { sentence, first hedge text, kind, governs }
local cases = {
  { "The minister reportedly received $2 million.", "reportedly", "reported", true },
  { "The company allegedly hid losses.", "allegedly", "alleged", true },
  { "It is believed that the two sides met in Geneva.", "It is believed", "belief", true },
  { "The general is said to have ordered the withdrawal.", "is said to", "said", true },
  { "The deal was signed, according to reports.", "according to reports", "reported", true },
  { "He is understood to have resigned.", "is understood to", "belief", true },
  { "Critics say the plan is too expensive.", "Critics say", "weasel", true },
  { "She apparently goes to him for help.", "apparently", "adverb", true },
  { "The alleged attacker appeared in court.", "alleged", "adjective", false },
  { "Prosecutors said the man allegedly stole $40,000.", "allegedly", "alleged", false },
  { "\"He reportedly took the money,\" Ambassador Ilan Teodorov said.", "reportedly", "reported", false },
  { "Police Chief Anna Berg said the suspect is believed to have fled.", "is believed to", "belief", false },
}
for _, c in ipairs(cases) do
  local list = hedges.find(doc_of(c[1]):sentences()[1])
  local h = list[1]
  check_eq(h and h.text, c[2], c[1] .. ": hedge")
  check_eq(h and h.kind, c[3], c[1] .. ": kind")
  check_eq(h and h.governs, c[4], c[1] .. ": governs")
end
check_eq(#hedges.find(doc_of("The reporters met the unionised staff."):sentences()[1]), 0, "no hedge inside words")
check_eq(#hedges.governing(doc_of("Sources said he allegedly lied."):sentences()[1]), 1, "anonymous sources do not take responsibility")

-- needs follows the lexicon
local function has(list, w) for _, x in ipairs(list) do if x == w then return true end end return false end
check(has(hedges.needs(), "reportedly"), "needs has reportedly")
check(not has(hedges.needs(), "alleged"), "needs leaves out adjectives")
hedges.lexicon.hedges:add_as("belief", "rumour has it that")
check(has(hedges.needs({ belief = true }), "rumour has it"), "a shorter phrase covers a longer one")
