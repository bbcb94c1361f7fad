-- spindle.register: sensational marks, unchecked confirmations, unplaced speech.
-- Flag cases are written for the project; pass cases marked BBC are real
-- sentences (BBC news, 2004-05).
local register = require "spindle.register"

-- The kinds of the marks in a text, in order, joined: "caps,exclaim".
local function mark_kinds(text)
  local out = {}
  for _, m in ipairs(register.sensational(doc_of(text))) do out[#out + 1] = m.kind end
  return table.concat(out, ",")
end

-- { text, kinds of its marks (in order), first mark's text }
local marked = {
  { "BREAKING: The minister has approved the vaccine contract.", "alarm", "BREAKING" },
  { "BOOM! The buried report has surfaced.", "alarm", "BOOM" },
  { "The rules tell doctors to RECORD EVERY DEATH AS COVID without a test.", "caps", "RECORD EVERY DEATH AS COVID" },
  { "Most of the field hospitals had ZERO patients.", "emphasis", "ZERO" },
  { "The plan for the shipyard? Dead. On. Arrival.", "staccato", "Dead. On. Arrival." },
  { "You won't believe what the council approved.", "clickbait", "You won't believe" },
  { "The board hid the vote from shareholders?!", "interrobang", "?!" },
  { "The ministry knew and said nothing!! Now it is out!", "emphatic,exclaim", "!!" },
  { "It was a bombshell report.", "hype", "bombshell" },
}
for _, c in ipairs(marked) do
  check_eq(mark_kinds(c[1]), c[2], c[1] .. ": kinds")
  local first = register.sensational(doc_of(c[1]))[1]
  check_eq(first and first.text, c[3], c[1] .. ": text")
end

-- not the writer's sensational voice
for _, t in ipairs({
  -- acronyms and a run of acronyms
  "NATO and the EU met US officials at the BBC studios.",
  "The US FDA CDC panel met in Atlanta.",
  -- in a quotation, in single quotes
  "\"This is NOT over!!\" the union leader said.",
  "The slogan 'NO MORE LIES' was painted on the wall.",
  -- a title after a colon
  "The header was bland: REQUEST FOR ASSISTANCE IN RESPONSE TO THE PANDEMIC.",
  -- abbreviations
  "The letter was addressed to Mr. Dr. St. John.",
  -- an embedded post
  "THIS IS HUGE NEWS for everyone pic.twitter.com/abc — Jo (@jo) May 1, 2020",
  -- BBC: names that end in "!", a heading that opens its sentence, quoted hype
  "It was later memorably spoofed in the 1980 comedy Airplane!, starring Leslie Nielsen.",
  "It features the singer talking about both his career and his personal life, from his days in Wham! through to more recent events.",
  "Brett Lock of gay group OutRage! said they were \"wiping the slate clean\".",
  "WHEN AND WHERE The tradition of holding the awards at a banquet continued until 1942 but with increasing interest came a growing guest list and it became impractical to host it as a dinner.",
  "Deaths in custody have reached \"shocking\" levels, a committee of MPs and peers has warned.",
}) do
  check_eq(mark_kinds(t), "", t .. ": no mark")
end

-- readers' comments appended to an article are not the article's voice
local comments = doc_of("The band won three awards on Tuesday, the organisers said.\n\n"
  .. "I think they deserved ALL of it!!\n\nWhat a joke. I never liked them!\n\n"
  .. "My kids love them, so I'm happy for them!")
check_eq(#register.sensational(comments), 0, "readers' comments")

-- the tally: weights, the cap on exclamation marks, the strongest mark
local t = register.sensational_tally(doc_of("Staff were ill!! The museum closed! Nobody came! We left!"))
check_eq(t.strength, register.punctuation_cap, "exclamation marks weigh at most the cap")
check_eq(t.kinds.exclaim, 3, "three single exclamation marks")
check_eq(t.strongest.text, "!!", "the strongest mark is the first of the heaviest")
t = register.sensational_tally(doc_of("The agency hid the data from ALL of us! It was a bombshell!"))
check_eq(t.strength, 1 + 0.5 + 0.5, "emphasis, hype and capped exclamations")
check_eq(t.strongest.kind, "emphasis", "strongest kind")
check(t.density > 0 and t.words == 13, "density per 1,000 words")
-- BBC: a reviewer's "jaw-dropping" is a mark, but weighs half
t = register.sensational_tally(doc_of("On our test machine everything ran at full quality without trouble, and the visual experience was simply jaw-dropping."))
check_eq(t.strength, 0.5, "hype alone is not sensational")
check_eq(register.sensational_tally(doc_of("Nothing to see here.")).strongest, nil, "no mark")

-- confirmations: { text, words, kind }
local confirmed = {
  { "We have confirmed that the minister signed the contract in secret.", "We have confirmed", "first-person" },
  { "I can reveal that the trial was halted in March.", "I can reveal", "first-person" },
  { "I have now learned from reliable sources that the president knew.", "I have now learned from", "first-person" },
  { "The Herald can exclusively reveal that the plant will close.", "can exclusively reveal", "exclusive" },
  { "The paper has learned exclusively that the bid failed.", "learned exclusively", "exclusive" },
  { "EXCLUSIVE: The mayor's office ordered the data deleted.", "EXCLUSIVE", "exclusive" },
  { "Our sources confirm the border will close on Friday.", "Our sources confirm", "sources" },
  { "Insiders have confirmed that 2,000 jobs will go.", "Insiders have confirmed", "sources" },
  { "The vaccine was withdrawn, according to reliable sources.", "according to reliable sources", "sources" },
}
for _, c in ipairs(confirmed) do
  local found = register.confirmations(doc_of(c[1]))[1]
  check_eq(found and found.text, c[2], c[1] .. ": words")
  check_eq(found and found.kind, c[3], c[1] .. ": kind")
end
for _, t in ipairs({
  -- a checkable source beside it; another outlet's claim, reported
  "We have confirmed with the Home Office that the scheme will close.",
  "The Sun said it could exclusively reveal the singer's plans.",
  -- BBC: quoted, an exclusive interview, exclusive rights, agentless confirmation
  "\"I can confirm that BaFin has passed through the case to the public prosecutor,\" a BaFin spokeswoman said.",
  "But Parry, speaking exclusively to BBC Sport, also admits Gerrard, who has been constantly linked with Chelsea, will have the final say on his future.",
  "Sky said it was \"honoured to have won exclusive broadcasting rights\" and promised to cover the event \"in a way no other broadcaster could\".",
  "Fans who buy tickets for this year's Glastonbury festival will be issued with photo ID cards in an attempt to beat touts, it has been confirmed.",
}) do
  check_eq(#register.confirmations(doc_of(t)), 0, t .. ": no confirmation claim")
end

-- unplaced speech: { text, words, kind }
local unplaced = {
  { "The commissioner was quoted as saying that the vaccine would be compulsory.", "was quoted as saying", "quoted-as" },
  { "\"We will never allow this,\" the general is quoted as saying.", "is quoted as saying", "quoted-as" },
  { "The former minister was once quoted saying that the ports were for sale.", "was once quoted saying", "quoted-as" },
  { "A spokesman has been widely quoted as saying the quarantine is pointless.", "been widely quoted as saying", "quoted-as" },
  { "The governor reportedly said the lockdown would last all year.", "reportedly said", "reportedly" },
  { "The ambassador is said to have told colleagues that the deal was done.", "is said to have told", "said-to-have" },
  -- BBC: no where or when in the article near it
  { "Home Secretary Charles Clarke has been quoted as telling Labour members he wants more migrants to come to the UK.", "been quoted as telling", "quoted-as" },
}
for _, c in ipairs(unplaced) do
  local found = register.unplaced_speech(doc_of(c[1]))[1]
  check_eq(found and found.text, c[2], c[1] .. ": words")
  check_eq(found and found.kind, c[3], c[1] .. ": kind")
end
for _, t in ipairs({
  -- when: a day
  "The minister was quoted on Tuesday as saying that the talks had failed.",
  -- where: the sentence before names the interview
  "A Tory MP spoke to the Daily Mail about the prime minister. The MP reportedly said he had returned too soon.",
  -- where: a court
  "The jury heard that Smith allegedly told his neighbour he would burn the house down.",
  -- "recently" is no when, but the outlet is named
  "The minister was recently quoted as saying by Reuters that the plant would close.",
  -- BBC: an outlet after "by", a record, a book, the outlet two sentences on
  "\"I demand better transparency,\" he is quoted as saying by Germany's Manger Magazin.",
  "The foreign ownership issue will be dealt with according to Russia's competition law, natural resources minister Yuri Trutnev was quoted as saying by the Interfax news agency.",
  "The document reportedly said: \"We're looking for the resurrection of the British Empire.\"",
  "In Mr Peston's book Mr Brown is alleged to have told the prime minister: \"There is nothing you could ever say to me now that I could ever believe.\"",
  "Indonesia no longer needs the debt freeze offered by the Paris Club group of creditors, Economics Minister Aburizal Bakrie has reportedly said.\n\n"
    .. "Indonesia, which originally accepted the debt moratorium offer, owes the Paris Club about $48bn (£25.5bn). "
    .. "Mr Bakrie told the Bisnis Indonesia newspaper that a $1.7bn donors' aid package meant that the debt moratorium was unnecessary.",
}) do
  check_eq(#register.unplaced_speech(doc_of(t)), 0, t .. ": placed")
end

-- lexicons extend in one line
register.lexicon.alarms:add("SCANDAL")
check_eq(mark_kinds("SCANDAL: the mayor resigned."), "alarm", "an added alarm")
register.lexicon.alarms:remove("SCANDAL")
check_eq(mark_kinds("SCANDAL: the mayor resigned."), "", "a removed alarm")
