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
  { "They were jailed on scientific evidence which was later entirely discredited.", "entirely discredited", "total", "reporter" },
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

-- lexicons extend in one line; needs follows them
language.lexicon.loaded:add_as("contempt", "lackey")
check_eq(first(language.loaded, "The lackey spoke first.").kind, "contempt", "an added loaded word")
local found = false
for _, w in ipairs(language.needs(language.lexicon.loaded)) do if w == "lackey" then found = true end end
check(found, "needs follows the lexicon")
language.lexicon.loaded:remove("lackey")
