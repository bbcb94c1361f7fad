-- spindle.sources on real sentences: single sentences quoted from the BBC
-- News corpus (../shared/corpora/bbc, 2004-2005), one per case.
local sources = require "spindle.sources"

-- { sentence, type of the strongest source, source phrase (nil: not checked) }
local best_cases = {
  -- official-named: named officials, institutions on the record
  { "Deputy Prime Minister John Prescott said a good deal had been secured.", "official-named", "Deputy Prime Minister John Prescott" },
  { "Home Secretary Charles Clarke told the Times he hoped agreement with several countries could be reached.", "official-named", "Home Secretary Charles Clarke" },
  { "The chief inspector of schools, David Bell, also said recently that GCSEs and A-levels should go.", "official-named", "The chief inspector of schools, David Bell" },
  { "EU Commission president Jose Manuel Barroso has indicated he wants the rebate to come to an end.", "official-named", "EU Commission president Jose Manuel Barroso" },
  { "The union says it is concerned about pensions, sick pay and forced relocation as well as the cut in jobs.", "official-named", "The union" },
  { "President Chavez added that Brazil's Petrobras could join soon the co-operation deal.", "official-named", "President Chavez" },
  { "Police Federation chairman Jan Berry said civilian officers should act as \"eyes and ears\" for the police.", "official-named", "Police Federation chairman Jan Berry" },
  { "Wal-Mart, the largest US retailer, has said its December sales are expected to be better than previously forecast.", "official-named", "Wal-Mart, the largest US retailer" },
  { "The German club said the player had pulled out because of a back injury.", "official-named", "The German club" },
  { "A Conservative spokeswoman said the party stuck to the rules when it rang TPS subscribers.", "official-named", "A Conservative spokeswoman" },
  { "The Vodafone spokesman said a similar process would be set in motion.", "official-named", "The Vodafone spokesman" },
  { "The rapper's spokesman said the allegations were \"untrue\".", "official-named", "The rapper's spokesman" },
  { "Registrars' spokesman, Mark Rimmer, said they welcomed the new marriage regulations.", "official-named", nil },
  { "\"Nothing like it has ever been seen in Ireland before,\" said Justin Green, spokesman for organisers MCD Promoters.", "official-named", nil },
  { "A spokesman for the British Casino Association, which represents the UK industry, said the government was trying to allay fears.", "official-named", nil },
  { "Tory headquarters says he cannot stand as a Conservative candidate.", "official-named", "Tory headquarters" },
  { "\"It is widely accepted that John Peel can never be replaced,\" said the radio station.", "official-named", "the radio station" },
  { "Russian President Vladimir Putin and the country's legal authorities have repeatedly said that the US has no jurisdiction over Yukos.", "official-named", nil },
  { "The tobacco companies deny that they illegally conspired to promote smoking.", "official-named", "The tobacco companies" },
  -- official-unnamed
  { "But officials said stagnant growth was still stifling the job market.", "official-unnamed", "officials" },
  { "A US company has pulled out of a major contract to rebuild Iraq's transport system, Pentagon officials have said.", "official-unnamed", "Pentagon officials" },
  { "Immigration officials said she had been warned about her visa last year.", "official-unnamed", "Immigration officials" },
  { "A senior defence official told the BBC lessons were being learned.", "official-unnamed", "A senior defence official" },
  { "An Investment Ministry official has told the Reuters news agency that the Bank of Alexandria will be sold sometime in 2005.", "official-unnamed", "An Investment Ministry official" },
  { "It lost a High Court action in October 2002 when a judge said the system was \"no more or less objectionable\" than a visa control system.", "official-unnamed", "a judge" },
  { "UK Muslims should accept that people of Islamic appearance are more likely to be stopped and searched by police, a Home Office minister has said.", "official-unnamed", "a Home Office minister" },
  { "O'Herlihy died at his home in Malibu, California, a spokesman said.", "official-unnamed", "a spokesman" },
  -- document
  { "The UK's jobless total rose for the second month in a row in December, official figures show.", "document", nil },
  { "About 80% of UK adults own at least one mobile, according to official figures.", "document", "official figures" },
  { "The Bank's minutes said that risks to the inflation forecast were \"sufficiently to the downside\".", "document", "The Bank's minutes" },
  { "The report warns firms to do a better job of policing documents as corporate compliance becomes more binding.", "document", "The report" },
  { "More than 674 million mobiles were sold last year globally, said the report, the highest total sold to date.", "document", "the report" },
  { "UK consumers are the biggest music buyers in the world, according to new figures released on Tuesday by the British Phonographic Industry (BPI).", "document", nil },
  { "Almost 83 million people have downloaded the software, according to the net telephony firm's website.", "document", nil },
  { "It plans to buy Associated Cement Companies, a Holcim statement said.", "document", "a Holcim statement" },
  -- wire
  { "Riots also flared up in the Maghnia region close to the border with Morocco in the west, AFP said.", "wire", "AFP" },
  { "Reuters news agency reported that Iraq's Oil Ministry has awarded the first post-war oilfield contracts.", "wire", "Reuters news agency" },
  { "According to the Reuters news agency, 35 of the companies sued on Thursday are Italian.", "wire", "the Reuters news agency" },
  { "Both men bought some of the bonds, the Associated Press news agency reported.", "wire", "the Associated Press news agency" },
  { "The official Xinhua News Agency said the arrest was linked to alleged embezzlement.", "wire", nil },
  -- media
  { "Reports suggest Liverpool will lift their offer to £5m.", "media", "Reports" },
  { "A delegation of European firms visited the SEC in December to press for change, the Financial Times reported.", "media", "the Financial Times" },
  { "The paper says it will go before the House of Commons on 23 February.", "media", "The paper" },
  { "Pan-European group Euronext is poised to launch a bid for the London Stock Exchange, UK media reports say.", "media", "UK media reports" },
  { "Tautou will play Hanks' code-cracking partner, according to various newspapers.", "media", "various newspapers" },
  { "The head of the Child Support Agency widely reported to have resigned three months ago is still at the helm.", "media", nil },
  { "Twenty-seven British films were made in the UK last year, according to the trade weekly.", "media", "the trade weekly" },
  -- anonymous
  { "Sources within the party told the BBC Mr Howard had always been in favour of ID cards.", "anonymous", "Sources within the party" },
  { "Tory sources say senior party figures had argued vociferously against the ID card scheme.", "anonymous", "Tory sources" },
  { "The party had now decided to come off the fence, the Tory source said.", "anonymous", "the Tory source" },
  { "Newcastle striker Craig Bellamy is discussing a possible short-term loan move to Celtic, BBC Sport understands.", "anonymous", "BBC Sport" },
  { "Tony Blair is likely to name 5 May as election day, the BBC's political editor has learned.", "anonymous", nil },
  { "However, one dealer, who asked not to be named, told Reuters the seasonal sales performance was \"not what people had hoped for\".", "anonymous", nil },
  { "Shanghai Automotive plans to shift production of the Rover 25 to China, sources close to the negotiations tell the FT.", "anonymous", "sources close to the negotiations" },
  -- expert
  { "\"Weather has been the Achilles' heel of this market,\" said ABN AMRO analyst John Brady.", "expert", "ABN AMRO analyst John Brady" },
  { "Analysts estimate that a stand-alone AEFA could have a market value of $10bn (£5.3bn).", "expert", "Analysts" },
  { "Consumers are very concerned about the use of radio frequency ID (RFID) tags in shops, a survey says.", "expert", "a survey" },
  { "Security experts say that scare stories are being taken seriously - by banks in particular.", "expert", "Security experts" },
  { "\"It's an economic growth that seems well balanced,\" said Nicolas Claquin, an analyst at CCF.", "expert", nil },
  { "Existing services such as eBay could provide a good blueprint for such services, says the think-tank.", "expert", "the think-tank" },
  -- named
  { "Mr Howard said the authorities were not providing the local accountability that we want to see.", "named", "Mr Howard" },
  { "Clearswift said the fact that no viral code travels in the e-mail messages could hamper efforts to limit its spread.", "named", "Clearswift" },
  { "Ulster forward Ronan McCormack said he was \"totally shocked\" to be included.", "named", "Ulster forward Ronan McCormack" },
  { "Bennett, an inspirational fly-half for Llanelli and Wales in the 1970s, insisted the national team were entering a new golden period.", "named", nil },
  { "Nike has reported its best second-quarter earnings, helped by strong demand for its athletic shoes.", "named", "Nike" },
  { "Wimpey reported a 19% rise in profits to £450.7m.", "named", "Wimpey" },
  -- "on his website" is where, not who
  { "\"We were both so amazed at the chemistry,\" Brian May wrote on his website.", "named", "Brian May" },
  -- other, and nothing
  { "His lawyers claim that their client was unfamiliar with detailed accounting practices.", "other", "His lawyers" },
  { "But critics say the sell-off is part of an attempt to bring the energy industry back under state control.", "other", "critics" },
  { "Everyone who listens to her show understands and compares her to the legendary John Peel.", "other", nil },
  { "During the phoney campaign, Labour got into trouble over its central claim that Michael Howard was planning £35bn cuts.", "none", nil },
  { "Ministers have insisted they are committed to free personal care despite research suggesting the cost of the policy was under-estimated.", "official-unnamed", "Ministers" },
  { "Microsoft will launch a new version of its Windows operating system next year.", "none", nil },
  { "The keeper denied the same player again 10 minutes later.", "other", "The keeper" },
}
for _, c in ipairs(best_cases) do
  local d = doc_of(c[1])
  local s = d:sentences()[1]
  local _, a = sources.best(s)
  check_eq(a and a.type or "none", c[2], c[1] .. ": type")
  if c[3] then check_eq(a and a.source, c[3], c[1] .. ": source") end
  if a then check_eq(d.body:sub(a.start + 1, a.stop), a.text, c[1] .. ": span") end
end

-- Scope across sentences (snippets of two or three BBC sentences).
local function best_of(body, n)
  local d = doc_of(body)
  local _, a = sources.best(d:sentences()[n])
  return a
end

-- a quotation standing alone continues the analyst before it, not the
-- anonymous dealer after it
local a = best_of("\"It's a result,\" said Nick Bubb, an analyst at Evolution Securities. \"Profits of around £420m would be well within the comfort zone.\" However, one dealer, who asked not to be named, told Reuters the sales were weak.", 2)
check_eq(a and a.source, "Nick Bubb, an analyst at Evolution Securities", "standalone quotation: the speaker before it")
check_eq(a and a.carried, true, "standalone quotation: carried")
check(not sources.anonymous_only(doc_of("\"It's a result,\" said Nick Bubb, an analyst at Evolution Securities. \"Profits of around £420m would be well within the comfort zone.\" However, one dealer, who asked not to be named, told Reuters the sales were weak."):sentences()[2]),
  "standalone quotation is not anonymous")
-- "They" after a sentence about another subject is not the party sources
-- two sentences back
local d = doc_of("The decision follows a tough meeting, party sources told the BBC. The bill is expected to be opposed by the Liberal Democrats.\n\nThey have said the scheme is \"deeply flawed\" and a waste of money.")
check(not sources.anonymous_only(d:sentences()[3]), "They: not the party sources")
check_eq(sources.best(d:sentences()[3]), "other: They", "They: unresolved")
-- a quotation carried over a paragraph break
a = best_of("Lib Dem home affairs spokesman Mark Oaten said: \"This has all the signs of Michael Howard overruling colleagues.\"\n\n\"The Tories should have the courage to try and change public opinion.\"", 2)
check_eq(a and a.type, "official-named", "quotation in the next paragraph keeps its speaker")
-- a quotation that runs on: its speaker is named where it closes
a = best_of("\"The first money will reach the valley this week. It will be enough for a month,\" the aid co-ordinator, Lena Park, said.", 1)
check_eq(a and a.source, "the aid co-ordinator, Lena Park", "quotation running on: speaker where it closes")
check_eq(a and a.type, "named", "quotation running on: the appositive names her")
-- he/she agree with a person, it with a body
a = best_of("A spokesman for the band said the tour would go ahead. He added that tickets were still available.", 2)
check_eq(a and a.source, "A spokesman for the band", "He -> the spokesman")
a = best_of("The airline said fuel costs had risen sharply. It added that fares would go up in April.", 2)
check_eq(a and a.source, "The airline", "It -> the airline")
a = best_of("The airline said fuel costs had risen sharply. He added that fares would go up in April.", 2)
check_eq(a and a.type, "other", "He does not refer to the airline")
a = best_of("Officials said the talks had stalled. They said a new round would start in May.", 2)
check_eq(a and a.source, "Officials", "They -> officials")
a = best_of("Mr Smith said the plan would work. The weather was cold. He added that it would be cheap.", 3)
check_eq(a and a.source, "Mr Smith", "he skips one sentence in the reporter's voice")
a = best_of("Officials said the plan would work. The weather was cold. They added that it would be cheap.", 3)
check_eq(a and a.type, "other", "they does not skip a sentence")
-- the subject opening the sentence before
a = best_of("Prime Minister Tony Blair visited the site on Monday. He said the rebuilding would take years.", 2)
check_eq(a and a.type, "official-named", "He -> the person who opens the sentence before")
-- participles continue the subject
d = doc_of("The Treasury rejected the figures, saying they were out of date.")
local list = sources.attributions(d:sentences()[1])
check_eq(list[#list] and list[#list].verb, "saying", "participle is an attribution")
check_eq(list[#list] and list[#list].source, "The Treasury", "participle keeps the subject")

-- anonymous_only on BBC sentences
local anon = {
  { "Sources within the party told the BBC Mr Howard had always been in favour of ID cards.", true },
  { "Council tax in Scotland is set to rise by an average of about 4% in the coming year, BBC Scotland has learned.", true },
  { "Sources familiar with the deal said that negotiations between the two companies sped up after the chairman resigned.", true },
  { "A Labour source told the Sunday Times Mr Campbell would \"effectively front\" the election media campaign.", true },
  { "The unnamed woman from Georgia says that a chip inside the cartridge tells the printer that it needs re-filling.", true },
  { "The minister said the country needed new sources of energy.", false },
  { "Police are trying to find the source of the leak.", false },
  { "The BBC has learned from Transport Minister Ann Cole that the line will close.", false },
  { "Officials said the talks had covered only trade.", false },
  { "Everyone who listens to her show understands and compares her to John Peel.", false },
  { "There are up to 300,000 software patents in the US and open source developers argue that many should never have been granted.", false },
}
for _, c in ipairs(anon) do
  check_eq(sources.anonymous_only(doc_of(c[1]):sentences()[1]), c[2], c[1] .. ": anonymous_only")
end

-- denials: which attributions deny a claim
local denials = {
  { "Valdorian sources denied that any agreement had been reached.", "anonymous" },
  { "However, union officials denied there had been a deliberate \"sickout\".", "official-unnamed" },
  { "The firms denied that they are about to link up.", "official-named" },
  { "Mr Jackson, 46, denies plying a boy with alcohol.", "named" },
  { "A senior official dismissed the reports as fabricated.", "official-unnamed" },
  { "The claims were denied by government officials on Monday.", "official-unnamed" },
  { "Officials met the delegation on Monday, denying that any payment had been made.", "official-unnamed" },
  { "The keeper denied the same player again 10 minutes later.", nil },
  { "A hamstring injury denied Luscombe the opportunity to make a third successive start.", nil },
  { "The club dismissed the manager after a run of defeats.", nil },
  { "Petrel said it had not received any information from Iraqi authorities to confirm or deny the report.", nil },
  { "He was repeatedly denied bail.", nil },
  { "The system can monitor computer activity, store it and retrieve disputed files within minutes.", nil },
  { "\"Officials denied everything,\" Mayor Ann Cole said.", nil },
}
for _, c in ipairs(denials) do
  local list = sources.denials(doc_of(c[1]))
  check_eq(list[1] and list[1].type, c[2], c[1] .. ": denial")
end

-- wire credits and agency names
local credits = {
  { "NEW DELHI (Reuters) - The government approved the purchase of 36 aircraft.", "Reuters" },
  { "The two countries signed a defence pact.\n\nBased on IANS report", "IANS" },
  { "The ministry will review the tender.\n\n(With inputs from PTI)", "PTI" },
  { "The talks will resume in Geneva on Friday. — AFP", "AFP" },
  { "\"We will appeal,\" chief executive Jane Doe told Reuters.", nil },
  { "The app was downloaded by millions of users.", nil },
  { "Based on a Kommersant report, the deal is worth 2.5 billion roubles.", nil },
}
for _, c in ipairs(credits) do
  local list = sources.credits(doc_of(c[1]))
  check_eq(list[1] and sources.agencies(list[1].source)[1], c[2], c[1] .. ": credit")
end
check_eq(table.concat(sources.agencies("With inputs from PTI and IANS"), ","), "PTI,IANS", "agencies: two")
check_eq(#sources.agencies("an app for maps"), 0, "agencies: case matters")

-- classify a phrase on its own
local classify = {
  { "the Financial Times", "reported", "media", true },
  { "local media", nil, "media", false },
  { "Russian newspapers", nil, "media", false },
  { "the paper", nil, "media", true },
  { "a report by the government's finance watchdog", nil, "document", true },
  { "a report in the Guardian", nil, "media", true },
  { "the party's website", nil, "document", true },
  { "Spokesman Nick Davies", nil, "official-named", true },
  { "a ministry spokesperson", nil, "official-unnamed", false },
  { "a Foreign Office spokeswoman", nil, "official-named", true },
  { "Two Russian diplomats", nil, "official-unnamed", false },
  { "Steve Roukis, an analyst at fund manager Matrix Asset Advisors", nil, "expert", true },
  { "figures released by the UK gaming industry's trade body", nil, "document", true },
  { "senior party figures", "said", "other", false },
  { "people close to the minister", nil, "anonymous", false },
  { "He", nil, "pronoun", false },
  { "they have both", nil, "pronoun", false },
  { "Stuart Cohen, chief executive of Open Source Development Labs", nil, "official-named", true },
  { "BBC Sport", "understands", "anonymous", false },
}
for _, c in ipairs(classify) do
  local t, named = sources.classify(c[1], c[2])
  check_eq(t, c[3], "classify " .. c[1])
  check_eq(named, c[4], "classify " .. c[1] .. ": named")
end

-- only(), summary(), needs()
d = doc_of("Reports suggested the minister had resigned. The ministry said he had not. Sources said he would.")
local s = d:sentences()
check(sources.only(s[1], { media = true }), "only: media")
check(not sources.only(s[2], { media = true }), "only: not media")
check(not sources.only(d:sentences()[1], { media = true }, { scope = "paragraph" }), "only: the paragraph has more")
local sum = sources.summary(d)
check_eq(sum.types.media, 1, "summary: media")
check_eq(sum.types["official-named"], 1, "summary: official-named")
check_eq(sum.types.anonymous, 1, "summary: anonymous")
check_eq(sum.attributed, 3, "summary: attributed sentences")
check_eq(sum.sentences, 3, "summary: sentences")
local needs = sources.needs("wire_agencies")
local has_reuters = false
for _, w in ipairs(needs) do if w == "reuters" then has_reuters = true end end
check(has_reuters, "needs: lower-case lexicon words")
check(not pcall(sources.needs, "no_such_lexicon"), "needs: unknown lexicon is an error")

-- lexicons extend in one line, and the change is seen at once
check_eq((sources.classify("The Comptroller")), "named", "before add")
sources.lexicon.official_titles:add("Comptroller")
check_eq((sources.classify("The Comptroller")), "official-named", "after add")
sources.lexicon.official_titles:remove("Comptroller")
sources.lexicon.wire_agencies:add("Kyodo News")
check_eq(#sources.credits(doc_of("The talks ended. (Kyodo News)")), 1, "a new agency credits at once")
sources.lexicon.wire_agencies:remove("Kyodo News")
