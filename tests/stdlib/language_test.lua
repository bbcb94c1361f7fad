-- spindle.language: loaded words, absolute claims, and whose voice.
local language = require "spindle.language"

local function first(fn, text)
  local d = doc_of(text)
  for _, s in ipairs(d:sentences()) do
    local l = fn(s)
    if l[1] then return l[1] end
  end
  return nil
end

-- { sentence, word, kind, voice, literal }
local loaded = {
  { "The fabricated report was circulated by Kestrian outlets on Monday.", "fabricated", "falsehood", "reporter", false },
  { "The referendum was a sham designed to legitimise the annexation.", "sham", "falsehood", "reporter", false },
  { "The puppet government in the east announced new taxes.", "puppet government", "contempt", "reporter", false },
  { "Merovian officials called the reports fabricated.", "fabricated", "falsehood", "attributed", false },
  { "\"This is a hoax,\" the minister said.", "hoax", "falsehood", "quoted", false },
  { "The party denied running a 'smear' campaign.", "smear", "smear", "quoted", false },
  { "The opposition branded the vote a sham.", "sham", "falsehood", "attributed", false },
  -- real sentences (BBC news, 2004-05)
  { "The Home Office says the new rules are aimed at reducing the number of sham marriages.", "sham", "falsehood", "attributed", true },
  { "Sophos said two e-mail messages about the tsunami made it to the top 10 hoax list.", "hoax", "falsehood", "attributed", true },
  { "The soap beat Channel 4's Shameless to win the best TV drama prize on Thursday.", "Shameless", "outrage", "reporter", true },
  { "We, as a nation are in grave danger of being duped by pro US propaganda.", "propaganda", "falsehood", "reporter", false },
  { "He accused Labour of \"at best misrepresentation at worst a downright lie\".", "downright lie", "falsehood", "quoted", false },
  { "The Tory co-chairman attacked Labour's smear tactics.", "smear", "smear", "attributed", false },
  { "Police evacuated the station after a bomb hoax on Tuesday.", "hoax", "falsehood", "reporter", true },
}
for _, c in ipairs(loaded) do
  local w = first(language.loaded, c[1])
  check_eq(w and w.text, c[2], c[1] .. ": word")
  check_eq(w and w.kind, c[3], c[1] .. ": kind")
  check_eq(w and w.voice, c[4], c[1] .. ": voice")
  check_eq(w and w.literal, c[5], c[1] .. ": literal")
end
for _, t in ipairs({ "The draftsman finished the plan.", "Shampoo sales rose.",
                     "The problem lies in the design." }) do
  check_eq(first(language.loaded, t), nil, t .. ": no loaded word")
end

-- { sentence, words, kind, voice }
local absolutes = {
  { "The reports of a shipyard deal are completely false.", "completely false", "total", "reporter" },
  { "There is no doubt that Kestria is behind the campaign.", "There is no doubt", "certainty", "reporter" },
  { "The meeting in Geneva never happened.", "never happened", "never", "reporter" },
  { "All experts agree that the dam is unsafe.", "All experts", "universal", "reporter" },
  { "\"These reports are completely false,\" the ministry said.", "completely false", "total", "quoted" },
  { "The company insisted the claims were totally untrue.", "totally untrue", "total", "attributed" },
  -- real sentences (BBC news, 2004-05)
  { "The reports that the minister has resigned are wholly untrue.", "wholly untrue", "total", "reporter" },
  { "There is not a shred of evidence that the vote was rigged.", "not a shred of evidence", "total", "reporter" },
  { "The ministry said the report was wholly untrue.", "wholly untrue", "total", "attributed" },
  { "If James Brown was the godfather of soul, then Ray Charles was indisputably one of its founding fathers.", "indisputably", "certainty", "reporter" },
  { "Television pictures clearly showed that he dived.", "clearly showed", "certainty", "reporter" },
  { "Wayne Rooney put the tie beyond doubt late on with a cool finish.", "beyond doubt", "certainty", "reporter" },
}
for _, c in ipairs(absolutes) do
  local w = first(language.absolutes, c[1])
  check_eq(w and w.text, c[2], c[1] .. ": words")
  check_eq(w and w.kind, c[3], c[1] .. ": kind")
  check_eq(w and w.voice, c[4], c[1] .. ": voice")
end
check(first(language.absolutes, "Wayne Rooney put the tie beyond doubt late on.").literal, "a sports idiom")
-- certainty that is only emphasis or praise is literal; about blame it is not
for _, c in ipairs({
  { "There is no doubt that mobile phones sporting cameras and colour screens are hugely popular.", true },
  { "If James Brown was the godfather of soul, then Ray Charles was indisputably one of its founding fathers.", true },
  { "There is no doubt that Kestria is behind the campaign.", false },
}) do
  check_eq(first(language.absolutes, c[1]).literal, c[2], c[1] .. ": emphasis only")
end
-- an idiom, not certainty (BBC news, 2004)
check_eq(first(language.absolutes, "Football Manager 2005 is by and large the game that everybody knows and loves."),
         nil, "everybody knows and loves")
-- an outrage word describing a show (BBC news, 2004)
check(first(language.loaded, "Video clips of the more outrageous stunts that are possible thanks to the game's amazing physics engine are incredibly popular.").literal,
      "outrageous stunts")
for _, t in ipairs({ "Henman has never won a Grand Slam title.", "All the players trained on Monday.",
                     "However, not all analysts were convinced about the deal.",
                     "The new stadium is completely different from the old one.",
                     "The IAAF will decide after considering all the evidence." }) do
  check_eq(first(language.absolutes, t), nil, t .. ": no absolute claim")
end

-- voice at any offset
local d = doc_of("Officials said the reports were false. The reports were false.")
local s = d:sentences()
check_eq(language.voice(s[1], s[1].start + 25), "attributed", "voice: after an attribution")
check_eq(language.voice(s[2], s[2].start + 5), "reporter", "voice: the reporter's own")
check_eq(language.voice(s[1], s[1].start), "reporter", "voice: the attributing words are the reporter's")

-- the voice of a whole sentence: readers' comments appended to an article
-- (BBC "Have your say", 2005: the article, then short first-person
-- paragraphs), first-person opinion, quotation, the reporter
local function voices_of(text)
  local out = {}
  for _, x in ipairs(doc_of(text):sentences()) do out[#out + 1] = language.voice(x) end
  return out
end
local comments = voices_of(table.concat({
  "Ex-BBC chat show host Robert Kilroy-Silk launched his new party on Wednesday.",
  "I've always thought that Kilroy-Silk was a self-publicising egotist and this news does absolutely nothing to alter my opinion.",
  "Brilliant, about time this country had a plausible party!",
  "Honestly, who really cares? Man with tan leaves party with no plan.",
  "I feel insulted by having him represent me in the European Parliament.",
}, "\n\n"))
check_eq(comments[1], "reporter", "voice: the article before the comments")
for i = 2, #comments do check_eq(comments[i], "reader", "voice: reader comment " .. i) end
check_eq(voices_of("Mr Brown seems haunted by her eyes. I've absolutely no doubt whatsoever this is heartfelt.")[2],
         "opinion", "voice: first person in an analysis")
check_eq(voices_of("\"It is a sham,\" he said. \"We will not accept it.\"")[2], "quoted", "voice: a quoted sentence")
for _, t in ipairs({
  "The Producers' Nathan Lane beat his former co-star Lee Evans to win best musical actor.",
  "20th Century Fox's recent film releases include I Heart Huckabees and I, Robot.",   -- titles, not the writer
  "The band led a poll of Kerrang! magazine readers.",
  "He also won acclaim with his interpretations of standards such as Your Cheating Heart and You Win Again.",
}) do
  check_eq(voices_of(t)[1], "reporter", "voice: " .. t)
end
-- at an offset, a reader's comment is not the reporter's voice either
local rc = doc_of("The party was launched.\n\nI think it is a sham!\n\nWhat a joke! I won't vote.\n\nMy vote is elsewhere.")
local rs = rc:sentences()[2]
check_eq(language.voice(rs, rs.start + 14), "reader", "voice at an offset in a comment")

-- debunking: the reporter's verdict on a claim, backed by evidence
local function debunking_of(text)
  for _, x in ipairs(doc_of(text):sentences()) do
    local d = language.debunking(x)
    if d then return d.text end
  end
  return nil
end
for _, c in ipairs({
  { "Posts spreading the conspiracy theory that 5G masts cause the illness have been shared widely on social media.", true },
  { "There is no evidence that the remedy works, and scientists found it can be harmful.", true },
  { "The claim has been debunked by researchers at three universities.", true },
  -- a verdict with no evidence cited is not a debunking
  { "The referendum was a sham designed to legitimise the annexation.", false },
  { "Collectivists pushing the coronavirus hoax always demand fealty.", false },
  -- in a first-person comment it is opinion, not the reporting
  { "The party was launched.\n\nI think the false claim that 5G spreads it is a joke! Studies show nothing.\n\nWhat a joke! I won't vote.\n\nMy vote is elsewhere.", false },
}) do
  check_eq(debunking_of(c[1]) ~= nil, c[2], "debunking: " .. c[1])
end
-- later uses of the debunked term in the article are the same verdict
check_eq(debunking_of("Officials spread the conspiracy theory that the virus came from a lab, ignoring intelligence agencies. By turning this conspiracy theory into a talking point, they won support."),
         "spread the conspiracy theory", "debunking: the first use")
local later = doc_of("Officials spread the conspiracy theory that the virus came from a lab, ignoring intelligence agencies.\n\nBy turning this conspiracy theory into a talking point, they won support.")
check(language.debunking(later:sentences()[2]) ~= nil, "debunking: a later use carries")

-- lexicons extend in one line; needs follows them
language.lexicon.loaded:add_as("contempt", "lackey")
check_eq(first(language.loaded, "The lackey spoke first.").kind, "contempt", "an added loaded word")
local found = false
for _, w in ipairs(language.needs(language.lexicon.loaded)) do if w == "lackey" then found = true end end
check(found, "needs follows the lexicon")
language.lexicon.loaded:remove("lackey")
