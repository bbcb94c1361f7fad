--[[
spindle.language — loaded words and absolute claims, and whose voice they
are in.

    local language = require "spindle.language"
    for _, w in ipairs(language.loaded(sentence)) do
      if w.voice == "reporter" and not w.literal then ... end
    end

A Term (what loaded() and absolutes() return) is a table:
  text         the words as written ("fabricated", "has never been")
  start, stop  body byte offsets (0-based, end exclusive)
  kind         loaded:    "falsehood"  fabricated, hoax, sham, propaganda, lies
                          "smear"      smear campaign, witch-hunt, whitewash
                          "contempt"   puppet, stooge, mouthpiece, thugs, cronies
                          "outrage"    outrageous, shameful, disgraceful, heinous
               absolute:  "certainty"  undeniably, beyond doubt, everyone knows
                          "total"      completely false, totally baseless,
                                       entirely fabricated (an intensifier
                                       before a verdict word)
                          "never"      never happened, has never existed
                          "universal"  all experts agree, no one disputes,
                                       not a single
  voice        "quoted"      inside a quotation, or in single quotes ('sham')
               "attributed"  in a sentence someone else's words cover: an
                             attribution (spindle.sources: "officials said",
                             "according to") or a reporting verb before it
                             ("accused him of", "branded it", "dismissed as")
               "reader"      a reader's comment appended to the article
               "opinion"     the writer's own person ("I", "!"), a column
               "reporter"    the reporter's own words
  literal      loaded words only: a fixed phrase where the word is a plain
               description, not a judgement ("sham marriage", "bomb hoax",
               "hoax call", "Nazi propaganda")

language.voice(sentence) gives whose a whole sentence is: "quoted",
"reader" (a reader's comment appended to the article), "opinion" (the
writer's own person: "I", "!", a first-person column) or "reporter";
language.voice(sentence, offset) the voice at any body offset.
language.debunking(sentence) gives the reporter's debunking verdict ("the
conspiracy theory that", "no evidence that") when the evidence is cited,
or nil: a fact-check's finding, not loaded language. The word lists are lexicons, extendable in one line:
  language.lexicon.loaded:add_as("contempt", "lackey")
  language.lexicon.literal:add("hoax caller")
Analysis runs once per sentence and is kept in doc.cache["spindle.language"].
]]

local lexicon = require "spindle.lexicon"
local sources = require "spindle.sources"

local M = {}

M.lexicon = {
  ---Words that pass a verdict on a claim, a person or an event.
  loaded = lexicon.new("loaded")
    :add_as("falsehood", "fabricated", "fabrication", "fabrications",
            "fake news", "hoax", "hoaxes", "sham", "bogus", "pack of lies",
            "web of lies", "tissue of lies", "outright lie", "outright lies",
            "blatant lie", "blatant lies", "downright lie", "propaganda",
            "disinformation", "baseless", "groundless", "debunked",
            "conspiracy theory", "conspiracy theories", "scaremongering",
            "fearmongering", "fear-mongering", "hysteria", "spurious")
    :add_as("smear", "smear", "smears", "smear campaign", "witch-hunt",
            "witch hunt", "whitewash", "cover-up", "hatchet job", "slander",
            "character assassination")
    :add_as("contempt", "puppet government", "puppet governments",
            "puppet regime", "puppet regimes", "puppet state", "puppet leader",
            "puppet president", "puppet parliament", "stooge", "stooges",
            "mouthpiece", "henchmen", "lackeys", "cronies", "thugs",
            "rogue state", "apologists")
    :add_as("outrage", "outrageous", "shameful", "shameless", "disgraceful",
            "scandalous", "despicable", "vile", "barbaric", "ludicrous",
            "preposterous", "draconian", "brazen"),
  ---Fixed phrases in which a loaded word only describes (matched over the
  ---word and its neighbours).
  literal = lexicon.new("literal", {
    "sham marriage", "sham marriages", "sham wedding", "sham weddings",
    "bomb hoax", "bomb hoaxes", "hoax call", "hoax calls", "hoax caller",
    "hoax callers", "hoax e-mail", "hoax e-mails", "hoax email",
    "hoax emails", "hoax list", "hoax mail", "hoax mails", "hoax messages",
    "hoax warning", "hoax warnings", "hoax bomb", "hoax device",
    "Nazi propaganda", "wartime propaganda", "war propaganda",
    "propaganda film", "propaganda films", "propaganda minister",
    "propaganda ministry", "propaganda department", "propaganda chief",
    "draconian powers", "Chinese whispers",
    -- idioms around absolute words
    "outcome beyond doubt", "result beyond doubt", "game beyond doubt",
    "tie beyond doubt", "match beyond doubt", "win beyond doubt",
    "victory beyond doubt", "issue beyond doubt", "contest beyond doubt",
    "there has never been a better", "there has never been a more",
    "there has never been a bigger", "there has never been a greater",
    "there was never a better", "there was never a more",
  }),
  ---Nouns after which an outrage word describes a show, not a wrong: "the
  ---more outrageous stunts", "an outrageous goal", "outrageous costumes".
  spectacle = lexicon.new("spectacle", {
    "stunt", "stunts", "costume", "costumes", "outfit", "outfits", "dress",
    "dresses", "fashion", "fashions", "hairstyle", "hairstyles", "hair", "wig",
    "goal", "goals", "shot", "shots", "save", "saves", "skill", "skills",
    "trick", "tricks", "move", "moves", "dance", "dancing", "antics", "humour",
    "humor", "comedy", "jokes", "gags", "lyrics", "plot", "plots", "twist",
    "twists", "fun", "performance", "performances", "show", "shows", "style",
    "flair", "talent", "finish", "volley", "celebration", "celebrations",
    "display", "displays", "video", "videos", "clip", "clips", "scene",
    "scenes", "character", "characters", "fiction", "fantasy",
  }),
  ---Words and phrases that assert a claim absolutely, each with its kind.
  absolutes = lexicon.new("absolutes")
    :add_as("certainty", "undeniably", "unquestionably", "indisputably",
            "irrefutably", "incontrovertibly", "incontestably",
            "beyond doubt", "beyond any doubt", "beyond all doubt",
            "beyond question", "without doubt", "without a doubt",
            "without any doubt", "without question", "there is no doubt",
            "there can be no doubt", "no doubt whatsoever", "it is undeniable",
            "it is indisputable", "it is beyond dispute", "everyone knows that",
            "everybody knows that", "as everyone knows", "as everybody knows",
            "no one can deny", "nobody can deny",
            "no one could deny", "the fact is", "the truth is",
            "clearly shows", "clearly showed")
    :add_as("proof", "clearly proves", "proves beyond", "has been proven",
            "have been proven", "was proven", "scientifically proven",
            "it is a fact", "it is a proven fact")
    :add_as("never", "never happened", "never took place", "never existed",
            "never occurred", "has never existed", "never been proven",
            "never been found", "has never been any", "there has never been",
            "there was never", "never once", "never received",
            "never paid", "never signed", "never met", "never said",
            "never promised", "never ordered", "never authorised",
            "never authorized", "never approved", "never agreed")
    :add_as("universal", "all experts", "all scientists", "all economists",
            "all analysts", "all observers", "all the evidence shows",
            "all the evidence suggests", "all the evidence points",
            "all the evidence proves", "all the evidence indicates",
            "every expert", "everyone agrees", "everybody agrees",
            "no one disputes", "nobody disputes", "the whole world knows",
            "no one doubts",
            "nobody doubts", "universally accepted", "universally agreed")
    :add_as("total", "not a shred of evidence", "not one shred of evidence",
            "not a scrap of evidence", "not a shred of proof",
            "no evidence whatsoever", "no evidence at all"),
}

-- "completely false", "totally baseless": an intensifier before a verdict.
local TOTAL_ADVERBS = [[(?:completely|totally|entirely|utterly|absolutely|wholly|fully|100\s*(?:%|per\s*cent))]]
-- Verdicts on a claim's truth, or on a cure's safety and effect: not every
-- adjective ("completely different", "totally destroyed" are description).
local VERDICTS = [[(?:false|untrue|baseless|unfounded|groundless|fabricated|fake|fictitious|imaginary|invented|made\s+up|bogus|incorrect|debunked|refuted|disproved|disproven|proven|safe|harmless|ineffective|useless|cured|rigged|fraudulent)]]

-- Verbs that, before a word in the sentence, report someone else's words:
-- "accused the minister of a cover-up", "branded the vote a sham".
M.lexicon.reporting_verbs = lexicon.new("reporting_verbs", {
  "accused", "accuses", "accuse", "accusing", "branded", "brands", "branding",
  "labelled", "labeled", "labels", "dismissed", "dismisses", "dismissing",
  "denounced", "denounces", "condemned", "condemns", "condemning", "slammed",
  "slams", "attacked", "attacks", "criticised", "criticized", "criticises",
  "blasted", "decried", "decries", "derided", "derides", "lambasted",
  "described", "describes", "describing", "called", "calls", "calling",
  "claimed", "claims", "claiming", "alleged", "alleges", "insisted",
  "insists", "argued", "argues", "believes", "believe", "believed",
  "warned", "warns", "said", "says", "say", "told", "denied", "denies",
  "rejected", "rejects", "termed", "dubbed", "likened", "compared",
  "protested", "complained", "complains", "complaining", "urged", "vowed",
  "hailed", "praised", "called for", "feared", "fears", "suggested",
  "describe", "call", "emphasised", "emphasized", "emphasising", "emphasizing",
  "stressed", "stressing", "insisting", "arguing", "warning", "saying",
  "suggests", "thinks", "thought", "felt", "feels", "admitted", "admits",
  "conceded", "concedes", "quipped", "joked", "added", "adds", "explained",
  "wrote", "writes", "stated", "states", "reported", "announced",
  "pointing", "pointed out", "points out", "questioned", "questioning",
  "arguing", "insisting", "claiming", "alleging", "accusing", "hinted",
  "hinting", "implied", "insinuated",
})

-- Each of these patterns opens with its lexicon (the start words given
-- after the pattern), so the matcher need try only where an entry begins;
-- `boundary`: its lookbehind keeps letters and digits out of the place
-- before.
local loaded_re = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}-])]] .. alt .. [[(?![\p{L}\p{N}]|-[\p{L}])]], { M.lexicon.loaded, boundary = true }
end, "i", M.lexicon.loaded)

local literal_re = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}-])]] .. alt .. [[(?![\p{L}\p{N}])]], { M.lexicon.literal, boundary = true }
end, "i", M.lexicon.literal)

-- An outrage word's noun, a word of show or play, right after it.
local spectacle_after = lexicon.regex(function(alt)
  return [[^\s+(?:and\s+[\p{L}-]+\s+)?]] .. alt .. [[(?![\p{L}\p{N}])]]
end, "i", M.lexicon.spectacle)

-- Praise after a certainty word: "without doubt one of the best", "is,
-- without question, the patriarch", "indisputably the greatest" -- a
-- judgement of rank, not an assertion of fact.
local praise_after = spindle.re([[^[\s,]*(?:one\s+of\b|(?:the|his|her|their|its|a|an)\s+(?:[\p{L}-]+est|most|best|worst|greatest|finest|great|good|fine|major|big|real|true|patriarch|king|queen|master|star|leader)\b|a\s+great\b)]], "i")

-- What a certainty word asserts when it matters: blame, deceit, harm or a
-- cure ("there is no doubt that Kestria is behind the campaign"). Certainty
-- about anything else ("there is no doubt that camera phones are popular")
-- is a writer's emphasis.
local accusation_re = spindle.re([[(?<![\p{L}-])(?:behind|responsible|guilty|to\s+blame|caus(?:e|ed|es|ing)|deliberate(?:ly)?|intentional(?:ly)?|lie[sd]?|lying|liars?|cover(?:ed|ing)?[-\s]up|suppress\w*|hid(?:e|es|ing|den)|fraud\w*|corrupt\w*|rigged|fake[sd]?|false(?:ly)?|plot\w*|conspir\w*|orchestrat\w*|engineered|manufactured|poison\w*|kill(?:s|ed|ing)?|murder\w*|dangerous|deadly|harmful|toxic|cur(?:e|es|ed)|works?|proven|evidence)(?![\p{L}-])]], "i")

-- The words TOTAL_ADVERBS begins with.
local TOTAL_STARTS = { "completely", "totally", "entirely", "utterly", "absolutely", "wholly",
                       "fully", "100" }

local absolute_re = lexicon.regex(function(alt)
  return ([[(?<![\p{L}\p{N}-])(?<!\bnot\s)(?<!\bnot\s\s)(?:(?<word>%s)|(?<total>%s\s+%s))(?![\p{L}\p{N}])]])
    :format(alt, TOTAL_ADVERBS, VERDICTS), { M.lexicon.absolutes, TOTAL_STARTS, boundary = true }
end, "i", M.lexicon.absolutes)

local reporting_before = lexicon.regex(function(alt)
  return [[(?<![\p{L}-])]] .. alt .. [[\b]], { M.lexicon.reporting_verbs }
end, "i", M.lexicon.reporting_verbs)

-- Single quotes around a word: 'sham', ‘hoax’.
local function single_quoted(body, start, stop)
  local before = body:sub(math.max(1, start - 2), start)
  local after = body:sub(stop + 1, stop + 3)
  local open = before:find("'$") or before:find("\226\128\152$")
  local close = after:find("^'") or after:find("^\226\128\153")
  return (open and close) and true or false
end

local function memo(doc)
  local c = doc.cache["spindle.language"]
  if not c then
    c = { voice = {}, debunking = {} }
    doc.cache["spindle.language"] = c
  end
  return c
end

-- Whose paragraph: reader comments and first-person opinion --------------

-- The marks of a writer speaking as themselves: first person singular
-- ("I", "I'm", "my", "me"), second person ("you", "your"), exclamation and
-- question marks. Counted outside quotations only.
local person_re = spindle.re([[(?<![\p{L}\p{N}'’-])(?:(?<first>I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]yself)|(?<second>(?i:you(?:['’](?:re|ve|d|ll))?|your|yours|yourself)))(?![\p{L}\p{N}'’-])|(?<exclaim>!)(?!\s*[\p{Ll}\p{N}])|(?<question>\?)]])

-- Whether the word at byte `at` of `text` (0-based) is part of a name or a
-- title rather than the writer's own: a capitalised "You", "My" or "Me"
-- inside a sentence (the song "You Win Again"), an "I" before a capitalised
-- word or a comma ("I Heart Huckabees", "I, Robot", initials "I Fullarton")
-- or after a capitalised word inside a sentence ("World War I"), and an
-- exclamation mark after a capitalised word inside a sentence ("Hey Ya!",
-- "Get Me Out Of Here!").
local function opens_sentence(before)
  return before:find("^[%s\"'%(\226\128\156\152]*$")
      or before:find("[%.%?!:;][%s\"'%(\226\128\156\152]*$")
end

local function capitalised_in_title(text, word, at)
  local before = text:sub(1, at)
  if word == "!" then
    local lead, prev = before:match("^(.-)(%u[%w'%-]*)$")
    return prev ~= nil and not opens_sentence(lead)
  end
  if word:sub(1, 1) == "I" then
    local after = text:sub(at + #word + 1, at + #word + 3)
    if not after:find("^%s+%l") then return true end
    local prev_end, prev = before:match("()(%u[%a]*)%s+$")
    return prev ~= nil and not opens_sentence(before:sub(1, prev_end - 1))
  end
  return word:find("^%u") ~= nil and not opens_sentence(before)
end

-- Counts of person marks in paragraph p outside quotations, and whether it
-- holds a quotation.
local function marks_of(doc, p)
  local m = { first = 0, second = 0, exclaim = 0, question = 0, quote = false }
  for x in person_re:gmatch(p) do
    if doc:in_quote(x.start) then
      -- someone else's words
    elseif x.first then
      if not capitalised_in_title(p.text, x.first, x.start - p.start) then
        m.first = m.first + 1
      end
    elseif x.second then
      if not capitalised_in_title(p.text, x.second, x.start - p.start) then
        m.second = m.second + 1
      end
    elseif x.exclaim then
      if not capitalised_in_title(p.text, "!", x.start - p.start) then
        m.exclaim = m.exclaim + 1
      end
    else
      m.question = m.question + 1
    end
  end
  for _, s in ipairs(p.sentences) do
    if s.has_quote then m.quote = true break end
  end
  return m
end

-- A paragraph in the writer's own person: "I", or an exclamation.
local function personal(m)
  return m.first > 0 or m.exclaim > 0
end

-- Any mark of a writer addressing the reader, questions included.
local function conversational(m)
  return personal(m) or m.second > 0 or m.question > 0
end

-- Sentences in a paragraph above which it reads as an article's or a
-- column's, not as a reader's comment.
local COMMENT_SENTENCES = 5

-- The first paragraph of the readers' comments appended to an article
-- (BBC "Have your say"): the longest run at the end of the article of
-- paragraphs without reported speech, at least three, that opens with a
-- conversational paragraph, of which at least two thirds are
-- conversational, half are in the first person and most are short (a
-- first-person column has long paragraphs). nil when there is none.
local function reader_run(paragraphs, marks)
  local best
  local talk, own, short, count = 0, 0, 0, 0
  for i = #marks, 2, -1 do
    local m = marks[i]
    if m.quote and not conversational(m) then break end
    count = count + 1
    if conversational(m) then talk = talk + 1 end
    if personal(m) then own = own + 1 end
    if #paragraphs[i].sentences <= COMMENT_SENTENCES then short = short + 1 end
    if conversational(m) and count >= 3 and talk * 3 >= count * 2 and own * 2 >= count
       and short * 2 > count then
      best = i
    end
  end
  return best
end

-- A paragraph that is an interview's answer: it opens with a speaker's
-- name and a colon ("Dr Roberts: The fact is ...", "Q:", "A:") or a colon.
local interview_answer = spindle.re([[^\s*(?::|[QA]\s*:|(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*:\s)]])

-- The voice of every paragraph of the article, once: "reader" from the
-- start of the readers' comments on; "quoted" for an interview's answer;
-- "opinion" for a paragraph in the writer's own person, and for every
-- paragraph when the article has two such or the writer says "I" outside
-- quotations anywhere (a column, an essay, a review in the first person: a
-- reporter does not write "I"); otherwise "reporter".
local function paragraph_voices(doc)
  local c = memo(doc)
  if c.paragraphs then return c.paragraphs end
  local paragraphs = doc:paragraphs()
  local marks, personal_count, first_person = {}, 0, false
  for i, p in ipairs(paragraphs) do
    marks[i] = marks_of(doc, p)
    if personal(marks[i]) then
      personal_count = personal_count + 1
      first_person = first_person or marks[i].first > 0
    end
  end
  local readers = reader_run(paragraphs, marks)
  if readers then
    -- the comments are the readers' person, not the writer's
    personal_count, first_person = 0, false
    for i = 1, readers - 1 do
      if personal(marks[i]) then personal_count = personal_count + 1 end
      first_person = first_person or marks[i].first > 0
    end
  end
  local voices = {}
  for i = 1, #paragraphs do
    if readers and i >= readers then
      voices[i] = "reader"
    elseif interview_answer:test(paragraphs[i].text) then
      voices[i] = "quoted"                 -- "Dr Roberts: ...", "A: ..."
    elseif personal(marks[i]) or personal_count >= 2 or first_person then
      -- a column, an essay, a review in the first person: the writer's
      -- opinion from its first paragraph on, its lead included
      voices[i] = "opinion"
    else
      voices[i] = "reporter"
    end
  end
  c.paragraphs = voices
  return voices
end

-- The voice of a whole sentence: see M.voice.
local function sentence_voice(s)
  if s.quoted then return "quoted" end
  return paragraph_voices(s.doc)[s.paragraph] or "reporter"
end

-- The unquoted attributions covering sentence s (carried pronouns and
-- quotations included), cached per sentence.
local function attributions_of(s)
  local c = memo(s.doc)
  local list = c.voice[s.index]
  if list == nil then
    list = sources.around(s)
    c.voice[s.index] = list
  end
  return list
end

-- Whether someone else's words cover `offset`: an attribution covers the
-- sentence and the offset is not inside the attributing words themselves
-- ("The puppet government announced ..." describes the speaker in the
-- reporter's words).
local function attributed_at(s, offset)
  for _, a in ipairs(attributions_of(s)) do
    if offset < a.start or offset >= a.stop then return true end
  end
  return false
end

---Whose words a sentence is in, or (given `offset`) whose words stand at a
---body offset of it. For a whole sentence: "quoted" (it lies inside a
---quotation), "reader" (a reader's comment appended to the article, BBC
---"Have your say" style), "opinion" (a paragraph in the writer's own person
----- "I think", "!" -- and every paragraph of a first-person column or
---review) or "reporter"; an interview's answer ("Dr Roberts: ...") is
---"quoted". At an offset, also "attributed": someone else's
---words report it (see the module comment); single quotes around the words
---`offset`..`stop` make them "quoted".
---@param s spindle.Sentence
---@param offset? integer
---@param stop? integer end of the words at offset (for single quotes)
---@return "quoted"|"reader"|"opinion"|"attributed"|"reporter"
function M.voice(s, offset, stop)
  local whole = sentence_voice(s)
  if not offset then return whole end
  local doc = s.doc
  if doc:in_quote(offset) then return "quoted" end
  if stop and single_quoted(doc.body, offset, stop) then return "quoted" end
  if whole ~= "reporter" then return whole end
  if attributed_at(s, offset) then return "attributed" end
  if reporting_before():test({ text = doc.body:sub(s.start + 1, offset), start = s.start }) then
    return "attributed"
  end
  return "reporter"
end

-- Debunking: the reporting's verdict on a claim ---------------------------

---Words that name a claim someone makes, for debunking verdicts ("a false
---claim", "the conspiracy theory that", "the rumour is untrue").
M.lexicon.claim_nouns = lexicon.new("claim_nouns", {
  "claim", "claims", "theory", "theories", "rumour", "rumours", "rumor",
  "rumors", "myth", "myths", "story", "stories", "report", "reports", "post",
  "posts", "video", "videos", "message", "messages", "allegation",
  "allegations", "assertion", "assertions", "suggestion", "suggestions",
  "notion", "idea", "narrative", "information", "cure", "cures", "remedy",
  "remedies",
})

-- A verdict aimed at a claim: a falsehood word before what the claim says
-- ("the conspiracy theory that", "myths about the virus"), a verdict word
-- before a claim noun ("a false claim", "debunked theories"), "falsely
-- claimed", "no evidence that", "has been debunked", a fact-check, or a
-- claim noun said to be false ("the rumour is untrue").
local debunk_re = lexicon.regex(function(claims)
  local falsehood = [[(?:conspiracy\s+theor(?:y|ies)|hoax(?:es)?|myths?|rumou?rs?|misinformation|disinformation|falsehoods?|fake\s+news)]]
  local verdict = [[(?:false|baseless|unfounded|bogus|debunked|discredited|unsubstantiated|misleading|fabricated|spurious|groundless|unproven|fake)]]
  return ([[(?<![\p{L}-])(?:%s\s+(?:that|about|claiming|suggesting|linking|which|saying)\b|%s\s+(?:%s)\b|falsely\s+(?:claim|suggest|state|assert|link|report|say|said|describ|attribut|accus)\w*|(?:no|little|any)\s+(?:\w+\s+)?(?:evidence|proof)\s+(?:that|to\s+support|of|for)\b|never\s+been\s+(?:any\s+)?(?:\w+\s+){0,2}(?:evidence|proof)\b|not\s+(?:supported|backed)\s+by\s+(?:any\s+)?(?:\w+\s+)?evidence|(?:has|have|had|been)\s+(?:been\s+)?(?:debunked|disproved|disproven|refuted|discredited)|debunk\w*|fact[-\s]?check\w*|(?:spread\w*|circulat\w*|flood\w*|amplif\w*|peddl\w*)\b[^.]{0,60}?%s|%s[^.]{0,80}?\b(?:spread\w*|circulat\w*|shared|social\s+media|online|platforms?)\b|(?:%s)\s+(?:\S+\s+){0,6}?(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|untrue|baseless|unfounded|misleading|not\s+true|a\s+hoax|fake|fabricated|groundless)|^(?:but\s+|and\s+)?(?:this|that|it|these|those)\s+(?:is|are|was|were)\s+(?:also\s+|simply\s+|just\s+|equally\s+|completely\s+|entirely\s+)?(?:false|untrue|bogus|baseless|unfounded|misleading|not\s+true|a\s+myth|a\s+hoax|nonsense))]])
    :format(falsehood, verdict, claims, falsehood, falsehood, claims)
end, "i", M.lexicon.claim_nouns)

-- Words that cite evidence: studies, scientists, tests, records, data.
local evidence_re = spindle.re([[(?<![\p{L}-])(?:evidence|stud(?:y|ies)|research\w*|scientists?|scientific|experts?|data|tests?|tested|trials?|fact[-\s]?check\w*|according\s+to|investigation|investigators|analysis|records?|documents?|intelligence\s+agencies|genome|peer[-\s]reviewed|health\s+(?:officials|authorities)|WHO|CDC|NHS|FDA|shows?|showed|found|confirmed|proved|social\s+media|platforms?|posts|WhatsApp|Facebook|Twitter|YouTube)(?![\p{L}-])]], "i")

-- A name for a falsehood, which a debunking article goes on using.
local falsehood_re = spindle.re([[(?<![\p{L}-])(?:conspiracy\s+theor(?:y|ies)|hoax(?:es)?|myths?|rumou?rs?|misinformation|disinformation|falsehoods?|fake\s+news)(?![\p{L}-])]], "i")

-- Whether a sentence before s in the article is a debunking.
local function debunked_before(s)
  local p = s:prev()
  while p do
    if M.debunking(p) then return true end
    p = p:prev()
  end
  return false
end

-- Whether sentence s cites evidence, or someone on the record covers it.
local function cites_evidence(s)
  if evidence_re:test(s) then return true end
  for _, a in ipairs(sources.around(s)) do
    if not a.quoted then return true end
  end
  return false
end

---The debunking verdict of a sentence, or nil: the reporter's own "hoax",
---"false claim", "conspiracy theory that", "no evidence that", "has been
---debunked", aimed at a claim someone makes and backed by evidence the
---sentence, or the sentence before or after it in its paragraph, cites (a
---study, scientists, tests, records, an attribution). In fact-checks such
---words are the finding of the reporting, not loaded language.
---@param s spindle.Sentence
---@return spindle.Term|nil
function M.debunking(s)
  local c = memo(s.doc)
  local found = c.debunking[s.index]
  if found == nil then
    found = false
    if sentence_voice(s) == "reporter" then
      local m = debunk_re():match(s)
      local backed = m and cites_evidence(s)
      for _, n in ipairs({ s:prev() or false, s:next() or false }) do
        if m and not backed and n and n.paragraph == s.paragraph then backed = cites_evidence(n) end
      end
      -- "But this is also bogus." and the evidence in the sentences after
      local n = s:next()
      for _ = 1, 2 do
        if not (m and not backed and n) then break end
        backed = cites_evidence(n)
        n = n:next()
      end
      if not backed then
        -- "this conspiracy theory", once the article has debunked it
        m = falsehood_re:match(s)
        backed = m and debunked_before(s)
      end
      if backed then
        found = { text = m.text, start = m.start, stop = m.stop, kind = "debunking",
                  voice = "reporter", literal = false }
      end
    end
    c.debunking[s.index] = found
  end
  return found or nil
end

local upper_initial = spindle.re("^\\p{Lu}")

-- Words the article writes capitalised inside sentences: its names and
-- titles. Built once per article, when a capitalised match needs it.
local cap_word = spindle.re([[(?<![\p{L}\p{N}'’-])[\p{Lu}][\p{L}'’-]*]])

local function names_of(doc)
  local c = memo(doc)
  if not c.names then
    local set = {}
    for _, s in ipairs(doc:sentences()) do
      for m in cap_word:gmatch(s.text) do
        if s.text:sub(1, m.start):find("[%w\128-\255]") then set[m.text:lower()] = true end
      end
    end
    c.names = set
  end
  return c.names
end

-- A fixed phrase holds the match, or the match is capitalised: inside its
-- sentence, or at its start when the article writes it capitalised
-- elsewhere too -- a name or a title ("Shameless", the song "Hysteria").
local function literal_at(s, m)
  if upper_initial:test(m.text) then
    local opening = s.doc.body:sub(s.start + 1, m.start):find("^[%s\"'%(%-]*$")
    if not opening or names_of(s.doc)[m.text:lower()] then return true end
  end
  for l in literal_re():gmatch(s) do
    if l.start <= m.start and l.stop >= m.stop then return true end
  end
  return false
end

-- The matches of a regex over the whole body, bucketed by sentence: one
-- pass per article instead of one per sentence. `make` builds a Term.
local function by_sentence(doc, key, re, make)
  local c = memo(doc)
  local buckets = c[key]
  if not buckets then
    buckets = {}
    for m in re:gmatch(doc.body) do
      local s = doc:sentence_at(m.start)
      if s then
        local l = buckets[s.index]
        if not l then l = {} buckets[s.index] = l end
        l[#l + 1] = make(s, m)
      end
    end
    c[key] = buckets
  end
  return buckets
end

local NONE = setmetatable({}, { __newindex = function() error("shared empty list", 2) end })

-- The body right after a match, a few words of it.
local function after_match(s, m)
  return s.doc.body:sub(m.stop + 1, math.min(s.stop, m.stop + 60))
end

local function make_loaded(s, m)
  local kind = M.lexicon.loaded:kind(m.text) or "other"
  return {
    text = m.text, start = m.start, stop = m.stop, kind = kind,
    voice = M.voice(s, m.start, m.stop),
    literal = literal_at(s, m)
        or (kind == "outrage" and spectacle_after():test(after_match(s, m))),
  }
end

-- Whether a certainty word is only emphasis: praise of rank after it, or
-- nothing of blame, deceit, harm or cure in the rest of its sentence.
local function emphasis_only(s, m)
  if praise_after:test(after_match(s, m)) then return true end
  return not accusation_re:test(s.doc.body:sub(m.stop + 1, s.stop))
      and not loaded_re():test(s.doc.body:sub(m.stop + 1, s.stop))
end

-- An absolute that is not asserted: a hypothetical ("you could easily
-- think that ... had never happened") or "without question" after a verb,
-- where it means uncritically ("the media repeat it without question").
local hypothetical_before = spindle.re([[\b(?:could|would|might)\s+(?:\w+\s+)?(?:think|imagine|believe|assume|suppose|forget)\b]], "i")
local manner_before = spindle.re([[\b\p{Ll}+(?:s|ed|ing)?\s+(?:\w+\s+){0,3}$]])

local function not_asserted(s, m)
  local before = s.doc.body:sub(s.start + 1, m.start)
  if m.text:lower() == "without question" and manner_before:test(before)
     and not before:find("[,;:]%s*$") then
    return true
  end
  return hypothetical_before:test(before)
end

local function make_absolute(s, m)
  local kind = m.total and "total" or M.lexicon.absolutes:kind(m.word) or "other"
  return {
    text = m.text, start = m.start, stop = m.stop, kind = kind,
    voice = M.voice(s, m.start, m.stop),
    literal = literal_at(s, m) or (kind == "certainty" and emphasis_only(s, m))
              or not_asserted(s, m),
  }
end

---The loaded words of a sentence, in text order. Shared: do not modify.
---@param s spindle.Sentence
---@return spindle.Term[]
function M.loaded(s)
  local c = s.doc.cache["spindle.language"]
  local buckets = c and c.loaded or by_sentence(s.doc, "loaded", loaded_re(), make_loaded)
  return buckets[s.index] or NONE
end

---The absolute claims of a sentence, in text order. Shared: do not modify.
---@param s spindle.Sentence
---@return spindle.Term[]
function M.absolutes(s)
  local c = s.doc.cache["spindle.language"]
  local buckets = c and c.absolutes or by_sentence(s.doc, "absolutes", absolute_re(), make_absolute)
  return buckets[s.index] or NONE
end

---Lower-case words for a rule's `needs` prefilter from a lexicon's entries,
---deduplicated: each entry's longest word, the one least likely to be in
---every article ("pack of lies" gives "lies", "there is no doubt" gives
---"doubt", "all experts" gives "experts"). A word that holds another one
---of the list is left out ("hoaxes" is covered by "hoax": needs match by
---substring), which keeps the prefilter pattern short.
---@param lex spindle.Lexicon
---@return string[]
function M.needs(lex)
  local seen, picks = {}, {}
  for _, e in ipairs(lex) do
    local words = {}
    for w in e:lower():gmatch("%S+") do words[#words + 1] = w end
    local pick = words[1]
    for _, w in ipairs(words) do if #w > #pick then pick = w end end
    if pick and not seen[pick] then seen[pick] = true picks[#picks + 1] = pick end
  end
  local out = {}
  for _, w in ipairs(picks) do
    local covered = false
    for _, v in ipairs(picks) do
      if v ~= w and w:find(v, 1, true) then covered = true break end
    end
    if not covered then out[#out + 1] = w end
  end
  return out
end

-- Its results are new lists the caller owns: rules get them to change.
fresh_result(M.needs)

return M
