-- rules/language_voice.lua — verdicts and certainties in the reporter's
-- own voice.

local language = require "spindle.language"

-- Confidence by kind: a verdict on truth is the strongest sign; contempt
-- and outrage words are often a columnist's style.
local LOADED_SCORE = { falsehood = 1.0, smear = 0.9, contempt = 0.9, outrage = 0.7 }

local loaded_needs = language.needs(language.lexicon.loaded)

-- Reports, in each sentence, the first term that find(sentence) gives in
-- the reporter's own voice (not quoted, attributed, a reader's comment or
-- first-person opinion, not a literal use, not in a sentence whose verdict
-- is a debunking backed by evidence), scored by its kind; evidence names
-- the term under `key`. The terms passed over before it are traced;
-- `literal` says what a literal use of one is.
local function report_reporter_voice(doc, report, find, message, scores, key, literal)
  for _, s in ipairs(doc:sentences()) do
    for _, w in ipairs(find(s)) do
      if w.voice ~= "reporter" then
        report.trace(("not in the reporter's voice (voice: %s)"):format(w.voice), w)
      elseif w.literal then
        report.trace(literal, w)
      else
        local debunking = language.debunking(s)
        if debunking then
          report.trace(("the sentence is a debunking backed by evidence ('%s')"):format(debunking.text), w)
        else
          report {
            at = w,
            message = message:format(w.text),
            score = scores[w.kind] or 0.8,
            evidence = { [key] = w.text, kind = w.kind },
          }
          break                                     -- one per sentence
        end
      end
    end
  end
end

rule {
  id       = "loaded-language",
  title    = "Loaded word in the reporter's own voice",
  severity = "medium",
  weight   = 0.5,
  tags     = { "language", "bias" },
  needs    = loaded_needs,
  description = [[
A word that passes a verdict -- "fabricated", "hoax", "sham", "propaganda",
"smear campaign", "puppet government", "thugs", "disgraceful" -- in the
reporter's own voice: not inside a quotation or single quotes, not in a
sentence that reports someone else's words ("officials called the reports
fabricated", "the opposition branded the vote a sham"), and not in a
reader's comment appended to the article or a first-person column
(spindle.language's voice). Neutral reporting attributes verdicts to the
people who make them; a verdict the reporter makes alone tells the reader
what to conclude instead of showing why. Not flagged: a debunking -- the
reporter's "false claim", "conspiracy theory that", "no evidence that",
"hoax" aimed at a claim and backed by the evidence the sentence or its
neighbours cite (language.debunking), which is the finding of a fact-check;
fixed phrases where the word only describes ("sham marriage", "bomb hoax",
"Nazi propaganda"); an outrage word describing a show ("outrageous
stunts", "an outrageous goal"); capitalised titles (the TV series
"Shameless"). Verdicts on truth score highest.]],

  check = function(doc, report)
    report_reporter_voice(doc, report, language.loaded, "loaded word '%s' in the reporter's voice",
                          LOADED_SCORE, "word",
                          "used literally, not as a verdict: a fixed phrase ('sham marriage'), "
                          .. "a name or title, or an outrage word describing a show")
  end,

  examples = {
    flag = {
      "The fabricated report was circulated by Kestrian outlets on Monday.",
      "The referendum was a sham designed to legitimise the annexation.",
      "Western propaganda has painted the shipyard deal as a threat.",
      "The puppet government in the east announced new taxes.",
      "The so-called investigation was a whitewash from the start.",
    },
    pass = {
      -- the officials' word, attributed
      "Merovian officials called the reports fabricated and said the talks had covered only routine trade matters.",
      -- inside a quotation
      "\"This is a hoax,\" the minister said.",
      -- a scare quote in single quotes
      "The party denied running a 'smear' campaign.",
      -- reported speech with a reporting verb
      "The opposition branded the vote a sham and demanded a recount.",
      -- fixed phrases where the word only describes
      "The Home Office says the new rules are aimed at reducing the number of sham marriages.",
      "Police evacuated the station after a bomb hoax on Tuesday.",
      -- a capitalised title, not a verdict
      "The soap beat Channel 4's Shameless to win the best drama prize.",
      -- characterisation verbs attribute the verdict to the speaker
      "Merovian officials characterised the reports as fabricated.",
      "The minister described the reports of a secret deal as a hoax.",
      -- a debunking backed by evidence: the fact-check's finding
      "Posts spreading the conspiracy theory that 5G masts cause the illness have been shared widely on social media.",
      "There is no evidence that the hoax remedy works, and scientists found it can be harmful.",
      -- first-person opinion, not the reporter
      "I think the whole referendum was a sham from the start.",
      -- readers' comments appended to an article
      "The party launched its campaign on Monday.\n\nI've always thought the man was a disgraceful egotist!\n\nBrilliant, about time! I will vote for them.\n\nWhat a shameful episode. I feel insulted.",
      -- an outrage word describing a show
      "Video clips of the more outrageous stunts that are possible in the game are incredibly popular.",
    },
  },
}

-- Confidence by kind of absolute.
local ABSOLUTE_SCORE = { certainty = 0.8, proof = 0.8, total = 1.0, never = 1.0, universal = 0.9 }

local absolute_needs = language.needs(language.lexicon.absolutes)
for _, w in ipairs({ "completely", "totally", "entirely", "utterly", "absolutely",
                     "wholly", "fully", "100" }) do
  absolute_needs[#absolute_needs + 1] = w
end

rule {
  id       = "absolute-claim",
  title    = "Absolute claim in the reporter's own voice",
  severity = "low",
  weight   = 0.35,
  tags     = { "language", "certainty" },
  needs    = absolute_needs,
  description = [[
A claim asserted absolutely in the reporter's own voice: totality attached
to a verdict on a claim, a cure or a danger ("completely false", "wholly
untrue", "totally baseless", "100% safe", "not a shred of evidence"), proof
asserted as settled ("has been proven", "it is a fact"), a flat denial that
something ever happened ("never happened", "there was never", "never
received"), a universal ("all experts agree", "no one disputes"), or
certainty ("there is no doubt that", "undeniably", "everyone knows that")
about blame, deceit, harm or a cure ("there is no doubt that Kestria is
behind the campaign"). Careful reporting shows its evidence and leaves room
for what it cannot know; absolute language is a mark of advocacy and of
fabricated stories. Not flagged: quotations, reported speech ("the ministry
said the report was wholly untrue"), readers' comments and first-person
columns (spindle.language's voice), a debunking backed by evidence
(language.debunking), certainty that is only emphasis ("there is no doubt
that camera phones are popular") or praise of rank ("indisputably one of
its founding fathers"), idioms ("the game that everybody knows and loves",
"put the result beyond doubt"), "not all", and "completely" before an
ordinary adjective.]],

  check = function(doc, report)
    report_reporter_voice(doc, report, language.absolutes, "absolute claim '%s' in the reporter's voice",
                          ABSOLUTE_SCORE, "words",
                          "not asserted as a claim: a fixed phrase or idiom, a name, certainty "
                          .. "that is only emphasis or praise, or a hypothetical")
  end,

  examples = {
    flag = {
      "The reports of a shipyard deal are completely false.",
      "There is no doubt that Kestria is behind the campaign.",
      "The reports that the minister has resigned are wholly untrue.",
      "There is not a shred of evidence that the vote was rigged.",
      "Vitamin C has been proven to cure the infection.",
      "The meeting in Geneva never happened.",
      "All experts agree that the dam is unsafe.",
      "The minister never received any payment from the contractor.",
    },
    pass = {
      -- ordinary "never" and "all"
      "Henman has never won a Grand Slam title.",
      "All the players trained on Monday.",
      -- inside a quotation
      "\"These reports are completely false,\" the ministry said.",
      -- reported speech
      "The company insisted the claims were totally untrue.",
      -- a sports idiom
      "Wayne Rooney put the tie beyond doubt late on with a cool finish.",
      -- negated universal
      "However, not all analysts were convinced about the deal.",
      -- "completely" with an ordinary adjective
      "The new stadium is completely different from the old one.",
      -- a hypothetical, and "without question" meaning uncritically
      "Reading the report you could easily think that the last 250 years had never happened.",
      "The media repeat the figures without question every evening.",
      -- attributed, not the reporter's
      "The ministry said the report was wholly untrue.",
      -- emphasis and praise, not a claim that matters
      "There is no doubt that mobile phones sporting cameras and colour screens are hugely popular.",
      "If James Brown was the godfather of soul, then Ray Charles was indisputably one of its founding fathers.",
      -- idioms
      "Football Manager 2005 is by and large the game that everybody knows and loves.",
      "With children home from school, there has never been a better opportunity to learn a language.",
      -- first-person opinion and readers' comments
      "I've absolutely no doubt whatsoever this is heartfelt.",
      "The poll closed on Friday.\n\nAngels is without doubt a great song but I really don't think it deserves the title!\n\nEverybody knows the words to Bohemian Rhapsody. I voted for it.\n\nWhat a joke! My vote went elsewhere.",
      -- a debunking backed by evidence
      "The rumour that the vaccine alters DNA is completely false, and studies of millions of patients found no such effect.",
    },
  },
}
