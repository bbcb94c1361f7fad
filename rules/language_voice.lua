-- rules/language_voice.lua — verdicts and certainties in the reporter's
-- own voice.

local language = require "spindle.language"

-- Confidence by kind: a verdict on truth is the strongest sign; contempt
-- and outrage words are often a columnist's style.
local LOADED_SCORE = { falsehood = 1.0, smear = 0.9, contempt = 0.9, outrage = 0.7 }

local loaded_needs = language.needs(language.lexicon.loaded)

-- Reports, in each sentence, the first term that find(sentence) gives in
-- the reporter's own voice (not quoted, not attributed, not a literal
-- use), scored by its kind; evidence names the term under `key`.
local function report_reporter_voice(doc, report, find, message, scores, key)
  for _, s in ipairs(doc:sentences()) do
    for _, w in ipairs(find(s)) do
      if w.voice == "reporter" and not w.literal then
        report {
          at = w,
          message = message:format(w.text),
          score = scores[w.kind] or 0.8,
          evidence = { [key] = w.text, kind = w.kind },
        }
        break                                       -- one per sentence
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
reporter's own voice: not inside a quotation or single quotes, and not in a
sentence that reports someone else's words ("officials called the reports
fabricated", "the opposition branded the vote a sham"). Neutral reporting
attributes verdicts to the people who make them; a verdict the reporter
makes alone tells the reader what to conclude instead of showing why.
Fixed phrases where the word only describes ("sham marriage", "bomb hoax",
"hoax e-mails", "Nazi propaganda") and capitalised titles (the TV series
"Shameless") are not flagged. Verdicts on truth score highest.]],

  check = function(doc, report)
    report_reporter_voice(doc, report, language.loaded, "loaded word '%s' in the reporter's voice",
                          LOADED_SCORE, "word")
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
    },
  },
}

-- Confidence by kind of absolute.
local ABSOLUTE_SCORE = { certainty = 0.8, total = 1.0, never = 1.0, universal = 0.9 }

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
A claim asserted absolutely in the reporter's own voice: certainty that
closes the question ("undeniably", "there is no doubt that", "everyone
knows"), totality attached to a verdict ("completely false", "totally
baseless", "entirely fabricated"), a flat denial that something ever
happened ("never happened", "never received", "there was never"), or a
universal ("all experts agree", "not a single"). Careful reporting shows
its evidence and leaves room for what it cannot know; absolute language is
a mark of advocacy and of fabricated stories. "Never" and "all" are
everywhere in ordinary prose ("he has never won a Grand Slam", "all the
players"), so only these assertive patterns count, and only outside
quotations and reported speech. Sports idioms ("put the result beyond
doubt") and "not all" are not absolutes.]],

  check = function(doc, report)
    report_reporter_voice(doc, report, language.absolutes, "absolute claim '%s' in the reporter's voice",
                          ABSOLUTE_SCORE, "words")
  end,

  examples = {
    flag = {
      "The reports of a shipyard deal are completely false.",
      "There is no doubt that Kestria is behind the campaign.",
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
    },
  },
}
