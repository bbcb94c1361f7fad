-- spindle.sources: attribution types, scope, predicates.
local sources = require "spindle.sources"

-- { sentence, type of the best source, source phrase (or nil to skip) }
local cases = {
  { "The finance ministry said in a statement that the contract was signed.", "official-named", "The finance ministry" },
  { "Jane Doe, the foreign minister, said the deal was off.", "official-named", "Jane Doe, the foreign minister" },
  { "Ambassador Denis Ivanov told reporters the talks were over.", "official-named", "Ambassador Denis Ivanov" },
  { "The Kremlin said the reports were false.", "official-named", "The Kremlin" },
  { "According to the ministry, the contract is worth Rs 3,000 crore.", "official-named", "the ministry" },
  { "The claims were denied by the ministry.", "official-named", "the ministry" },
  { "\"We will appeal,\" said the company's lawyer, Ann Cole.", "official-named", nil },
  { "Officials said the talks had stalled.", "official-unnamed", "Officials" },
  { "A ministry spokesperson said the deal was under review.", "official-unnamed", "A ministry spokesperson" },
  { "Two Russian diplomats said the talks had stalled.", "official-unnamed", "Two Russian diplomats" },
  { "Police said the man had fled.", "official-named", "Police" },
  { "Documents seen by the BBC show the payments were made in 2020.", "document", nil },
  { "The agreement, a copy of which was seen by Reuters, runs to 40 pages.", "document", nil },
  { "According to the indictment, the contracts were worth $41m.", "document", nil },
  { "(Reuters) - Acme agreed to buy Beta for $5bn.", "wire", "Reuters" },
  { "Based on PTI report", "wire", "PTI" },
  { "Media reports said the deal was close.", "media", "Media reports" },
  { "The deal was signed, according to reports in the local press.", "media", nil },
  { "Kommersant reported that the deal was worth 2.5 billion roubles.", "media", "Kommersant" },
  { "The deal was first reported by Kommersant, a Moscow daily.", "media", "Kommersant" },
  { "Sources said the minister would resign.", "anonymous", "Sources" },
  { "The plant will close, according to Russian sources.", "anonymous", "Russian sources" },
  { "The firm is preparing a bid, people familiar with the matter said.", "anonymous", "people familiar with the matter" },
  { "Insiders said the board had approved the sale.", "anonymous", "Insiders" },
  { "An official, who spoke on condition of anonymity, said the talks collapsed.", "anonymous", nil },
  { "\"It is fabricated,\" said a senior official who asked not to be named.", "anonymous", nil },
  { "The BBC understands the deal is worth £50m.", "anonymous", "The BBC" },
  { "Experts say the deal is worth more than $2bn.", "expert", "Experts" },
  { "Analyst Priya Rao of Meridian Capital said the firm was cheap.", "expert", nil },
  { "Mr Smith told the BBC he had not been paid.", "named", "Mr Smith" },
  { "Critics say the plan is too expensive.", "other", "Critics" },
  { "The deal is said to be worth $3bn.", "none", nil },
  { "The minister said the country needed new sources of energy.", "official-named", "The minister" },
  { "Stuart Cohen, chief executive of Open Source Development Labs, said it would help.", "official-named", nil },
}
for _, c in ipairs(cases) do
  local d = doc_of(c[1])
  local s = d:sentences()[1]
  local best, a = sources.best(s)
  check_eq(a and a.type or "none", c[2], c[1] .. ": type")
  if c[3] then check_eq(a and a.source, c[3], c[1] .. ": source") end
  if a then check_eq(d.body:sub(a.start + 1, a.stop), a.text, c[1] .. ": span") end
end

-- scope: pronouns, continued quotations, surnames, paragraphs
local d = doc_of("The minister arrived in Delhi. He said the agreement would be signed soon.")
local _, a = sources.best(d:sentences()[2])
check_eq(a and a.type, "official-named", "He -> the minister")
check_eq(a and a.carried, true, "carried")
d = doc_of("\"Kestria spreads rumours,\" Ambassador Ilan Teodorov said. \"It will not succeed.\"")
_, a = sources.best(d:sentences()[2])
check_eq(a and a.source, "Ambassador Ilan Teodorov", "a quotation's second sentence keeps its speaker")
d = doc_of("Ambassador Ilan Teodorov said the talks were over.\n\nThe weather was cold.\n\nLater, Teodorov said he would return.")
_, a = sources.best(d:sentences()[3])
check_eq(a and a.type, "official-named", "a surname that named an official")
d = doc_of("Officials called the reports fabricated and said the talks were routine.")
local list = sources.attributions(d:sentences()[1])
check_eq(#list, 2, "two verbs, one subject")
check_eq(list[2] and list[2].source, "Officials", "the coordinated verb keeps the subject")
d = doc_of("Acme will build the plant under a $900m contract. The ministry confirmed the award in a filing.")
check(not sources.official(d:sentences()[1]), "no official source in the sentence")
check(sources.official(d:sentences()[1], { scope = "paragraph" }), "an official source in the paragraph")
d = doc_of("Officials said the plant would close.")
check(not sources.official(d:sentences()[1]), "unnamed officials are not official by default")
check(sources.official(d:sentences()[1], { unnamed = true }), "unless asked")

-- anonymous_only
local anon = {
  { "Sources said the minister would resign.", true },
  { "Sources told Reuters the minister would resign.", true },
  { "Sources said the plant would close, and a company filing seen by reporters confirmed it.", false },
  { "\"Anonymous sources feed the press nonsense,\" Ambassador Ilan Teodorov said.", false },
  { "The prime minister's office declined to comment on the reports.", false },
  { "Officials said the talks had covered only trade.", false },
}
for _, c in ipairs(anon) do
  check_eq(sources.anonymous_only(doc_of(c[1]):sentences()[1]), c[2], c[1] .. ": anonymous_only")
end

-- lexicons extend in one line
check_eq((sources.classify("The Ombudsman")), "official-named", "Ombudsman is known")
check_eq((sources.classify("The Provost")), "named", "an unknown title: a capitalised name")
sources.lexicon.official_titles:add("Provost")
check_eq((sources.classify("The Provost")), "official-named", "after add")
sources.lexicon.official_titles:remove("Provost")

-- names_body: whether a source phrase names the body or outlet it speaks for
for phrase, want in pairs({
  ["Treasury officials"] = true,
  ["officials representing the Moscow Department of Health"] = true,
  ["Arab News"] = true,
  ["the Liverpool Echo newspaper"] = true,
  ["Uganda's New Vision newspaper"] = true,
  ["Officials"] = false,                      -- a sentence's first word, no name
  ["Russian officials"] = false,              -- a nationality
  ["Merovian officials"] = false,
  ["US officials"] = false,
  ["reports from Russia"] = false,            -- where the reports come from
  ["Reports"] = false,
  ["government officials on Monday"] = false,
  ["Local media"] = false,
}) do
  check_eq(sources.names_body(phrase), want, phrase .. ": names_body")
end
