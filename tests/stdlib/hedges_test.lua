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

-- Real sentences (BBC news, 2004-05): { sentence, first hedge, kind, governs }
local bbc = {
  { "The chip is reported to be up to 10 times faster than current processors.", "is reported to", "reported", true },
  { "It is believed more than 270 hunts went out on Saturday, just one day after the ban came in.", "It is believed", "belief", true },
  { "Inter are reported to have slapped a price tag in the region of £40m on the head of Adriano.", "are reported to", "reported", true },
  { "Sony is thought to be preparing pre-packaged movies and music for the PSP.", "is thought to", "belief", true },
  { "It is thought that the fake site is being run from Romania.", "It is thought", "belief", true },
  { "French actress Audrey Tautou will play the female lead in the film, it has been reported.", "it has been reported", "reported", true },
  { "Jemima Khan reportedly left her iPod, phone and purse in a cab.", "reportedly", "reported", true },
  { "It is understood meetings will be held on Wednesday about the proposal.", "It is understood", "belief", true },
  { "A company of 100-120 UK troops is understood to have been put on standby.", "is understood to", "belief", true },
  { "The Skulls program is thought to have been written by a malicious hacker.", "is thought to", "belief", true },
  { "Mary Poppins was created by Pamela Travers, who is said to have cried when she saw the film.", "is said to", "said", true },
  -- legal caution: the allegation is the charge's
  { "Kenteris and Thanou also face criminal charges in Greece for allegedly faking the accident.", "allegedly", "alleged", false },
  { "Rap mogul Marion Knight has been arrested for violating his parole after he was allegedly found with marijuana.", "allegedly", "alleged", false },
  { "Twenty-eight people have been arrested after a global operation against a website allegedly involved in identity fraud.", "allegedly", "alleged", false },
  -- a cited book carries the claim
  { "In Mr Peston's book Mr Brown is alleged to have told the prime minister he could not trust him.", "is alleged to", "alleged", false },
  -- a question asserts nothing
  { "Is it believed that the talks will resume?", "it believed", nil, nil },
  -- quoted and attributed
  { "\"The chip is reportedly ten times faster,\" an IBM spokesman said.", "reportedly", "reported", false },
  { "Sony said the console was apparently selling well.", "apparently", "adverb", false },
  -- weasel words and speculation
  { "Questions have been raised about the funding of the scheme.", "Questions have been raised", "weasel", true },
  { "Some argue the tax will hit the poorest hardest.", "Some argue", "weasel", true },
  { "Shares rose amid speculation of a bid from a US rival.", "amid speculation", "speculation", true },
  { "Unconfirmed reports said the minister had resigned.", "Unconfirmed reports", "reported", true },
}
for _, c in ipairs(bbc) do
  local h = hedges.find(doc_of(c[1]):sentences()[1])[1]
  if c[3] == nil then
    check(h == nil or not h.governs, c[1] .. ": a question governs nothing")
  else
    check_eq(h and h.text, c[2], c[1] .. ": hedge")
    check_eq(h and h.kind, c[3], c[1] .. ": kind")
    check_eq(h and h.governs, c[4], c[1] .. ": governs")
  end
end

-- the flags behind governs
local legal = hedges.find(doc_of("He was charged with allegedly stealing $40,000."):sentences()[1])[1]
check(legal.legal and not legal.governs, "legal caution")
local q = hedges.find(doc_of("Was the deal reportedly signed?"):sentences()[1])[1]
check(q.question and not q.factual and not q.governs, "a question")
local cited = hedges.find(doc_of("In his memoir, the general is said to have ordered the retreat."):sentences()[1])[1]
check(cited.attributed and not cited.governs, "a cited memoir carries the claim")
-- the claim span: the clause, cut at semicolons
local d = doc_of("Talks ended on Monday; the firm is believed to be in debt; shares fell.")
local h = hedges.find(d:sentences()[1])[1]
check_eq(d.body:sub(h.claim.start + 1, h.claim.stop), " the firm is believed to be in debt",
         "claim: the clause between semicolons")
-- memoised per sentence
local s1 = doc_of("He reportedly left."):sentences()[1]
check_eq(hedges.find(s1), hedges.find(s1), "the same list for the same sentence")
check(s1.doc.cache["spindle.hedges"] ~= nil, "kept in doc.cache")
-- the legal words are a lexicon too
hedges.lexicon.legal:add("tribunal hearing")
check(hedges.lexicon.legal:has("tribunal hearing"), "the legal lexicon can be extended")
