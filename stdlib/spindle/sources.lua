--[[
spindle.sources — who a sentence says its claims come from.

An attribution is a table:
  text         the words that attribute ("Ambassador Denis Ivanov said")
  start, stop  body byte offsets of those words (0-based, end exclusive)
  verb         the speech verb or marker ("said", "according to", "in a statement")
  source       the source phrase as written ("Ambassador Denis Ivanov", "sources")
  type         one of
                 "official-named"   a named person in an official role, or an
                                    institution speaking on record ("the
                                    defence ministry said", "the company said",
                                    "a Foreign Office spokesman said")
                 "official-unnamed" officials who are not named ("officials
                                    said", "a ministry spokesperson", "two
                                    ministers")
                 "document"         a statement, press release, filing, records,
                                    official data, a named report
                 "wire"             a news agency ("(Reuters)", "Based on PTI report")
                 "media"            other media ("media reports", "reports
                                    suggested", "widely circulated", "the
                                    newspaper reported", "a report in the Times")
                 "anonymous"        unnamed sources ("sources said", "people
                                    familiar with the matter", "insiders", an
                                    official "who declined to be named")
                 "expert"           analysts, economists, researchers, studies
                 "named"            a named person or organisation with no
                                    recognised official role ("Jane Roe, a
                                    resident, said", "BT said")
                 "other"            anyone else unnamed ("critics said",
                                    "residents said"), and a pronoun whose
                                    speaker could not be found
  named        true when a person or organisation is named
  quoted       true when the attribution itself lies inside a quotation (it
               is the quoted speaker's source, not the article's)
  carried      true when it was carried from another sentence: "He added..."
               resolved to the last speaker, or a quotation continued across
               sentences
  via          for a carried attribution, the words in this sentence ("He")
  denial       true when the verb denies or rejects ("denied", "dismissed
               the reports")
  credit       true for a wire credit ("(Reuters)", "— AFP", "Based on IANS
               report", "with inputs from PTI")

Scope. An attribution covers the sentence it is in. A pronoun speaker ("He
added", "It said", "They told reporters") takes the nearest speaker before it
that agrees with the pronoun (he/she a person, it a body or record, they
people or a body), looking back past quoted sentences and, for he/she, past
one sentence in the reporter's voice; or the person or body that opens the
sentence just before. A later bare surname ("Ivanov said") that named an
official earlier in the article is that official. A sentence wholly inside a
quotation, with no attribution of its own, is the speaker's: the speaker of
the quotation it continues (named where the quotation closes), else the
speaker just before it (a quotation standing alone after an attributed one
continues that speaker, across a paragraph break too), else the speaker named
in the sentence after it. Functions that take `opts` accept
`opts.scope = "paragraph"` to look at every sentence of the paragraph.

Which sources count as official (sources.official): "official-named" and
"document" — an accountable person, institution or record, on the record.
Unnamed officials ("officials said") are official but not accountable; they
count only with `opts.unnamed = true`, so that a rule can tell "no official
source" from "only unnamed officials" and score the second lower.

The functions take a Sentence, or anything with a `sentence` field (a Claim).
Analysis is lazy and memoised in doc.cache["spindle.sources"]: the first
question about an article scans its body once for cues (one trie-shaped regex
for the speech verbs, one for wire credits, one for the literal keys of the
rarer markers); a sentence is then analysed only when some rule asks about it
(or about a sentence whose pronoun or quotation reaches back to it), and at
most once. Source phrases are classified by their shape ("Mr X"), cached
across articles.

Lexicons (spindle.lexicon) a rule file can extend in one line:
  sources.lexicon.official_titles:add("Ombudsman")
  sources.lexicon.wire_agencies:add("Kyodo")
]]

local lexicon = require "spindle.lexicon"

local M = {}

-------------------------------------------------------------------------------
-- Lexicons
-------------------------------------------------------------------------------

M.lexicon = {
  ---Verbs that attribute speech or writing to a subject.
  speech_verbs = lexicon.new("speech_verbs", {
    "said", "says", "say", "told", "tells", "tell", "stated", "states",
    "added", "adds", "announced", "announces", "confirmed", "confirms",
    "confirm", "denied", "denies", "deny", "claimed", "claims", "claim",
    "insisted", "insists", "insist", "noted", "notes", "warned", "warns",
    "warn", "explained", "explains", "wrote", "writes", "tweeted", "posted",
    "reported", "revealed", "reveals", "disclosed", "alleged", "alleges",
    "acknowledged", "acknowledges", "admitted", "admits", "argued", "argues",
    "argue", "asserted", "maintained", "maintains", "suggested", "suggests",
    "suggest", "estimated", "estimates", "estimate", "dismissed",
    "dismisses", "rejected", "rejects", "refuted", "refutes", "described", "describes", "called", "termed", "stressed",
    "characterised", "characterized", "characterises", "characterizes",
    "branded", "labelled", "labeled", "portrayed", "painted",
    "emphasised", "emphasized", "clarified", "countered", "replied",
    "responded", "commented", "observed", "pointed out", "informed",
    "briefed", "quoted", "cited", "indicated", "conceded", "concedes",
    "believe", "believes", "predicted", "predicts", "forecast",
    "understands", "has learned", "has learnt",
  }),
  ---Participles that continue the subject of the clause before them:
  ---"The ministry rejected the report, saying it was false."
  participles = lexicon.new("participles", {
    "saying", "adding", "insisting", "warning", "denying", "claiming",
    "arguing", "stressing", "noting", "explaining",
  }),
  ---Verbs that deny or reject: an attribution with one is a denial.
  denial_verbs = lexicon.new("denial_verbs", {
    "denied", "denies", "deny", "denying", "refuted", "refutes", "rejected",
    "rejects", "dismissed", "dismisses",
  }),
  ---Titles of people who speak for a state, institution or company.
  official_titles = lexicon.new("official_titles", {
    "minister", "prime minister", "deputy minister", "foreign minister",
    "defence minister", "defense minister", "finance minister", "president",
    "vice president", "vice-president", "ambassador", "envoy", "consul",
    "high commissioner", "secretary", "undersecretary", "press secretary",
    "secretary of state", "secretary-general", "governor", "mayor",
    "senator", "congressman", "congresswoman", "lawmaker", "MP", "MEP",
    "chancellor", "premier", "chief minister", "chief executive", "CEO",
    "chairman", "chairwoman", "chairperson", "chair", "director",
    "director general", "director-general", "managing director", "general",
    "admiral", "commander", "colonel", "commissioner", "attorney general",
    "prosecutor", "judge", "inspector", "superintendent", "chief constable",
    "deputy", "adviser", "advisor", "king", "queen", "prince", "sheikh",
    "emir", "head", "chief", "founder", "treasurer", "registrar", "ombudsman",
    "speaker", "leader", "executive", "officer", "administrator", "boss",
    "manager", "coach", "captain", "peer", "regulator", "constable",
  }),
  ---Official people who are not named by these words alone.
  unnamed_officials = lexicon.new("unnamed_officials", {
    "official", "officials", "spokesperson", "spokespersons", "spokesman",
    "spokesmen", "spokeswoman", "spokeswomen", "diplomat", "diplomats",
    "aide", "aides", "authorities", "officers", "representatives",
    "representative", "government officials", "senior officials",
    "prosecutors", "ministers", "insiders at",
  }),
  ---Institutions and organisations that speak on record.
  institutions = lexicon.new("institutions", {
    "ministry", "department", "government", "embassy", "consulate",
    "Kremlin", "White House", "Pentagon", "State Department", "Foreign Office",
    "Home Office", "Treasury", "Downing Street", "Number 10", "No 10",
    "cabinet", "office", "council", "commission", "authority", "agency",
    "administration", "parliament", "court", "army", "military", "navy",
    "police", "central bank", "bank", "regulator", "watchdog", "company",
    "firm", "corporation", "corp", "group", "board", "secretariat",
    "directorate", "bureau", "committee", "union", "party", "presidency",
    "tribunal", "exchange", "airline", "carrier", "insurer", "lender",
    "retailer", "operator", "manufacturer", "maker", "carmaker", "producer",
    "supplier", "club", "federation", "association", "organisation",
    "organization", "foundation", "charity", "institute", "league",
    "society", "trust", "alliance", "university", "hospital", "giant",
    "chain", "studio", "label", "publisher", "developer", "body", "senate",
    "congress", "assembly", "team", "headquarters", "station",
    "bosses", "management", "executives",
  }),
  ---Words for unnamed sources, as the subject of a speech verb or after
  ---"according to" ("sources said", "according to people familiar with").
  anonymous = lexicon.new("anonymous", {
    "sources", "source", "insiders", "insider", "people familiar with",
    "person familiar with", "those familiar with", "people close to",
    "person close to", "people with knowledge of", "person with knowledge of",
    "people aware of", "people briefed on", "a person briefed on",
    "people in the know", "those in the know", "unnamed", "anonymous",
    "a well-placed", "whistleblower", "informants", "informant",
  }),
  ---Phrases that mark a source as anonymous wherever they stand in the
  ---sentence ("an official, who spoke on condition of anonymity, said").
  anonymity = lexicon.new("anonymity", {
    "people familiar with the matter", "people familiar with the talks",
    "people familiar with the plans", "people familiar with the negotiations",
    "people familiar with the discussions", "person familiar with the matter",
    "people with knowledge of the matter", "people with direct knowledge",
    "on condition of anonymity", "on the condition of anonymity",
    "declined to be named", "declined to be identified",
    "asked not to be named", "asked not to be identified",
    "requested anonymity", "not authorised to speak", "not authorized to speak",
    "speaking anonymously", "who did not want to be named",
  }),
  ---News agencies.
  wire_agencies = lexicon.new("wire_agencies", {
    "Reuters", "AFP", "Agence France-Presse", "AP", "Associated Press",
    "PTI", "Press Trust of India", "IANS", "ANI", "UNI", "TASS", "RIA Novosti",
    "RIA", "Interfax", "Xinhua", "Anadolu", "Yonhap", "Kyodo", "EFE", "dpa",
    "Bernama", "APP", "Sputnik", "WAM", "SPA", "IRNA", "Bloomberg",
    "news agency", "news agencies", "wire service", "newswire",
  }),
  ---Words that make a source other media, as the head of its phrase
  ---("local media", "the Mirror newspaper"; not "TV presenter Anne Robinson").
  media = lexicon.new("media", {
    "reports", "media", "newspaper", "newspapers", "paper", "daily",
    "weekly", "broadcaster", "broadcasters", "channel", "television", "TV",
    "radio", "outlet", "outlets", "publication", "publications", "magazine",
    "tabloid", "tabloids", "website", "websites", "portal", "press",
    "social media", "posts", "journalists", "bloggers", "news", "report",
    "coverage", "headlines", "rumours", "rumors",
  }),
  ---Words that make a source a document or record.
  documents = lexicon.new("documents", {
    "statement", "statements", "press release", "release", "filing",
    "filings", "document", "documents", "records", "data", "figures",
    "statistics", "gazette", "notification", "communiqué", "communique",
    "letter", "minutes", "transcript", "court papers",
    "annual report", "budget", "contract", "agreement", "memorandum",
    "white paper", "indictment", "charge sheet", "affidavit", "accounts",
    "results", "ruling", "judgment", "judgement", "order", "dossier",
    "inquiry", "review", "audit", "census", "register", "website",
  }),
  ---Words that make a source an expert.
  experts = lexicon.new("experts", {
    "analyst", "analysts", "expert", "experts", "economist", "economists",
    "professor", "researcher", "researchers", "scholar", "scholars",
    "scientist", "scientists", "academic", "academics", "think tank",
    "think-tank", "consultant", "consultants", "study", "survey", "poll",
    "research", "strategist", "strategists", "forecasters", "commentators",
  }),
}

-- Capitalised words that are not names (sentence-initial words, pronouns,
-- quantifiers, days, months). Lower case keys.
local NOT_NAMES = {}
for w in ([[the a an this that these those its it he she they we i you his her
  their our my your some many several few most all both two three four five
  six seven eight nine ten one other another such any no also but and or
  on in at by for of to from with after before during meanwhile however
  earlier later last next monday tuesday wednesday thursday friday saturday
  sunday january february march april may june july august september october
  november december mr mrs ms dr prof sir lord lady senior junior deputy
  acting former top chief local state federal national regional foreign
  according meanwhile separately speaking asked who which when while
  critics residents witnesses protesters villagers locals observers opponents
  supporters campaigners activists workers employees staff people voters
  parents doctors investors traders users fans neighbours relatives family
  friends colleagues members students teachers farmers citizens officials
  sources reports analysts experts police prosecutors yet so now then
  instead still even only both each]])
  :gmatch("%a+") do
  NOT_NAMES[w] = true
end

local PRONOUNS = { he = "he", she = "he", they = "they", it = "it", we = "we",
                   i = "we", who = "who", which = "who" }

-- Words after which a new clause, and so a new subject, begins.
local CONJUNCTIONS = {}
for w in ([[after when because while if that since before although though as
  and but so until once where whereas unless]]):gmatch("%a+") do
  CONJUNCTIONS[w] = true
end

-- Words dropped from the end of a source phrase ("the ministry has also").
local TRAILING = {}
for w in ([[has have had also later earlier previously repeatedly once
  again would will could may might had then further separately already
  subsequently reportedly publicly privately today yesterday both all
  itself himself herself themselves now still even just first initially
  originally last this week month year on monday tuesday wednesday thursday
  friday saturday sunday long always never consistently since however
  meanwhile though too instead nonetheless moreover]]):gmatch("%a+") do
  TRAILING[w] = true
end

-- Words that, just before a speech verb, make it no attribution: an
-- infinitive ("declined to say"), a negation ("did not deny"), a modal of
-- ability ("few could say").
local NOT_SAID = {}
for w in ([[to not never cannot can could n't didn't doesn't don't won't
  wouldn't couldn't hasn't haven't hadn't isn't wasn't]]):gmatch("%S+") do
  NOT_SAID[w] = true
end

-- Words after which the verb is an adjective or noun, not a predicate
-- ("the said contract", "a reported deal", "widely reported").
local DETERMINERS = {}
for w in ([[the a an this that these those its their his her our such any no
  widely much often previously]]):gmatch("%a+") do
  DETERMINERS[w] = true
end

-- Who a statement is made to ("said to reporters"), unlike "said to be".
local TO_LISTENERS = { reporters = true, journalists = true, the = true,
                       parliament = true, mps = true, delegates = true }

local AUXILIARIES = { is = true, are = true, was = true, were = true, be = true,
                      been = true, being = true }
local PASSIVE_ADVERBS = { first = true, also = true, later = true, earlier = true,
                          initially = true, originally = true, ["then"] = true,
                          ["not"] = true, widely = true }

-- Prepositions that end the head of a source phrase ("a report [by ...]").
local PREPOSITIONS = { of = true, at = true, from = true, ["for"] = true,
                       with = true, ["in"] = true, on = true, by = true,
                       to = true, within = true, inside = true, close = true }

-- Prepositions that open a phrase before its subject ("At a press
-- conference on Thursday Intel announced").
local OPENING_PREPOSITIONS = {}
for w in ([[at in on during after before following for with from by amid
  despite under speaking writing]]):gmatch("%a+") do
  OPENING_PREPOSITIONS[w] = true
end

-- Verbs with which an outlet reports what unnamed sources told it.
local UNNAMED_VERBS = { ["understands"] = true, ["has learned"] = true, ["has learnt"] = true }

-- Speech verbs a person, not a record, says with ("party figures said").
local PERSON_VERBS = { said = true, says = true, say = true, told = true,
                       tells = true, insisted = true, argued = true,
                       warned = true, admitted = true, believe = true,
                       believes = true }

-- How much an attribution vouches for a claim; sources.best picks the
-- strongest. A table so that a rule file can re-rank.
M.strength = {
  ["official-named"] = 10, ["document"] = 9, ["named"] = 7, ["expert-named"] = 7,
  ["wire"] = 5, ["official-unnamed"] = 4, ["expert"] = 3, ["other"] = 2,
  ["media"] = 2, ["anonymous"] = 1,
}

-------------------------------------------------------------------------------
-- Patterns
-------------------------------------------------------------------------------

-- A shared empty list: returned for "nothing here" (callers do not modify).
local EMPTY = {}

-- A lexicon as a set of lower-case entries (runs of spaces made one), and
-- the most words an entry has; rebuilt when the lexicon changes.
local set_cache = setmetatable({}, { __mode = "k" })
local function set_of(lex)
  local hit = set_cache[lex]
  if hit and hit.version == lex.version then return hit end
  local set, firsts, n = {}, {}, 1
  for _, e in ipairs(lex) do
    local k = e:lower():gsub("%s+", " ")
    set[k] = true
    local words = select(2, k:gsub("%S+", ""))
    if words > n then n = words end
    if words > 1 then firsts[k:match("^%S+")] = true end
  end
  -- firsts: the first words of the entries of several words, the only
  -- places an n-gram lookup can succeed
  hit = { version = lex.version, set = set, firsts = firsts, n = n }
  set_cache[lex] = hit
  return hit
end

-- Whether lower-case `lw` is an entry of lex.
local function has(lex, lw)
  return set_of(lex).set[lw] == true
end

-- A lexicon's entries as a PCRE2 alternation shaped as a trie
-- ("s(?:a(?:id|ys?)|...)"), so that the matcher tests each letter once
-- rather than every entry in turn; cached until the lexicon changes.
local trie_cache = setmetatable({}, { __mode = "k" })
local function trie_alternation(lex, keep_case)
  local hit = trie_cache[lex]
  if hit and hit.version == lex.version and hit.keep_case == keep_case then return hit.alt end
  local alt = lexicon.trie(lex, keep_case)
  trie_cache[lex] = { version = lex.version, alt = alt, keep_case = keep_case }
  return alt
end

-- A regex built from lexicons' trie alternations, rebuilt when one changes
-- (as lexicon.regex, but always trie-shaped, whatever the entries).
local function trie_regex(build, flags, ...)
  local lexes = { ... }
  local compiled, versions = nil, {}
  return function()
    local stale = compiled == nil
    for i = 1, #lexes do
      if versions[i] ~= lexes[i].version then stale = true break end
    end
    if stale then
      local alts = {}
      for i, lex in ipairs(lexes) do
        alts[i] = trie_alternation(lex, not (flags or ""):find("i"))
        versions[i] = lex.version
      end
      compiled = spindle.re(build(table.unpack(alts)), flags)
    end
    return compiled
  end
end

-- Words too common to serve as a literal key for a phrase.
local COMMON = {}
for w in ([[the a an of to be on in with who did not want people person those
  matter talks plans negotiations discussions direct declined asked requested
  speak speaking condition]]):gmatch("%a+") do
  COMMON[w] = true
end

-- Lower-case keys of a lexicon for a literal prefilter: for each entry its
-- longest word that is not a common one (an entry cannot match unless that
-- word is in the text).
local key_cache = setmetatable({}, { __mode = "k" })
local function lexicon_keys(lex)
  local hit = key_cache[lex]
  if hit and hit.version == lex.version then return hit.keys end
  local keys, seen = {}, {}
  for _, e in ipairs(lex) do
    local best = ""
    for w in e:lower():gmatch("%S+") do
      if #w > #best and not COMMON[w] then best = w end
    end
    if best == "" then best = e:lower():gsub("%s+", " ") end
    if not seen[best] then
      seen[best] = true
      keys[#keys + 1] = best
    end
  end
  key_cache[lex] = { version = lex.version, keys = keys }
  return keys
end

-- The cues of an attribution.
--
-- Found over the whole body, once per article: speech verbs (with the
-- participles and "according to", told apart in Lua) and wire credits.
local cue_words = lexicon.new("cue_words", { "according to" })
local verb_cue = trie_regex(function(v, p, a)
  return [[(?<![\w-])(?<verb>]] .. v:sub(1, -2) .. "|" .. p:sub(4, -2) .. "|" .. a:sub(4, -2) .. [[))\b]]
end, "i", M.lexicon.speech_verbs, M.lexicon.participles, cue_words)
-- an agency credited after a bracket or dash ("(Reuters)", "— AFP"); names
-- are matched case-sensitively, so that "ap" or "spa" in running text is
-- not an agency; is_credit checks the rest of the credit
local wire_cue = trie_regex(function(v)
  return [[[(\x{2013}\x{2014}-]\s*\K]] .. v .. [[(?![\p{L}\p{N}])]]
end, nil, M.lexicon.wire_agencies)

-- Rare cues, each run only on the sentences that hold one of its literal
-- keys (found by one trie scan of the body for all the keys): anonymity
-- phrases and markers that need no speech verb. Named groups carry the
-- source of a wire marker (wsrc1, wsrc2).
local KEYED = {
  { kind = "anon", re = trie_regex(function(v) return [[\b]] .. v .. [[\b]] end,
                                   "i", M.lexicon.anonymity),
    lexicon = M.lexicon.anonymity },
  -- "in a statement", "via a press release"
  { kind = "marker", type = "document",
    re = spindle.re([[\b(?:in|via|through)\s+(?:an?|the|its|his|her|their)\s+(?:(?:joint|written|official|separate|brief|short|formal)\s+)?(?:statement|press\s+release|communiqu[ée]|filing|regulatory\s+filing|letter|notice|notification|gazette\s+notification)\b]], "i"),
    keys = { "statement", "release", "communiq", "filing", "letter", "notice", "notification" } },
  -- "documents seen by", "figures show"
  { kind = "marker", type = "document",
    re = spindle.re([[\b(?:documents?|filings?|records|figures|data|minutes|transcripts?|statistics)\s+(?:seen|reviewed|obtained|released|published|filed|show|shows|showed|indicate|indicates|indicated|made\s+public)\b]], "i"),
    keys = { "document", "filing", "records", "figures", "data", "minutes", "transcript",
             "statistics" } },
  -- "official figures", "a press release"
  { kind = "marker", type = "document",
    re = spindle.re([[\b(?:official|government|ministry|published)\s+(?:data|figures|statistics|records|documents?)\b|\bpress\s+release\b]], "i"),
    keys = { "document", "records", "figures", "data", "statistics", "release" } },
  -- "a copy of which was seen by"
  { kind = "marker", type = "document",
    re = spindle.re([[\b(?:a\s+)?cop(?:y|ies)\s+of\s+which\s+(?:was|were|has\s+been|have\s+been)\s+(?:seen|obtained|reviewed)\b]], "i"),
    keys = { "copy", "copies" } },       -- (not "which": it is in most sentences)
  -- "issued a statement"
  { kind = "marker", type = "document",
    re = spindle.re([[\b(?:issued|released|published|put\s+out)\s+(?:an?|the)\s+(?:(?:joint|written|official|brief|short|formal)\s+)?(?:statement|press\s+release|communiqu[ée])\b]], "i"),
    keys = { "statement", "release", "communiq" } },
  -- "Based on PTI report"
  { kind = "marker", type = "wire",
    re = spindle.re([[\bbased\s+on\s+(?:an?\s+|the\s+)?(?<wsrc1>[\p{L}\p{N} .&'-]{1,60}?)\s+(?:reports?|inputs|dispatch(?:es)?|wire)\b]], "i"),
    keys = { "based" } },
  -- "with inputs from IANS"
  { kind = "marker", type = "wire",
    re = spindle.re([[\bwith\s+(?:additional\s+)?inputs?\s+from\s+(?<wsrc2>[\p{L}\p{N} .&'-]{1,60}?)(?=[.,;)]|\s*$)]], "i"),
    keys = { "input" } },
  -- "the talk in the City is that", "rumour has it", "word is that":
  -- rumour passed on with no one behind it
  { kind = "marker", type = "anonymous",
    re = spindle.re([[\bthe\s+(?:talk|word|buzz|gossip|whisper)\s+(?:in|on|around|among)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:is|was)\b|\brumou?r\s+has\s+it\b|\b(?:word|talk)\s+(?:is|was)\s+that\b|\bit\s+is\s+(?:being\s+)?(?:rumou?red|whispered)\b]], "i"),
    keys = { "talk", "word", "buzz", "gossip", "whisper", "rumour", "rumor" } },
  -- "media reports", "widely circulated", "it was reported", "reports in
  -- the local press"
  { kind = "marker", type = "media",
    re = spindle.re([[\b(?:media|press|news|newspaper|television|tv)\s+reports?\b(?!\s+(?:said|say|says|suggest|suggested|suggests|claimed|claim|claims|indicated|alleged))|\bwidely\s+(?:circulated|reported|shared)\b|\bit\s+(?:is|was|has\s+been)\s+reported\b|\breports\s+(?:in|from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:media|press|newspapers?|outlets?|television|broadcasters?)\b]], "i"),
    keys = { "report", "widely" } },
}

-- The keys of every keyed cue as one lexicon, and for each key the cues it
-- triggers; rebuilt when the anonymity lexicon changes.
local key_lexicon = lexicon.new("cue_keys")
local key_cues, key_version = {}, -1
local function keyed_index()
  local version = M.lexicon.anonymity.version
  if version ~= key_version then
    key_cues = {}
    local words = {}
    for ci, cue in ipairs(KEYED) do
      for _, k in ipairs(cue.keys or lexicon_keys(cue.lexicon)) do
        if not key_cues[k] then
          key_cues[k] = {}
          words[#words + 1] = k
        end
        table.insert(key_cues[k], ci)
      end
    end
    key_lexicon = lexicon.new("cue_keys", words)
    key_version = version
  end
  return key_cues, key_lexicon
end
local key_regex_cache = { version = -1 }
local function key_cue()
  local _, lex = keyed_index()
  if key_regex_cache.lex ~= lex then
    key_regex_cache.lex = lex
    key_regex_cache.re = spindle.re([[\b]] .. trie_alternation(lex), "i")
  end
  return key_regex_cache.re
end

-- A cue verb as written -> lower case, single spaces ("Said" -> "said");
-- the same few spellings come back in every article (the table starts
-- over past a bound, should odd spacing make many).
local verb_keys, verb_key_count = {}, 0

-- The cue index of an article: the matches of the body-wide cues by
-- sentence index (`by`), and for each keyed cue the set of sentences that
-- hold one of its keys (`keyed[ci]`).
--
-- The body-wide cues are read with re:find, which makes no Match table:
-- a cue is a small table of its own ({start, stop, verb, kind, part} or
-- {start, stop, text, kind}), which is all scan_sentence reads of it.
local function cue_index(doc)
  local sentences = doc:sentences()
  local body = doc.body
  local by, keyed = {}, {}
  for ci in ipairs(KEYED) do keyed[ci] = {} end
  local si, n = 1, #sentences
  local participles = set_of(M.lexicon.participles).set
  local re, init = verb_cue(), 0
  while true do
    local a, b, verb = re:find(body, init)
    if not a then break end
    init = b > a and b or a + 1
    local lw = verb_keys[verb]
    if not lw then
      lw = verb:lower():gsub("%s+", " ")
      if verb_key_count >= 1000 then verb_keys, verb_key_count = {}, 0 end
      verb_keys[verb] = lw
      verb_key_count = verb_key_count + 1
    end
    local m
    if lw == "according to" then
      m = { start = a, stop = b, verb = verb, kind = "acc" }
    elseif participles[lw] then
      m = { start = a, stop = b, verb = verb, kind = "part", part = verb }
    else
      m = { start = a, stop = b, verb = verb, kind = "verb" }
    end
    if m.kind ~= "part" or body:sub(a - 1, a):find("^,%s$") then
      while si <= n and sentences[si].stop <= a do si = si + 1 end
      local s = sentences[si]
      if not s then break end
      if s.start <= a then
        local list = by[si]
        if not list then
          list = {}
          by[si] = list
        end
        list[#list + 1] = m
      end
    end
  end
  re, init = wire_cue(), 0
  while true do
    local a, b = re:find(body, init)
    if not a then break end
    init = b > a and b or a + 1
    local s = doc:sentence_at(a)
    if s then
      local list = by[s.index]
      if not list then
        list = {}
        by[s.index] = list
      end
      list[#list + 1] = { start = a, stop = b, text = body:sub(a + 1, b), kind = "wire" }
    end
  end
  local cues_of = keyed_index()
  local any = {}                 -- sentences with a keyed cue to run
  re, init = key_cue(), 0
  while true do
    local a, b = re:find(body, init)
    if not a then break end
    init = b > a and b or a + 1
    local s = doc:sentence_at(a)
    if s then
      for _, ci in ipairs(cues_of[body:sub(a + 1, b):lower()] or EMPTY) do
        keyed[ci][s.index] = true
        any[s.index] = true
      end
    end
  end
  return { by = by, keyed = keyed, any = any }
end

-- Text order, the longer of two matches at the same place first.
local function by_start_longest(x, y)
  if x.start ~= y.start then return x.start < y.start end
  return x.stop > y.stop
end

-- The cue matches of sentence s, in text order, each a cue (above) or a
-- Match of a keyed cue, with a `kind`
-- ("verb", "acc", "part", "anon", "wire", "marker") and for markers
-- `mtype`, the attribution type.
local function scan_cues(s, index)
  if not index.by[s.index] and not index.any[s.index] then return EMPTY end
  local all = {}
  local list = index.by[s.index]
  if list then
    for _, m in ipairs(list) do all[#all + 1] = m end
  end
  for ci, cue in ipairs(KEYED) do
    if index.keyed[ci][s.index] then
      local re = type(cue.re) == "function" and cue.re() or cue.re
      for m in re:gmatch(s) do
        m.kind, m.mtype = cue.kind, cue.type
        all[#all + 1] = m
      end
    end
  end
  if #all > 1 then table.sort(all, by_start_longest) end
  return all
end

-------------------------------------------------------------------------------
-- Classifying a source phrase
-------------------------------------------------------------------------------

local function words_of(text)
  local list = {}
  for w in text:gmatch("[%w\128-\255][%w\128-\255'%.%-]*") do
    local last = w:byte(-1)
    if last == 46 or last == 39 or last == 115 or last == 153 then    -- . ' s
      w = w:gsub("['%.]+$", ""):gsub("\226\128\153s$", ""):gsub("'s$", "")
    end
    list[#list + 1] = w
  end
  return list
end

local upper_initial = spindle.re([[^\p{Lu}]])

-- "Ivanov", "Özil": starts with an upper-case letter (any script).
local function is_capitalised(w)
  local b = w:byte(1)
  if not b then return false end
  if b < 128 then return b >= 65 and b <= 90 end
  return upper_initial:test(w)
end

-- Whether lower-case `lw` is an entry of one of the lexicons of people,
-- bodies and records; one lookup in their union, rebuilt when a lexicon
-- changes.
local word_union = { generation = -1 }
local function lexicon_word(lw)
  if word_union.generation ~= lexicon.generation then
    local set = {}
    for _, lex in ipairs({ M.lexicon.official_titles, M.lexicon.unnamed_officials,
                           M.lexicon.institutions, M.lexicon.media, M.lexicon.anonymous,
                           M.lexicon.experts, M.lexicon.documents }) do
      for k in pairs(set_of(lex).set) do set[k] = true end
    end
    word_union = { generation = lexicon.generation, set = set }
  end
  return word_union.set[lw] == true
end

-- True when the text names someone: two capitalised words that are not
-- lexicon or function words ("Denis Ivanov"), one after a title
-- ("Ambassador Ivanov", "Mr Smith"), or one at the end ("... Ivanov").
local HONORIFICS = { mr = true, mrs = true, ms = true, dr = true, prof = true,
                     sir = true, lord = true, lady = true, baroness = true }
local function name_words(text)
  local ws = type(text) == "table" and text or words_of(text)
  local proper = {}
  for i, w in ipairs(ws) do
    local lw = w:lower()
    proper[i] = is_capitalised(w) and not NOT_NAMES[lw] and not lexicon_word(lw)
  end
  for i in ipairs(ws) do
    if proper[i] then
      local before = ws[i - 1] and ws[i - 1]:lower()
      if proper[i + 1] or proper[i - 1] then return true end            -- "Denis Ivanov"
      if before and (has(M.lexicon.official_titles, before) or HONORIFICS[before]) then
        return true                                                      -- "Ambassador Ivanov"
      end
      if i == #ws then return true end                                   -- "... Ivanov said"
    end
  end
  return false
end

-- A phrase's head: the words before its first preposition, without the
-- time words at its end. "a report by the watchdog" -> "a report", tail
-- "by the watchdog"; "Oxfam's report this week" -> "Oxfam's report".
local function head_of(core)
  local head, tail = core, ""
  for p, w in core:gmatch("()(%S+)") do
    if p > 1 and (PREPOSITIONS[w:lower()] or w:find("^%l+ing$")) then
      head, tail = core:sub(1, p - 1), core:sub(p)
      break
    end
  end
  -- drop trailing time and function words
  local ws = {}
  for w in head:gmatch("%S+") do ws[#ws + 1] = w end
  while #ws > 1 and TRAILING[ws[#ws]:lower():gsub("%p+$", "")] do table.remove(ws) end
  return table.concat(ws, " "), tail
end

local SPOKESPEOPLE = { spokesperson = true, spokesman = true, spokeswoman = true,
                       representative = true, spokespersons = true,
                       spokesmen = true, spokeswomen = true, representatives = true }

local function plural_word(w)
  return (w:find("s$") and not w:find("ss$") and not w:find("us$") and not w:find("is$")) ~= nil
end

-- The words of a text and their lower-case forms.
local function split(text)
  local ws = words_of(text)
  local lws = {}
  for i, w in ipairs(ws) do lws[i] = w:lower() end
  return ws, lws
end

-- Wire agency names as written (case matters: "AP", not "ap").
local wire_case_cache = {}
local function wire_in(ws, i, j)
  i, j = i or 1, math.min(j or #ws, #ws)
  local lex = M.lexicon.wire_agencies
  if wire_case_cache.version ~= lex.version then
    local set, n = {}, 1
    for _, e in ipairs(lex) do
      set[e:gsub("%s+", " ")] = true
      local k = select(2, e:gsub("%S+", ""))
      if k > n then n = k end
    end
    wire_case_cache = { version = lex.version, set = set, n = n }
  end
  local set, maxn = wire_case_cache.set, wire_case_cache.n
  for k = i, j do
    local key = ws[k]
    if set[key] then return key end
    for n = 2, math.min(maxn, j - k + 1) do
      key = key .. " " .. ws[k + n - 1]
      if set[key] then return key end
    end
  end
  return nil
end

-- Whether lower-case `lw` holds an anonymity phrase ("declined to be named").
local function has_anonymity(lw)
  local hit = false
  for _, k in ipairs(lexicon_keys(M.lexicon.anonymity)) do
    if lw:find(k, 1, true) then hit = true break end
  end
  if not hit then return false end
  local flat = lw:gsub("%s+", " ")
  for _, e in ipairs(M.lexicon.anonymity) do
    if flat:find(e:lower(), 1, true) then return true end
  end
  return false
end

local classify_phrase

-- Source phrases repeat across articles ("officials", "the ministry"), so
-- classifications are remembered, up to a bound, until a lexicon changes.
local CLASSIFY_CACHE_MAX = 20000
local classify_cache, classify_count, classify_stamp = {}, 0, -1

-- Changes whenever a lexicon changes (lexicon.generation counts the
-- changes of every lexicon, these included).
local function lexicon_stamp()
  return lexicon.generation
end

-- Words kept as written in a phrase's shape, lower case: the words of
-- every lexicon entry, function words and honorifics; rebuilt when a
-- lexicon changes.
local known_cache = { stamp = -1 }
local function known_words(stamp)
  if known_cache.stamp ~= stamp then
    local set = {}
    for _, lex in pairs(M.lexicon) do
      for _, e in ipairs(lex) do
        for w in e:lower():gmatch("[%w\128-\255][%w\128-\255%-]*") do set[w] = true end
      end
    end
    for w in pairs(NOT_NAMES) do set[w] = true end
    for w in pairs(HONORIFICS) do set[w] = true end
    known_cache = { stamp = stamp, set = set }
  end
  return known_cache.set
end

-- A phrase's shape: each capitalised word that no lexicon knows becomes
-- "X" ("Ambassador Denis Ivanov" -> "Ambassador X X"). Classification
-- depends only on the shape, so it is what the cache is keyed on.
local function shape(phrase, known)
  return (phrase:gsub("[%w\128-\255][%w\128-\255%-]*", function(w)
    local b = w:byte(1)
    if ((b >= 65 and b <= 90) or (b >= 128 and is_capitalised(w))) and not known[w:lower()] then
      return "X"
    end
  end))
end

---Classifies a source phrase. Returns the type and whether it is named;
---"pronoun" for a bare pronoun ("He", "they have").
---@param phrase string
---@param verb? string the speech verb, if any ("reported" leans to media)
---@return string type, boolean named
function M.classify(phrase, verb)
  local stamp = lexicon_stamp()
  if stamp ~= classify_stamp or classify_count >= CLASSIFY_CACHE_MAX then
    classify_cache, classify_count, classify_stamp = {}, 0, stamp
  end
  -- the verb matters only as one of a few classes, and the phrase only as
  -- its shape: "Mr Smith" and "Mr Jones" are classified once
  local v = verb and verb:lower() or ""
  local class = UNNAMED_VERBS[v] and "u" or v:find("^report") and "r"
                or PERSON_VERBS[v] and "p" or ""
  local raw = class .. "\0" .. phrase
  local hit = classify_cache[raw]
  if hit then return hit[1], hit[2] end
  local key = class .. "\1" .. shape(phrase, known_words(stamp))
  hit = classify_cache[key]
  if not hit then
    hit = { classify_phrase(key:match("\1(.*)$"), verb, stamp) }
    classify_cache[key] = hit
    classify_count = classify_count + 1
  end
  classify_cache[raw] = hit
  classify_count = classify_count + 1
  return hit[1], hit[2]
end

-- The pronoun a phrase is, if it is one with only trailing words after it
-- ("He", "they have", "it also"): the pronoun in lower case.
local function pronoun_of(lw)
  local first, rest = lw:match("^(%a+)(.*)$")
  if not first or not PRONOUNS[first] then return nil end
  for w in rest:gmatch("%a+") do
    if not TRAILING[w] and not w:find("ly$") then return nil end
  end
  return first
end

-- The words of a text for classifying: parallel arrays of the words as
-- written (possessive "'s" and final dots dropped), lower-case, and whether
-- a comma follows each.
local function tokenize(text)
  local ws, lws, comma = {}, {}, {}
  for w, sep in text:gmatch("([%w\128-\255][%w\128-\255'%.%-&]*)([^%w\128-\255]*)") do
    local last = w:byte(-1)
    if last == 46 or last == 39 or last == 115 or last == 153 then    -- . ' s
      w = w:gsub("['%.]+$", ""):gsub("\226\128\153s$", ""):gsub("'s$", "")
    end
    if w ~= "" then
      local n = #ws + 1
      ws[n], lws[n], comma[n] = w, w:lower(), sep:find(",", 1, true) ~= nil
    end
  end
  return ws, lws, comma
end

-- Whether an entry of lex is among the n-grams of lws[i..j].
local function lex_in(lws, i, j, lex)
  local s = set_of(lex)
  local set, firsts, maxn = s.set, s.firsts, s.n
  for k = i, j do
    local key = lws[k]
    if set[key] then return true end
    if firsts[key] then
      for n = 2, math.min(maxn, j - k + 1) do
        key = key .. " " .. lws[k + n - 1]
        if set[key] then return true end
      end
    end
  end
  return false
end

-- Capitalised words that are names, not lexicon or function words; cached
-- per word until a lexicon changes.
local proper_cache, proper_stamp = {}, -1
local function is_proper(w, lw, stamp)
  if stamp ~= proper_stamp then proper_cache, proper_stamp = {}, stamp end
  local hit = proper_cache[w]
  if hit == nil then
    hit = is_capitalised(w) and not NOT_NAMES[lw] and not lexicon_word(lw)
    proper_cache[w] = hit
  end
  return hit
end

-- name_words over ws[i..j] (see name_words).
local function names_in(ws, lws, i, j, stamp)
  for k = i, j do
    if is_proper(ws[k], lws[k], stamp) then
      if k < j and is_proper(ws[k + 1], lws[k + 1], stamp) then return true end
      if k > i then
        local before = lws[k - 1]
        if is_proper(ws[k - 1], before, stamp) or has(M.lexicon.official_titles, before)
           or HONORIFICS[before] then
          return true
        end
      end
      if k == j then return true end
    end
  end
  return false
end

-- Anonymous words that qualify a noun rather than head a phrase.
local ANON_ADJECTIVES = { unnamed = true, anonymous = true, unidentified = true }

local DETERMINER_COUNTS = { a = true, an = true, one = true, some = true, several = true }
local POSSESSIVES = { his = true, her = true, its = true, their = true, our = true }
-- Media words for many outlets at once: never one named outlet.
local MASS_MEDIA = { media = true, press = true, reports = true, report = true,
                     news = true, newspapers = true, papers = true, outlets = true,
                     publications = true, tabloids = true, websites = true,
                     broadcasters = true, posts = true, journalists = true,
                     bloggers = true, coverage = true, headlines = true,
                     rumours = true, rumors = true, ["social media"] = true }

function classify_phrase(phrase, verb, stamp)
  local text = phrase:gsub("^%s+", ""):gsub("[%s,]+$", "")
  if text == "" then return "other", false end
  local lw = text:lower()
  local lverb = verb and verb:lower():gsub("%s+", " ") or ""
  if UNNAMED_VERBS[lverb] then
    -- "The BBC understands", "Reuters has learned", "our correspondent
    -- understands": an outlet with a source it does not name (not
    -- "Everyone who listens to her show understands")
    local nwords = select(2, text:gsub("%S+", ""))
    if (nwords <= 4 and text:find("%u")) or lw:find("correspondent") or lw:find("editor")
       or lw:find("reporter") then
      return "anonymous", false
    end
  end
  if pronoun_of(lw) then return "pronoun", false end
  if has_anonymity(lw) then return "anonymous", false end
  local ws, lws, comma = tokenize(text)
  local n = #ws
  if n == 0 then return "other", false end
  -- "sources", "insiders" -- but not "Open Source Labs": a capitalised
  -- word inside the phrase is part of a name
  do
    local anon = set_of(M.lexicon.anonymous)
    local set, firsts, maxn = anon.set, anon.firsts, anon.n
    for i = 1, n do
      local key = lws[i]
      if set[key] or firsts[key] then
        for k = 1, math.min(maxn, n - i + 1) do
          if k > 1 then key = key .. " " .. lws[i + k - 1] end
          -- a single word ("source", "insiders") must head the phrase:
          -- not "open source developers", "source code"
          local heads = k > 1 or i == n or comma[i] or PREPOSITIONS[lws[i + 1]]
                        or lws[i + 1] == "familiar" or lws[i + 1] == "who"
                        or ANON_ADJECTIVES[lws[i]]
          if set[key] and heads and (i == 1 or not is_capitalised(ws[i])) then
            return "anonymous", false
          end
        end
      end
    end
  end

  -- the core runs to the first comma (an appositive follows); its head to
  -- the first preposition ("a report [by the watchdog]"), without the time
  -- words at its end ("Oxfam's report [this week]")
  local ce = n
  for k = 1, n - 1 do
    if comma[k] then ce = k break end
  end
  local he = ce
  for k = 2, ce do
    -- a preposition or a participle ends the head: "posts [circulating online]"
    if PREPOSITIONS[lws[k]] or (lws[k]:find("^%l+ing$") and not lexicon_word(lws[k])) then
      he = k - 1
      break
    end
  end
  local ts, te = he + 1, ce                 -- the tail
  -- drop time words and a participle ("figures released [by ...]")
  while he > 1 and (TRAILING[lws[he]] or (lws[he]:find("ed$") and not lexicon_word(lws[he]))) do
    he = he - 1
  end
  local hw = lws[he]
  local has_appos = ce < n

  if wire_in(ws, 1, ce) or lw:find("news agenc", 1, true) then
    return "wire", true
  end
  local named_head = names_in(ws, lws, 1, he, stamp)

  -- media and reports as the head noun: "local media", "the Mirror
  -- newspaper", "reports"; a single report is a document unless it is a
  -- news report ("a report in the Times")
  if hw == "report" or hw == "reports" then
    local t1, t2, t3 = lws[ts], ts + 1 <= te and ws[ts + 1], ts + 2 <= te and ws[ts + 2]
    local media_tail = ts <= te and (
      ((t1 == "in" or t1 == "by" or t1 == "from") and lex_in(lws, ts, math.min(te, ts + 3), M.lexicon.media))
      or ((t1 == "in" or t1 == "on") and t2 and (is_capitalised(t2)
          or (t2 == "the" and t3 and is_capitalised(t3)))))
    local news = lex_in(lws, 1, he - 1, M.lexicon.media)
    if (hw == "reports" and not (t1 == "by" and lws[ts + 1] == "the" and ws[ts + 2]
                                 and not is_capitalised(ws[ts + 2])))
       or media_tail or news then
      return "media", named_head or (media_tail and names_in(ws, lws, ts, te, stamp)) or false
    end
    return "document", true
  end
  if hw == "website" or hw == "blog" or hw == "site" then
    -- "the party's website", "his blog": the owner's own publication
    for k = 1, he - 1 do
      if POSSESSIVES[lws[k]] then return "document", true end
    end
    if text:find("'s%s") or text:find("\226\128\153s%s") then return "document", true end
  end
  if has(M.lexicon.media, hw) and not (hw == "press" and lws[he + 1] == "secretary") then
    -- an outlet is named when a name is given ("the Mirror newspaper",
    -- "Variety magazine") or it is one outlet referred to again ("the
    -- paper"); "local media", "Russian newspapers", "press reports" are not
    local named = false
    if not MASS_MEDIA[hw] then
      named = lws[1] == "the" or names_in(ws, lws, 1, he, stamp)
      for k = 1, he - 1 do
        if is_capitalised(ws[k]) and not NOT_NAMES[lws[k]] then named = true end
      end
    end
    return "media", named
  end
  if has(M.lexicon.documents, hw) then
    if (hw == "figures" or hw == "data") and PERSON_VERBS[lverb] then
      return "other", false          -- "senior party figures said"
    end
    return "document", true
  end

  local title = lex_in(lws, 1, he, M.lexicon.official_titles)
  local unnamed = lex_in(lws, 1, he, M.lexicon.unnamed_officials)
  local institution = lex_in(lws, 1, he, M.lexicon.institutions)
  if not institution then
    -- "the companies", "the firms": an institution in the plural
    local w = hw:gsub("ies$", "y"):gsub("s$", "")
    institution = w ~= hw and has(M.lexicon.institutions, w)
  end
  local expert = lex_in(lws, 1, he, M.lexicon.experts)

  if expert and not title then
    return "expert", named_head or names_in(ws, lws, ts, te, stamp)
                     or (has_appos and names_in(ws, lws, ce + 1, n, stamp)) or false
  end
  -- a spokesperson of a named body speaks for it on record: "a UKIP
  -- spokesman", "a Foreign Office spokeswoman", "the prime minister's
  -- spokesman" (not "a ministry spokesperson": which ministry?)
  local spokes
  for k = 1, he do
    if SPOKESPEOPLE[lws[k]] then spokes = k break end
  end
  if spokes and spokes > 1 then
    local body_named = names_in(ws, lws, 1, he, stamp)
      or lex_in(lws, 1, spokes - 1, M.lexicon.official_titles)
      or POSSESSIVES[lws[spokes - 1]] or text:find("'s%s+%a*%s*spokes")   -- "her spokesman"
    for k = 1, spokes - 1 do
      if is_capitalised(ws[k]) and not NOT_NAMES[lws[k]] then body_named = true end
    end
    if body_named then return "official-named", true end
  end
  if named_head then
    if title or institution then return "official-named", true end
    if unnamed then
      -- "Spokesman Mark Croucher" names him; "Russian diplomats" are
      -- still unnamed
      for k = 1, he do
        if has(M.lexicon.unnamed_officials, lws[k]) and plural_word(lws[k]) then
          return "official-unnamed", false
        end
      end
      return "official-named", true
    end
    if has_appos and lws[ce + 1] ~= "who" and lws[ce + 1] ~= "which" then
      -- "Steve Roukis, an analyst at Matrix": the appositive's head says
      -- what the named person is (not "Sharon, who called the police")
      local ae = n
      for k = ce + 2, n do
        if PREPOSITIONS[lws[k]] then ae = k - 1 break end
      end
      if lex_in(lws, ce + 1, ae, M.lexicon.experts) then return "expert", true end
      if lex_in(lws, ce + 1, ae, M.lexicon.official_titles)
         or lex_in(lws, ce + 1, ae, M.lexicon.institutions) then
        return "official-named", true
      end
      for k = ce + 1, ae do
        if SPOKESPEOPLE[lws[k]] then return "official-named", true end  -- "Justin Green, spokesman for ..."
      end
    end
    if lverb:find("^report") then return "media", true end
    return "named", true
  end
  -- "the aid co-ordinator, Lena Park": the appositive names the person
  if has_appos and lws[ce + 1] ~= "who" and lws[ce + 1] ~= "which"
     and names_in(ws, lws, ce + 1, n, stamp) then
    if title or institution or unnamed then return "official-named", true end
    return "named", true
  end
  if unnamed then
    if SPOKESPEOPLE[hw] and ts <= te
       and (lex_in(lws, ts, te, M.lexicon.institutions) or names_in(ws, lws, ts, te, stamp)) then
      return "official-named", true  -- "a spokeswoman for the company"
    end
    return "official-unnamed", false
  end
  if title then
    -- "the foreign minister", "India's ambassador", "head of Virgin Radio"
    -- name one office holder; "a minister", "two ministers" do not
    if DETERMINER_COUNTS[lws[1]] or plural_word(hw) then
      return "official-unnamed", false
    end
    return "official-named", true
  end
  if institution then return "official-named", true end
  if ts <= te and lex_in(lws, ts, te, M.lexicon.experts) then
    return "expert", names_in(ws, lws, ts, te, stamp)
  end
  if names_in(ws, lws, 1, ce, stamp) then
    if lverb:find("^report") then return "media", true end
    return "named", true
  end
  return "other", false
end

-------------------------------------------------------------------------------
-- Finding attributions in one sentence (no carrying)
-------------------------------------------------------------------------------

-- Where a subject phrase cannot reach back past: quotation marks, semicolon,
-- colon, brackets, em dash. Literal strings (the curly marks are several
-- bytes, so a byte class would also cut inside "’" or "é").
local CLAUSE_CUTS = { "\"", "\226\128\156", "\226\128\157", ";", ":", "(", ")",
                      "\226\128\148", " - " }

-- Byte position of the end of the last clause cut in `text`, or 0.
local function last_cut(text)
  local cut = 0
  for _, mark in ipairs(CLAUSE_CUTS) do
    local init = 1
    while true do
      local a, b = text:find(mark, init, true)
      if not a then break end
      if b > cut then cut = b end
      init = b + 1
    end
  end
  return cut
end

-- The last word (lower case, no punctuation) of `text`, and the one before.
local function last_two_words(text)
  local words, i = {}, #text
  while #words < 2 and i > 0 do
    -- skip spaces and commas, then take the run of word bytes before them
    while i > 0 do
      local b = text:byte(i)
      if b == 32 or b == 44 or b == 10 or b == 9 then i = i - 1 else break end
    end
    local j = i
    while i > 0 do
      local b = text:byte(i)
      if b == 32 or b == 44 or b == 10 or b == 9 or b == 34 or b == 40 or b == 41
         or b == 59 or b == 58 then
        break
      end
      i = i - 1
    end
    if j == i then break end
    words[#words + 1] = text:sub(i + 1, j):lower()
    if i > 0 then
      local b = text:byte(i)
      if b ~= 32 and b ~= 44 and b ~= 10 and b ~= 9 then break end
    end
  end
  return words[1], words[2]
end

-- Whether the segment opens an appositive or relative clause after a name:
-- "Jane Doe, [the foreign minister,] said", "[chairman of Acme,]".
local APPOSITIVE_ADVERBS = { now = true, ["then"] = true, also = true, formerly = true,
                             currently = true, once = true, still = true, himself = true,
                             herself = true, itself = true, previously = true }
local function opens_appositive(seg)
  local s = seg:gsub("^%s+", "")
  local adverb = s:match("^(%a+)%s")
  if adverb and APPOSITIVE_ADVERBS[adverb:lower()] then
    s = s:gsub("^%a+%s+", "")                          -- "Ed Balls, now a hopeful, said"
  end
  if s:find("^of%s") or s:find("^from%s") or s:find("^at%s") then
    return true                                        -- "Andrew Beh, of brokers ING, said"
  end
  if s:find("^who%s") or s:find("^which%s") or s:find("^the%s") or s:find("^an?%s")
     or s:find("^%u") then
    return true
  end
  if s:find("^%d+,?%s*$") then return true end        -- "Mr Jackson, 46, denies"
  local w = s:match("^([%a%-]+)")
  if w and (w:find("^%l+ed$") or w:find("^%l+ing$") or w == "known" or w == "aged"
            or w == "whose") then
    return true                                        -- "The men, elected to ..., deny"
  end
  return w ~= nil and (has(M.lexicon.official_titles, w:lower())
    or has(M.lexicon.experts, w:lower()) or has(M.lexicon.unnamed_officials, w:lower())
    or w:lower() == "co-author" or w:lower() == "author")
end

-- Words that open a clause rather than a source phrase, dropped from its
-- front: "But officials" -> "officials", "which Boeing" -> "Boeing".
local CLAUSE_OPENERS = {}
for w in ([[but and while whilst although though whereas as which who that so
  yet now then meanwhile however also because since if when where plus nor or
  even still instead]]):gmatch("%a+") do
  CLAUSE_OPENERS[w] = true
end

-- Words a time phrase is made of ("earlier this week", "on Monday").
local TIME_WORDS = {}
for w in ([[earlier later this last next past coming week weeks month months
  year years day days today yesterday tomorrow tonight ago recently morning
  afternoon evening night weekend previously on in at the a an of
  monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december
  spring summer autumn winter early late mid]]):gmatch("%a+") do
  TIME_WORDS[w] = true
end

-- Auxiliaries and modals: a phrase holding one (not inside a relative
-- clause, "people who have seen the plans") is a clause, not a source.
local CLAUSE_VERBS = {}
for w in ([[is are was were be been am has have had will would could can may
  might should must do does did shall]]):gmatch("%a+") do
  CLAUSE_VERBS[w] = true
end

-- Words a source phrase never starts with: prepositions.
local NOT_SUBJECT_START = {}
for w in ([[of at in on to from for with by about into over under than like
  against between without within upon during after before amid despite
  following part]]):gmatch("%a+") do
  NOT_SUBJECT_START[w] = true
end

-- A source phrase as a source or nothing: `phrase` at 0-based offset `at`
-- with clause openers dropped from its front, or nil when what is left is
-- a time phrase, a prepositional phrase, a gerund clause, a clause with a
-- finite verb or a sum of money -- the fragments a clause parse leaves when
-- the real subject lies elsewhere.
local function tidy_source(phrase, at)
  if not phrase then return nil end
  while true do
    local lead, w = phrase:match("^(%s*([%a']+)[%s,]+)%S")
    if not (w and CLAUSE_OPENERS[w:lower()]) then break end
    phrase, at = phrase:sub(#lead + 1), at + #lead
  end
  local words, lower_case, all_time = {}, {}, true
  for w in phrase:gmatch("[%w\128-\255][%w\128-\255'%-%.]*") do
    local lw = w:lower():gsub("%.$", "")
    words[#words + 1] = lw
    lower_case[#words] = w:find("^%l") ~= nil
    if not TIME_WORDS[lw] and not lw:find("^%d+$") then all_time = false end
  end
  if #words == 0 or all_time then return nil end
  if NOT_SUBJECT_START[words[1]] then return nil end
  if #words > 1 and (words[1] == "it" or words[1] == "he" or words[1] == "she"
                     or words[1] == "they" or words[1] == "we" or words[1] == "i") then
    return nil                                   -- "it got the hint from ..."
  end
  if words[1]:find("^%l+ing$") and phrase:find("^%s*%l") then return nil end
  local relative = false
  for i, lw in ipairs(words) do
    if lw == "who" or lw == "that" or lw == "which" or lw == "whose" then relative = true end
    if i > 1 and CLAUSE_VERBS[lw] and lower_case[i] and not relative then return nil end
  end
  -- "the $27bn Russia": what follows the last sum of money, if anything
  local money_end
  for _, pat in ipairs({ "[%$\194\226][\128-\191]*%s*%d[%d,%.]*%a*", "%d[%d,%.]*%s*[mb]n?%f[%A]" }) do
    local init = 1
    while true do
      local a, b = phrase:find(pat, init)
      if not a then break end
      if not money_end or b > money_end then money_end = b end
      init = b + 1
    end
  end
  if money_end then
    local rest = phrase:sub(money_end + 1)
    local lead = #rest:match("^%s*")
    if not rest:find("%u") then return nil end
    return tidy_source(rest:sub(lead + 1), at + money_end + lead)
  end
  return phrase, at
end

-- The subject phrase before a verb at relative position `pos` (1-based, the
-- verb's first byte) of sentence text `text`: the last clause before it, with
-- an appositive kept ("Jane Doe, the minister, said").
local subject_before
function subject_before(text, pos)
  local before = text:sub(1, pos - 1)
  -- a closed parenthesis is part of the phrase ("the Asian Development
  -- Bank (ADB) said"): blank it out, keeping offsets, before looking for
  -- clause cuts
  local cut = last_cut(before:find("(", 1, true)
                       and before:gsub("%b()", function(p) return ("x"):rep(#p) end)
                       or before)
  local clause = before:sub(cut + 1)
  local offset = cut
  -- "EADS - Airbus' majority owner - admitted": a dash-bounded appositive
  -- right before the verb; the subject stands before the opening dash
  if not clause:find("[%w\128-\255]") then
    local dash = before:sub(cut - 2, cut) == " - " and " - "
                 or before:sub(cut - 2, cut) == "\226\128\148" and "\226\128\148"
    if dash then
      local open
      local init = 1
      while true do
        local a = before:find(dash, init, true)
        if not a or a >= cut - #dash + 1 then break end
        open, init = a, a + 1
      end
      if open then return subject_before(text, open) end
    end
  end
  -- split at commas; keep "X, appositive," together
  local segs = {}
  local p = 1
  while true do
    local a = clause:find(",", p, true)
    if not a then
      segs[#segs + 1] = { p, #clause }
      break
    end
    segs[#segs + 1] = { p, a }
    p = a + 1
  end
  local last = segs[#segs]
  local first = last
  local function blank(seg)
    -- no word, or only adverbs: "Jane Doe, the chief executive, recently told"
    for w in clause:sub(seg[1], seg[2]):gmatch("[%w\128-\255][%w\128-\255'%-]*") do
      if not TRAILING[w] and not (w:find("^%l+ly$") and w ~= "only") then return false end
    end
    return true
  end
  if blank(last) then
    -- the verb follows a comma: "X, said" -- its subject is the segment
    -- before, together with the noun before that when the segment is an
    -- appositive or relative clause ("Jane Doe, the foreign minister, said",
    -- "An official, who declined to be named, said")
    if #segs < 2 then return nil end
    first = segs[#segs - 1]
    local middle = clause:sub(first[1], first[2])
    if opens_appositive(middle) and #segs >= 3 and not blank(segs[#segs - 2]) then
      first = segs[#segs - 2]
    end
  end
  local s, e = first[1], last[2]
  local phrase = clause:sub(s, e)
  -- "Officials, who ..., said" and "who said": the relative pronoun's antecedent
  if phrase:lower():find("^%s*who%s*$") and #segs >= 2 then
    local prev = segs[#segs - 1]
    s, phrase = prev[1], clause:sub(prev[1], e)
  end
  -- the subject starts after a conjunction or at a pronoun inside the
  -- clause: "His efforts failed after he revealed" -> "he", "Blair
  -- dismissed reports he told" -> "he" (not inside an appositive: "Jane
  -- Doe, speaking as talks ended, said")
  if first == last then
    local cut_at
    local n = 0
    local noun_phrase = true     -- every word so far could be part of a subject
    local speech_verbs = set_of(M.lexicon.speech_verbs).set
    for wpos, w in phrase:gmatch("()([%a']+)") do
      n = n + 1
      local lw = w:lower()
      if n > 1 and CONJUNCTIONS[lw] and not (lw == "and" and noun_phrase) then
        cut_at = wpos + #w       -- (not "President Putin and the authorities")
      end
      local next_word = phrase:sub(wpos + #w):match("^%s+(%a+)")
      if n > 1 and speech_verbs[lw]
         and not (lw:find("ed$") and next_word and PREPOSITIONS[next_word:lower()]) then
        -- "Tory sources say senior figures had argued": the second verb is
        -- what the first speaker reports, not a source of the article
        return false
      end
      noun_phrase = noun_phrase and (is_capitalised(w) or DETERMINERS[lw] ~= nil
        or lexicon_word(lw) or lw:find("'s$") ~= nil or lw == "and")
      if n > 1 and PRONOUNS[lw] and lw ~= "who" and lw ~= "which" and lw ~= "it"
         and lw ~= "i" then
        cut_at = wpos
      end
    end
    if cut_at and phrase:sub(cut_at):find("%a") then
      local skip = #phrase:sub(cut_at):match("^%s*")
      s = s + cut_at - 1 + skip
      phrase = phrase:sub(cut_at + skip)
    end
  end
  -- keep the last 10 words at most, without trailing adverbs (the words
  -- and where each starts, in two arrays)
  local words, at, nw = {}, {}, 0
  for a, w in phrase:gmatch("()(%S+)") do
    nw = nw + 1
    words[nw], at[nw] = w, a
  end
  while nw > 0 do
    local lw = words[nw]:gsub("%p+$", "")
    if TRAILING[lw] or (lw:find("^%l+ly$") and lw ~= "only") then
      nw = nw - 1
    else
      break
    end
  end
  if nw == 0 then return nil end
  -- at most 10 words, or 18 with an appositive ("Bennett, an inspirational
  -- fly-half for Llanelli and Wales in the 1970s, insisted")
  local from_i = math.max(1, nw - (first ~= last and 17 or 9))
  -- "At a press conference on Thursday Intel": after an opening
  -- prepositional phrase the subject is the last noun phrase
  if nw > 3 and OPENING_PREPOSITIONS[words[from_i]:lower()] then
    local at_i
    -- the subject stands before its appositive ("On Tuesday Mitsubishi, the
    -- only carmaker in the red, confirmed"): look no further than the comma
    local limit = nw
    for i = from_i, nw do
      if words[i]:find(",$") then limit = i break end
    end
    for i = limit, from_i + 1, -1 do
      local lw = words[i]:lower()
      if lw == "the" or lw == "a" or lw == "an" then at_i = i break end
      if is_capitalised(words[i]) and (not is_capitalised(words[i - 1])
                                       or NOT_NAMES[words[i - 1]:lower():gsub("%p+$", "")]) then
        at_i = i
        break
      end
    end
    if at_i then from_i = at_i end
  end
  local from = at[from_i]
  local lastw = words[nw]
  local to = at[nw] + #(lastw:gsub("[,%s]+$", "")) - 1
  local subject = phrase:sub(from, to)
  if not subject:find("[%w\128-\255]") then return nil end
  return subject, offset + s - 1 + from - 1
end

-- The source phrase after a position: "said a senior official, who...".
local function phrase_after(text, pos, max_words)
  local rest = text:sub(pos)
  local stop = rest:find("[%.,;:%?!\"%(%)]") or #rest + 1
  -- a full stop inside an abbreviation or initial does not end it ("Mr.", "U.S.")
  while stop <= #rest and rest:sub(stop, stop) == "." and rest:sub(stop + 1, stop + 1):find("%S") do
    stop = rest:find("[%.,;:%?!\"%(%)]", stop + 1) or #rest + 1
  end
  for _, mark in ipairs(CLAUSE_CUTS) do
    local a = rest:find(mark, 1, true)
    if a and a < stop then stop = a end
  end
  local that = rest:find("%sthat%s")
  if that and that < stop then stop = that end
  local phrase = rest:sub(1, stop - 1)
  local lead = #phrase:match("^%s*")
  phrase = phrase:sub(lead + 1):gsub("%s+$", "")
  local n, cut = 0, #phrase
  for a, w in phrase:gmatch("()(%S+)") do
    n = n + 1
    if n > (max_words or 10) then cut = a - 2 break end
  end
  phrase = phrase:sub(1, cut)
  if phrase == "" then return nil end
  return phrase, pos - 1 + lead
end

-- "(Reuters)", "-- AFP", "— PTI": an agency name set off as a credit. A
-- bare agency name in running text ("told Reuters") is not an attribution.
local function is_credit(body, start, stop)
  local pre = body:sub(math.max(1, start - 3), start)
  local post = body:sub(stop + 1, stop + 3)
  return (pre:find("%(%s*$") and post:find("^%s*%)")) ~= nil
      or (pre:find("%-%s*$") ~= nil and not pre:find("%w%-$"))
      or pre:find("\226\128[\147\148]%s*$") ~= nil
end

local function new_attr(sentence, rel_start, rel_stop, verb, source, type_, named)
  local doc = sentence.doc
  local start = sentence.start + rel_start
  local a = {
    start = start, stop = sentence.start + rel_stop,
    verb = verb, source = source, type = type_, named = named or false,
    quoted = doc:in_quote(start), carried = false, denial = false, credit = false,
  }
  a.text = doc.body:sub(a.start + 1, a.stop)
  return a
end

local function overlaps_any(list, start, stop)
  for _, a in ipairs(list) do
    if start < a.stop and stop > a.start then return true end
  end
  return false
end

-- What follows a denial verb when it denies a claim: a clause ("denied
-- that", "denies plying", "denied it"), or a claim word within three words
-- ("dismissed the reports", "rejected all the allegations"); not "denied
-- him the chance", "dismissed the manager", "denied bail". Lua patterns
-- have no alternation: the words are checked one by one.
local DENIED_OBJECTS = { "reports?", "claims?", "allegations?", "accusations?",
                         "suggestions?", "speculation", "rumou?rs?", "charges?",
                         "criticism", "stories", "story", "idea", "wrongdoing",
                         "involvement", "responsibility", "knowledge", "links?",
                         "assertions?", "notion", "account" }
local DENIED_CLAUSE = { "that", "it", "this", "everything", "any", "all", "being",
                        "having", "he", "she", "they", "there", "we", "i", "its",
                        "his", "her", "their" }
local function denies_object(after, verb)
  local head = after:sub(1, 48):lower()
  head = head:gsub("^%s+%l+ly%f[%A]", "")           -- "denied strongly that"
  if verb:find("^den") then
    if head:find("^%s*[%.,;:!?\"]") or head:find("^%s*$") then return true end  -- "..., he denied."
    if head:find("^%s+%l+ing%f[%A]") then return true end                          -- "denies plying"
    for _, o in ipairs(DENIED_CLAUSE) do
      if head:find("^%s+" .. o .. "%f[%A]") then return true end
    end
  end
  for _, o in ipairs(DENIED_OBJECTS) do
    if head:find("^%s+" .. o .. "%f[%A]") or head:find("^%s+%a+%s+" .. o .. "%f[%A]")
       or head:find("^%s+%a+%s+%a+%s+" .. o .. "%f[%A]") then
      return true
    end
  end
  return false
end

-- Verbs that in the passive are not speech: "rejected by the university",
-- "called by his friends" -- unless what they govern is a claim.
local NOT_PASSIVE_SPEECH = { rejected = true, dismissed = true, called = true,
                             termed = true, described = true, posted = true,
                             informed = true, briefed = true, observed = true,
                             branded = true, labelled = true, labeled = true,
                             portrayed = true, painted = true, characterised = true,
                             characterized = true }

-- Whether the subject of a passive denial is a claim: "The claims were
-- denied by ...".
local function claim_before(before)
  local tail = before:sub(-60):lower()
  for _, o in ipairs(DENIED_OBJECTS) do
    if tail:find("%f[%a]" .. o .. "%s+%a+%s*%a*%s*$") then return true end
  end
  return false
end

-- Verbs whose subject may follow them ('"...," said a senior official',
-- "..., too, says BT"); other verbs take an object there ("Mitsubishi
-- confirmed earlier reports").
local INVERTIBLE = {}
for w in ([[said says say added adds wrote writes noted notes explained explains
  insisted insists warned warns argued argues claimed claims stated states
  continued continues replied responded commented observed admitted admits
  reported reports suggested suggests announced announces told tells
  stressed emphasised emphasized cautioned concluded remarked recalled
  predicted predicts believes believe estimated estimates]]):gmatch("%a+") do
  INVERTIBLE[w] = true
end

-- Verbs that assert a negative as a denial: "insisted that no ... had".
local ASSERTING_VERBS = { insisted = true, insists = true, insist = true, maintained = true,
                          maintains = true, maintain = true }

-- Verbs that are more often nouns, and the words that show them used as
-- verbs when they follow.
local NOUNISH = { claim = true, claims = true, estimate = true, estimates = true,
                  forecast = true, notes = true, states = true, believe = true,
                  called = true, termed = true, described = true, describes = true }
local OBJECT_STARTS = {}
for w in ([[that the a an he she it they we i you his her its their our there
  this these those some many most him them us me]]):gmatch("%a+") do
  OBJECT_STARTS[w] = true
end

-- The attribution a speech verb at match m makes in `sentence`, or nil.
-- `out` holds the sentence's attributions so far (for "X said and added").
local function verb_attribution(sentence, m, out)
  local text, base = sentence.text, sentence.start
  local rel = m.start - base              -- 0-based offset in text
  local rel_stop = m.stop - base
  local before = text:sub(1, rel)
  local after = text:sub(rel_stop + 1, rel_stop + 40)
  local verb = m.verb
  local lverb = verb:lower()
  local w1, w2 = last_two_words(before)
  if w1 and (DETERMINERS[w1] or NOT_SAID[w1] or w1:find("n't$") or w1:find("n\226\128\153t$")) then
    return nil
  end
  if before:sub(-3) == "so-" then return nil end                         -- "so-called"
  if w1 and (OPENING_PREPOSITIONS[w1] or PREPOSITIONS[w1]) and lverb:find("ed$")
     and not after:find("^%s+by%s") and not after:find("^%s+that%s") then
    return nil                            -- "despite reported interest from ..."
  end
  if w1 == "nor" or (w1 == "or" and (before:find("%f[%a]to%s+%a+%s+or%s*$")
                                     or before:find("n[o']t%s+%a+%s+or%s*$"))) then
    return nil                            -- "to confirm or deny", "neither confirm nor deny"
  end
  if w1 and (w1:find("'s$") or w1:find("\226\128\153s$")) then return nil end -- "Blair's reported plan"
  if lverb:find("ed$") and w2 and (DETERMINERS[w2] or DETERMINER_COUNTS[w2] or w2 == "people")
     and after:find("^%s+%l+") and PREPOSITIONS[(after:match("^%s+(%l+)"))] then
    return nil                            -- "a person briefed on the talks said"
  end
  if (lverb == "added" or lverb == "adds") and after:find("^%s+[%d$\194\226]") then
    return nil                            -- "shares added 1.7%"
  end
  if lverb == "added" and after:find("^%s+%l") and not after:find("^%s+that%s")
     and not after:find("^%s+%l+ly[%s,]") and not after:find("^%s+[hst]he[ym]?%f[%A]")
     and not after:find("^%s+it%f[%A]") then
    return nil                            -- "receive added support", "added costs"
  end
  if lverb == "called" and after:find("^%s+%u") then return nil end   -- "a firm called Acme"
  if NOUNISH[lverb] then
    -- "claims", "estimates", "states" are more often nouns: a verb only
    -- before a clause or an object ("ministers claim the bill will ...")
    local nw = after:match("^%s+([%a']+)")
    nw = nw and nw:lower()
    if not nw or not (OBJECT_STARTS[nw] or lverb == "called" and (nw == "on" or nw == "for")) then
      return nil
    end
    if not w1 or PREPOSITIONS[w1] or w1:find("ed$") or w1:find("ing$") then return nil end
    -- the word before must end a subject: a name, a pronoun, a plural or a
    -- lexicon noun ("Labour claims", "ministers claim", "the firm claims");
    -- not an adjective ("its central claim that")
    local b1 = before:match("([%w'\226\128\153%-]+)[%s,]*$") or ""
    if not (is_capitalised(b1) or PRONOUNS[w1] or plural_word(w1) or lexicon_word(w1)) then
      return nil
    end
  end
  local to = after:match("^%s+to%s+(%a+)")
  if to and not lverb:find("^told") and not TO_LISTENERS[to:lower()] then
    return nil                            -- "is said to", "a deal reported to be"
  end
  local passive = w1 and (AUXILIARIES[w1] or (PASSIVE_ADVERBS[w1] or w1:find("ly$"))
                          and w2 and AUXILIARIES[w2])
  if not passive and after:find("^%s+by%s") and lverb:find("ed$") then
    passive = true                        -- "proposals announced by the minister"
  end
  if (lverb == "quoted" or lverb == "cited") and not passive then
    -- "Reuters quoted a central bank official as saying": the speaker is
    -- the one quoted; the outlet only carries the words
    local from, quoted, upto = text:sub(rel_stop + 1, rel_stop + 120):match("^%s+()(.-)()%s+as%s+say")
    quoted = tidy_source(quoted, 0)
    if quoted and not quoted:find("[,;:\"]") then
      local t, named = M.classify(quoted)
      if t ~= "pronoun" then
        local a = new_attr(sentence, rel, rel_stop + upto - 1, verb, quoted, t, named)
        a.outlet = subject_before(text, rel + 1) or nil
        return a
      end
    end
  end
  if passive and (lverb == "reported" or lverb == "quoted") and after:find("^%s+as%s+say")
     and not after:find("^%s+as%s+saying%s+by%s") then
    -- "The minister is reported as saying", "has been quoted as saying":
    -- words the article did not hear, from a report it does not name
    local subject, sat = subject_before(text, rel + 1)
    subject, sat = tidy_source(subject or nil, sat or 0)
    local say_end = rel_stop + #after:match("^(%s+as%s+%a+)")
    local a = new_attr(sentence, sat and math.min(sat, rel) or rel, say_end, verb .. " as saying",
                       subject or "unnamed report", "media", false)
    a.hearsay = true
    return a
  end
  local phrase, at, coordinated
  if UNNAMED_VERBS[lverb] and after:find("^%s+from%s") then
    -- "the BBC has learned from the minister": the minister is the source
    local from = after:match("^%s+from%s+()")
    phrase, at = phrase_after(text, rel_stop + from, 8)
    if phrase then
      local t, named = M.classify(phrase)
      return new_attr(sentence, rel, at + #phrase, verb, phrase, t, named)
    end
  end
  if passive and NOT_PASSIVE_SPEECH[lverb] and not claim_before(before) then
    return nil                            -- "a young man rejected by the university"
  end
  if passive then
    -- "was first reported by Kommersant": the agent is the source
    local by = after:match("^%s+by%s+()")
    if by then
      phrase, at = phrase_after(text, rel_stop + by, 8)
      -- "reported by Reuters to have won": the agent ends before "to"
      local cut = phrase and (phrase:find("%s+to%s") or phrase:find("%s+as%s"))
      if cut then phrase = phrase:sub(1, cut - 1) end
      phrase, at = tidy_source(phrase, at)
    end
    if not phrase then return nil end
  elseif w1 == "and" or w1 == "but" then
    -- "Officials called the reports fabricated and said ...": the
    -- subject of the first verb
    local prev = out[#out]
    if prev and prev.verb ~= "according to" then coordinated = prev end
  else
    phrase, at = subject_before(text, rel + 1)
    if phrase == false then return nil end   -- reported speech inside reported speech
    phrase, at = tidy_source(phrase, at)
    local inverted = before:find(",%s*$") ~= nil or before:find(",%s*too%s*$") ~= nil
    if (not phrase or inverted or M.classify(phrase, verb) == "other") and INVERTIBLE[lverb] then
      -- inversion: '"...," said a senior official.' or "..., said Mr
      -- Dobrow." -- a short phrase after the verb that ends the clause
      local ap, aat = tidy_source(phrase_after(text, rel_stop + 1, 8))
      if ap then
        local rest = text:sub(aat + #ap + 1)
        -- "said Justin Green, spokesman for MCD Promoters.": the
        -- appositive to the end of the clause belongs to the speaker
        local comma, appos = rest:match("^(,%s*)([^,;:%.!?\"]+)")
        if appos then
          local after_appos = rest:sub(#comma + #appos + 1)
          if name_words(ap) and opens_appositive(appos) and select(2, appos:gsub("%S+", "")) <= 10
             and (after_appos == "" or after_appos:find("^%s*[%.;!?\"]")
                  or after_appos:find("^%s*\226\128\157")) then
            ap = ap .. comma .. appos:gsub("%s+$", "")
            rest = text:sub(aat + #ap + 1)
          end
        end
        local ends = rest == "" or rest:find("^%s*[%.,;!?\"]") or rest:find("^%s*\226\128\157")
        local opens = before:find(",%s*$") or before:find("\"%s*$")
                      or before:find("\226\128\157%s*$") or before:find(",%s*too%s*$")
        local first = ap:match("^(%a+)")
        local t, named = M.classify(ap, verb)
        local pt, pnamed
        if phrase then pt, pnamed = M.classify(phrase, verb) end
        if not (first and PREPOSITIONS[first:lower()])
           and (not phrase
                or (ends and opens and t ~= "other" and not lverb:find("^tel") and not lverb:find("^told")
                    and (pt == "other" or named and t ~= "pronoun" and not pnamed))) then
          -- ", said Junya Tanase of JPMorgan": a named speaker after the
          -- verb wins over the noun before the comma
          phrase, at = ap, aat
        end
      end
    end
  end
  local a
  if coordinated then
    a = new_attr(sentence, rel, rel_stop, verb, coordinated.source,
                 coordinated.type, coordinated.named)
  elseif phrase then
    local cverb = verb
    if lverb:find("^report") and not passive and at < rel
       and not after:find("^%s*[%.,;:!?\"]") and not after:find("^%s*$")
       and not after:find("^%s+that%s") and not after:find("^%s+on%s") then
      cverb = nil                         -- "Nike reported a profit": its own figure
    end
    local t, named = M.classify(phrase, cverb)
    local s = math.min(at, rel)
    local e = math.max(at + #phrase, rel_stop)
    a = new_attr(sentence, s, e, verb, phrase, t, named)
  end
  if a then
    a.denial = has(M.lexicon.denial_verbs, lverb)
      and (denies_object(text:sub(rel_stop + 1), lverb)
           or passive and claim_before(before))   -- "the claims were denied by"
    if not a.denial and ASSERTING_VERBS[lverb] then
      -- "insiders insisted that no bribes had been paid": an assertion of a negative
      local clause = text:sub(rel_stop + 1):match("^%s+that%s+([^;:]*)") or ""
      a.denial = clause:find("%f[%a]no%f[%A]") ~= nil or clause:find("%f[%a]not%f[%A]") ~= nil
                 or clause:find("%f[%a]never%f[%A]") ~= nil or clause:find("%f[%a]nothing%f[%A]") ~= nil
                 or clause:find("n't%f[%A]") ~= nil or clause:find("n\226\128\153t%f[%A]") ~= nil
    end
  end
  return a
end


-- The subject that opens a sentence, when it is a person or body:
-- "The minister arrived in Delhi" -> "The minister". The leading run of
-- words that are capitalised or lexicon words (titles, institutions,
-- officials), at most six.
local function opening_subject(p)
  local words = {}
  local len = 0
  for w in p.text:gmatch("[^%s]+") do
    local possessive = w:find("'s$") or w:find("\226\128\153s$")
    local bare = w:gsub("[%p]+$", ""):gsub("'s$", ""):gsub("\226\128\153s$", "")
    local lw = bare:lower()
    local fits = is_capitalised(bare) or lw == "the" or lw == "a" or lw == "an"
      or has(M.lexicon.official_titles, lw) or has(M.lexicon.institutions, lw)
      or has(M.lexicon.unnamed_officials, lw) or has(M.lexicon.experts, lw)
      or possessive
    if not fits or #words >= 6 then break end
    words[#words + 1] = bare
    if w:find("[,;:]$") then break end
  end
  if #words == 0 then return nil end
  local phrase = table.concat(words, " ")
  local t, named = M.classify(phrase)
  if t == "official-named" or t == "official-unnamed" or t == "named" or t == "expert" then
    return { start = p.start, stop = p.start + #phrase, text = phrase, verb = "",
             source = phrase, type = t, named = named, quoted = false, carried = false,
             denial = false, credit = false }
  end
  return nil
end

local function by_start(x, y) return x.start < y.start end

-- "films that have been widely shared online": a media marker inside a
-- relative clause describes a thing, it does not source the sentence.
local relative_marker = spindle.re([[\b(?:that|which|who)\s+(?:have|has|had|is|are|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?$]], "i")

-- Attributions written in the sentence; `cues` are the cue matches that lie
-- in it, in text order. Pronouns are left unresolved.
local function scan_sentence(sentence, cues)
  local out = {}
  local text = sentence.text
  local base = sentence.start
  local body = sentence.doc.body
  local anonymous_sentence = false

  -- according to X, and X said / said X
  for _, m in ipairs(cues) do
    local kind = m.kind
    if kind == "acc" then
      local phrase, at = tidy_source(phrase_after(text, m.stop - base + 1, 10))
      if phrase then
        local t, named = M.classify(phrase)
        if t == "pronoun" then t = "other" end
        out[#out + 1] = new_attr(sentence, m.start - base, at + #phrase, "according to",
                                 phrase, t, named)
      end
    elseif kind == "verb" then
      if not overlaps_any(out, m.start, m.stop) then
        local a = verb_attribution(sentence, m, out)
        if a then out[#out + 1] = a end
      end
    elseif kind == "part" then
      -- ", saying ...": the subject of the clause before
      local prev = out[#out]
      local a
      if prev and prev.verb ~= "according to" then
        a = new_attr(sentence, m.start - base, m.stop - base, m.part, prev.source,
                     prev.type, prev.named)
      else
        local subject = opening_subject(sentence)
        if subject then
          a = new_attr(sentence, m.start - base, m.stop - base, m.part, subject.source,
                       subject.type, subject.named)
        end
      end
      if a then
        a.denial = has(M.lexicon.denial_verbs, m.part:lower())
          and denies_object(text:sub(m.stop - base + 1), m.part:lower())
        out[#out + 1] = a
      end
    elseif kind == "anon" then
      anonymous_sentence = true
    end
  end

  -- markers with no verb
  for _, m in ipairs(cues) do
    local group, t = m.kind, m.mtype
    if group == "wire" then t = "wire" end
    if t and not overlaps_any(out, m.start, m.stop)
       and not (t == "media" and relative_marker:test(body:sub(math.max(base, m.start - 40) + 1, m.start))) then
      local ok, src = true, m.wsrc1 or m.wsrc2 or m.text
      -- a marker that is a clause names no one: "it is reported" is
      -- unnamed reports, "the talk in the City is" the talk in the City
      if src:lower():find("^it%s") then
        src = t == "media" and "unnamed reports" or "unnamed sources"
      else
        src = src:gsub("%s+is$", ""):gsub("%s+was$", ""):gsub("%s+has%s+it$", "")
      end
      local credit = false
      if group == "wire" then
        ok = is_credit(body, m.start, m.stop)
        credit = ok
      elseif t == "wire" then
        credit = true
        if not (wire_in((split(src))) or src:lower():find("agenc")) then
          t, credit = "media", false        -- "Based on a Kommersant report"
        end
      end
      if ok then
        local a = new_attr(sentence, m.start - base, m.stop - base, m.text, src, t,
                           t ~= "anonymous" and t ~= "media")
        a.credit = credit
        out[#out + 1] = a
      end
    end
  end

  -- "an official, who declined to be named, said": anonymity overrides
  if anonymous_sentence then
    local anon
    for _, a in ipairs(out) do
      if a.type == "official-unnamed" or a.type == "other" or a.type == "expert"
         or a.type == "pronoun" then
        a.type, a.named = "anonymous", false
        anon = true
      end
    end
    if not anon then
      -- the phrase alone still says someone unnamed is speaking
      for _, m in ipairs(cues) do
        if m.kind == "anon" and not overlaps_any(out, m.start, m.stop) then
          out[#out + 1] = new_attr(sentence, m.start - base, m.stop - base, m.text,
                                   m.text, "anonymous", false)
        end
      end
    end
  end

  table.sort(out, by_start)
  return out
end

-------------------------------------------------------------------------------
-- Per-article analysis: the cue scan, scope, memo
-------------------------------------------------------------------------------

local function memo(doc)
  local c = doc.cache["spindle.sources"]
  if not c then
    c = { own = {}, resolved = {} }
    doc.cache["spindle.sources"] = c
  end
  return c
end

-- Attributions written in sentence s, cached; pronouns unresolved.
local function own(s)
  local c = memo(s.doc)
  local list = c.own[s.index]
  if not list then
    c.cues = c.cues or cue_index(s.doc)
    local cues = scan_cues(s, c.cues)
    list = #cues > 0 and scan_sentence(s, cues) or EMPTY
    c.own[s.index] = list
  end
  return list
end

local function unquoted(list)
  if #list == 0 then return list end
  local out = {}
  for _, a in ipairs(list) do
    if not a.quoted then out[#out + 1] = a end
  end
  return out
end

-- What a source phrase refers to, for pronoun agreement: whether it is a
-- body (an institution, outlet or record: true, false, or "maybe" for a
-- single capitalised word such as "Ivanov" or "Sky") and whether it is plural.
local function shape_of(a)
  local core = a.source:match("^([^,]-)%s*,") or a.source
  local head = head_of(core)
  local ws = words_of(head)
  local last = ws[#ws] or ""
  local hw = last:lower()
  local t = a.type
  local plural
  if t == "document" or t == "media" or t == "wire" then
    plural = hw == "reports"
  elseif is_capitalised(last) then
    plural = head:lower():find("^the%s") ~= nil and plural_word(hw)  -- "the Conservatives"
  else
    plural = plural_word(hw) or hw == "police" or hw == "people" or hw == "staff"
  end
  local body
  if t == "document" or t == "media" or t == "wire" or has(M.lexicon.institutions, hw) then
    body = true
  elseif #ws == 1 and is_capitalised(last) then
    body = last:find("^%u+$") and true or "maybe"   -- "BT" / "Ivanov"
  else
    body = false
  end
  return body, plural
end

-- Whether pronoun p ("he", "it", "they", "we") can refer to attribution a.
local function agrees(p, a)
  if p == "we" then return true end
  local body, plural = shape_of(a)
  if p == "he" then return body ~= true and not plural end
  if p == "it" then return body ~= false and not plural end
  if p == "they" then return plural or body end
  return true
end

-- The nearest attribution before sentence s that pronoun p can refer to.
-- Looks back through quoted sentences freely, past one sentence in the
-- reporter's voice for he/she and none for it/they, and no further than two
-- paragraphs; the person or body opening the sentence just before counts
-- too ("The minister arrived in Delhi. He said ...").
local resolved

local function antecedent(s, p)
  local sentences = s.doc:sentences()
  local skipped = 0
  local allowed = p == "he" and 1 or 0
  for i = s.index - 1, math.max(1, s.index - 8), -1 do
    local prev = sentences[i]
    if prev.paragraph < s.paragraph - 2 then break end
    local list, speaking = resolved(prev), false     -- (quoted ones skipped)
    for j = #list, 1, -1 do
      local a = list[j]
      if not a.quoted then
        speaking = true
        if a.type ~= "pronoun" and not (a.type == "other" and a.via) and agrees(p, a) then
          return a
        end
      end
    end
    if not speaking and i == s.index - 1 then
      local subject = opening_subject(prev)
      if subject and agrees(p, subject) then return subject end
    end
    if speaking then
      -- a speaker who does not agree ("Officials said ... He added")
      return nil
    end
    if not prev.quoted then
      skipped = skipped + 1
      if skipped > allowed then return nil end
    end
  end
  return nil
end

-- A bare name ("Ivanov said") that named an official earlier in the
-- article: a word of an official-named source in a sentence before s. A
-- source phrase is part of its sentence's text, so only the sentences whose
-- text holds the name are analysed.
local function known_official(s, a)
  local last = a.source:match("(%S+)%s*$")
  if not last then return false end
  local name = last:gsub("[%p]+$", "")
  local sentences = s.doc:sentences()
  for i = 1, s.index - 1 do
    local p = sentences[i]
    if p.text:find(name, 1, true) then
      for _, b in ipairs(own(p)) do
        if b.type == "official-named" then
          for w in b.source:gmatch("[%w\128-\255]+") do
            if w == name then return true end
          end
        end
      end
    end
  end
  return false
end

local function carried_copy(a, via, here)
  return {
    start = here.start, stop = here.stop, text = here.text, verb = here.verb or a.verb,
    source = a.source, type = a.type, named = a.named, quoted = here.quoted or false,
    carried = true, via = via, denial = here.denial or false, credit = false,
  }
end

local function copy_as(a, type_)
  local copy = {}
  for k, v in pairs(a) do copy[k] = v end
  copy.type = type_
  return copy
end

-- "The paper said": a definite outlet noun with no name of its own.
local GENERIC_OUTLETS = { paper = true, newspaper = true, magazine = true, daily = true,
                          weekly = true, tabloid = true, broadcaster = true, channel = true,
                          station = true, website = true, agency = true, publication = true,
                          journal = true }

-- The named outlet an attribution like "the paper said" refers back to:
-- the nearest media or wire source before sentence s that names one, within
-- the article (nil when none does).
local function outlet_antecedent(s, a)
  local head = a.source:lower():match("^%s*the%s+%a+%s+%a+%s+(%a+)%s*$")
               or a.source:lower():match("^%s*the%s+%a+%s+(%a+)%s*$")
               or a.source:lower():match("^%s*the%s+(%a+)%s*$")
  if not (head and GENERIC_OUTLETS[head]) then return nil end
  local sentences = s.doc:sentences()
  for i = s.index - 1, math.max(1, s.index - 40), -1 do
    local list = own(sentences[i])
    for j = #list, 1, -1 do
      local b = list[j]
      if not b.quoted and (b.type == "media" or b.type == "wire" or b.type == "named")
         and b.source:find("%u[%l%u]") and not b.source:lower():find("^%s*the%s+%a+%s*$") then
        return b
      end
    end
  end
  return nil
end

-- One attribution written in sentence s, resolved: a pronoun speaker takes
-- the nearest agreeing source before it; a bare name that named an
-- official earlier in the article is that official.
local function resolve_one(s, a)
  if a.quoted then
    return a.type == "pronoun" and copy_as(a, "other") or a
  end
  if a.type == "pronoun" then
    local p = PRONOUNS[pronoun_of(a.source:lower()) or ""] or "we"
    local ante = antecedent(s, p)
    if ante then return carried_copy(ante, a.source, a) end
    local other = copy_as(a, "other")
    other.via = a.source
    return other
  end
  if a.type == "named" and known_official(s, a) then
    return copy_as(a, "official-named")
  end
  if a.type == "media" then
    local outlet = outlet_antecedent(s, a)
    if outlet then
      local copy = carried_copy(outlet, a.source, a)
      copy.type, copy.carried = "media", false
      return copy
    end
  end
  return a
end

-- The speaker of a sentence wholly inside a quotation, with no attribution
-- of its own: see the scope notes at the top of the file.
local function quotation_speaker(s)
  local doc = s.doc
  local sentences = doc:sentences()
  -- the quotation goes on past this sentence: its speaker is named where it
  -- closes
  if doc:in_quote(s.stop) then
    for i = s.index + 1, math.min(#sentences, s.index + 6) do
      local n = sentences[i]
      if n.paragraph ~= s.paragraph then break end
      if not n.quoted then
        local from = unquoted(own(n))
        if #from > 0 then return resolve_one(n, from[1]) end
        break
      end
    end
  end
  -- the speaker just before: a sentence of the same paragraph, or the last
  -- sentence of the paragraph before
  local prev = sentences[s.index - 1]
  if prev and (prev.paragraph == s.paragraph or prev.paragraph == s.paragraph - 1) then
    local from = unquoted(resolved(prev))
    local last = from[#from]
    -- a speaker, not a record or a report ("according to", "in a statement")
    if last and last.type ~= "media" and last.type ~= "document"
       and (has(M.lexicon.speech_verbs, last.verb:lower())
            or has(M.lexicon.participles, last.verb:lower())) then
      return last
    end
  end
  -- the speaker named just after, in the paragraph
  local n = sentences[s.index + 1]
  if n and n.paragraph == s.paragraph and n.has_quote then
    local from = unquoted(own(n))
    if #from > 0 then return resolve_one(n, from[1]) end
  end
  return nil
end

-- Own attributions resolved, plus the speaker of a quotation carried into a
-- sentence that lies wholly inside it and has no attribution of its own.
function resolved(s)
  local c = memo(s.doc)
  local list = c.resolved[s.index]
  if list then return list end
  c.resolved[s.index] = EMPTY        -- a guard against cycles while resolving
  local mine = own(s)
  list = {}
  for _, a in ipairs(mine) do
    list[#list + 1] = resolve_one(s, a)
  end
  local speaking = false
  for _, a in ipairs(list) do
    if not a.quoted then speaking = true break end
  end
  if s.quoted and not speaking then
    local a = quotation_speaker(s)
    if a then
      list[#list + 1] = carried_copy(a, nil, { start = s.start, stop = s.stop, text = s.text })
    end
  end
  if #list == 0 then list = EMPTY end
  c.resolved[s.index] = list
  return list
end

local function sentence_of(x)
  if type(x) ~= "table" then
    error("spindle.sources: expected a Sentence or a table with a sentence field", 3)
  end
  if x.sentence then return x.sentence end
  if x.doc and x.index then return x end
  return nil
end

-- Attributions in scope for x (a sentence or a claim), unquoted only.
local function in_scope(x, opts)
  local s = sentence_of(x)
  if not s then return EMPTY end
  if opts and opts.scope == "paragraph" then
    local out = {}
    for _, p in ipairs(s:paragraph_sentences()) do
      for _, a in ipairs(resolved(p)) do
        if not a.quoted then out[#out + 1] = a end
      end
    end
    return out
  end
  return unquoted(resolved(s))
end

-- The same attributions without a copy: for the sentence scope the resolved
-- list itself, quoted ones included, which the caller skips. Every
-- sentence of the scope is resolved, in order, as in_scope does.
local function scope_list(x, opts)
  local s = sentence_of(x)
  if not s then return EMPTY end
  if opts and opts.scope == "paragraph" then return in_scope(x, opts) end
  return resolved(s)
end

local function strength(a)
  local key = a.type
  if key == "expert" and a.named then key = "expert-named" end
  return M.strength[key] or 0
end

-------------------------------------------------------------------------------
-- Public API
-------------------------------------------------------------------------------

---@class Attribution
---@field text string
---@field start integer
---@field stop integer
---@field verb string
---@field source string
---@field type string
---@field named boolean
---@field quoted boolean
---@field carried boolean
---@field via string|nil
---@field denial boolean
---@field credit boolean

---Every attribution that covers a sentence: those written in it (including
---ones inside quotations, marked `quoted`), with pronoun speakers resolved
---and a quotation's speaker carried in. Shared: do not modify.
---@param sentence Sentence|{sentence: Sentence}
---@return Attribution[]
function M.attributions(sentence)
  local s = sentence_of(sentence)
  if not s then return EMPTY end
  return resolved(s)
end

---The attributions in scope (unquoted), as `attributions` but with
---`opts.scope = "paragraph"` reaching every sentence of the paragraph.
---@param x Sentence|{sentence: Sentence}
---@param opts? {scope?: "sentence"|"paragraph"}
---@return Attribution[]
function M.around(x, opts)
  return in_scope(x, opts)
end

---Every attribution in the article, sentence by sentence (resolved).
---@param doc Doc
---@return Attribution[]
function M.all(doc)
  local c = memo(doc)
  if not c.all then
    local out = {}
    for _, s in ipairs(doc:sentences()) do
      for _, a in ipairs(resolved(s)) do out[#out + 1] = a end
    end
    c.all = out
  end
  return c.all
end

---How strongly an attribution vouches for a claim (sources.strength table).
---@param a Attribution
---@return number
function M.strength_of(a)
  return strength(a)
end

---Whether an accountable official source covers x: an attribution of type
---"official-named" or "document"; with opts.unnamed also "official-unnamed".
---@param x Sentence|{sentence: Sentence}
---@param opts? {scope?: "sentence"|"paragraph", unnamed?: boolean}
---@return boolean
function M.official(x, opts)
  for _, a in ipairs(scope_list(x, opts)) do
    if not a.quoted and (a.type == "official-named" or a.type == "document"
       or (opts and opts.unnamed and a.type == "official-unnamed")) then
      return true
    end
  end
  return false
end

---The strongest source covering x, as a string "type: source" (or "none"),
---and the attribution itself as a second result.
---@param x Sentence|{sentence: Sentence}
---@param opts? {scope?: "sentence"|"paragraph"}
---@return string description, Attribution|nil attribution
function M.best(x, opts)
  local best, top = nil, -1
  for _, a in ipairs(scope_list(x, opts)) do
    if not a.quoted then
      local st = strength(a)
      if st > top then best, top = a, st end
    end
  end
  if not best then return "none", nil end
  return best.type .. ": " .. best.source, best
end

---True when x rests on anonymous sources only: at least one "anonymous"
---attribution covers it and nothing named or official does (media, wire
---credits and unnamed others do not vouch for it either).
---@param x Sentence|{sentence: Sentence}
---@param opts? {scope?: "sentence"|"paragraph"}
---@return boolean anonymous_only, Attribution|nil first anonymous attribution
function M.anonymous_only(x, opts)
  local anon
  for _, a in ipairs(scope_list(x, opts)) do
    local t = a.type
    if not a.quoted then
      if t == "anonymous" then
        anon = anon or a
      elseif t == "official-named" or t == "official-unnamed" or t == "document"
          or t == "named" or (t == "expert" and a.named) then
        return false, nil
      end
    end
  end
  return anon ~= nil, anon
end

---True when every attribution in scope for x has one of the given types
---(a set, e.g. {media = true}) and there is at least one: "the claim rests
---on media reports only". Returns the first such attribution too.
---@param x Sentence|{sentence: Sentence}
---@param types table<string, boolean>
---@param opts? {scope?: "sentence"|"paragraph"}
---@return boolean only, Attribution|nil first
function M.only(x, types, opts)
  local first
  for _, a in ipairs(scope_list(x, opts)) do
    if not a.quoted then
      if not types[a.type] then return false, nil end
      first = first or a
    end
  end
  return first ~= nil, first
end

---True when some attribution covers x (any type).
---@param x Sentence|{sentence: Sentence}
---@param opts? {scope?: "sentence"|"paragraph"}
---@return boolean
function M.attributed(x, opts)
  for _, a in ipairs(scope_list(x, opts)) do
    if not a.quoted then return true end
  end
  return false
end

-- The kinds of source that put a name on the record.
local ACCOUNTABLE = { ["official-named"] = true, ["named"] = true, ["document"] = true }

-- Words opening a sentence that turns to another matter.
local topic_shift = spindle.re([[^(?:Meanwhile|Separately|Elsewhere|In\s+other\s+news|However|But|Yet|In\s+contrast|On\s+the\s+other\s+hand)\b]])

---A source on the record close to x that identifies an unnamed source of
---it: an unquoted attribution to a named person, a named body or a
---document in the sentence right after x, or in the sentence before or the
---two after that when it shares a word with `phrase` ("Pentagon officials"
---... "the Pentagon's contract office said"). News style names in the
---second sentence the official the lead left unnamed ("..., a Home Office
---minister has said. Hazel Blears said ..."). Returns the attribution, or nil.
---@param x table a Sentence, or anything with a `sentence` field
---@param phrase? string the unnamed source phrase ("Treasury officials")
---@return table|nil
function M.identified_nearby(x, phrase)
  local s = sentence_of(x)
  if not s then return nil end
  local stems = {}
  for w in (phrase or ""):gmatch("%u[%w\128-\255'-]*") do
    stems[#stems + 1] = w:lower():sub(1, 5)
  end
  local function shares_word(a)
    -- the head of the source, not its appositive or complement ("Valdoria's
    -- ambassador [to Merovia, Ilan Teodorov]")
    local lw = (a.source:match("^(.-)%s+to%s") or a.source:match("^([^,]*)") or a.source):lower()
    for _, stem in ipairs(stems) do
      if #stem >= 3 and lw:find(stem, 1, true) then return true end
    end
    return false
  end
  local sentences = s.doc:sentences()
  for i = math.max(1, s.index - 1), math.min(#sentences, s.index + 3) do
    local p = sentences[i]
    if i ~= s.index and p.paragraph >= s.paragraph - 1 and p.paragraph <= s.paragraph + 1 then
      for _, a in ipairs(resolved(p)) do
        if not a.quoted and (ACCOUNTABLE[a.type] or a.type == "expert" and a.named)
           and not a.hearsay
           and (i == s.index + 1 and not topic_shift:test(p.text) or shares_word(a)) then
          return a
        end
      end
    end
  end
  return nil
end

-- The indexes of the sentences, in order, whose cues could give an
-- attribution that `want` accepts: want(match) for body-wide cue matches,
-- and `keyed_type` for the keyed markers of that type.
local function cue_sentences(doc, want, keyed_type)
  local c = memo(doc)
  c.cues = c.cues or cue_index(doc)
  local set = {}
  for si, list in pairs(c.cues.by) do
    for _, m in ipairs(list) do
      if want(m) then set[si] = true break end
    end
  end
  if keyed_type then
    for ci, cue in ipairs(KEYED) do
      if cue.type == keyed_type then
        for si in pairs(c.cues.keyed[ci]) do set[si] = true end
      end
    end
  end
  local out = {}
  for si in pairs(set) do out[#out + 1] = si end
  table.sort(out)
  return out
end

---The denials of the article: unquoted attributions whose verb denies or
---rejects ("denied", "dismissed the reports as", "rejected claims"), in
---text order, with pronoun speakers resolved. Only the sentences with a
---denial verb are analysed.
---@param doc Doc
---@return Attribution[]
function M.denials(doc)
  local c = memo(doc)
  if not c.denials then
    local out = {}
    local sentences = doc:sentences()
    local function denial_cue(m)
      local w = (m.verb or m.part or ""):lower()
      return has(M.lexicon.denial_verbs, w) or ASSERTING_VERBS[w] == true
    end
    for _, si in ipairs(cue_sentences(doc, denial_cue)) do
      for _, a in ipairs(resolved(sentences[si])) do
        if a.denial and not a.quoted then out[#out + 1] = a end
      end
    end
    c.denials = out
  end
  return c.denials
end

---The wire credits of the article: "(Reuters)", "— AFP", "Based on IANS
---report", "with inputs from PTI", in text order. Only the sentences with
---such a cue are analysed.
---@param doc Doc
---@return Attribution[]
function M.credits(doc)
  local c = memo(doc)
  if not c.credits and not c.cues then
    -- most articles credit no agency: find out without the full cue scan
    local lower = doc.body:lower()
    if not wire_cue():test(doc.body) and not lower:find("based on", 1, true)
       and not lower:find("input", 1, true) then
      c.credits = EMPTY
    end
  end
  if not c.credits then
    local out = {}
    local sentences = doc:sentences()
    local function wire_cue_match(m) return m.kind == "wire" end
    for _, si in ipairs(cue_sentences(doc, wire_cue_match, "wire")) do
      for _, a in ipairs(own(sentences[si])) do
        if a.credit then out[#out + 1] = a end
      end
    end
    c.credits = out
  end
  return c.credits
end

---The wire agencies named in a text, in order, each once ("Reuters",
---"PTI"), from sources.lexicon.wire_agencies (case matters: "AP", not "ap").
---@param text string
---@return string[]
function M.agencies(text)
  local ws = words_of(text)
  local out, seen = {}, {}
  local i = 1
  while i <= #ws do
    local name = wire_in(ws, i, i + 3)
    if name and ws[i] == name:match("^%S+") and not seen[name] then
      seen[name] = true
      out[#out + 1] = name
    end
    i = i + 1
  end
  return out
end

---A summary of the article's sourcing: `types` counts the unquoted
---attributions written in the article by type (carried ones not counted
---again); `sentences` is the number of sentences, `attributed` the number
---of sentences some unquoted attribution covers, `agencies` the set of wire
---agencies credited or cited.
---@param doc Doc
---@return {types: table<string, integer>, sentences: integer, attributed: integer, agencies: table<string, boolean>}
function M.summary(doc)
  local c = memo(doc)
  if not c.summary then
    local types, agencies, attributed = {}, {}, 0
    local sentences = doc:sentences()
    for _, s in ipairs(sentences) do
      local any = false
      for _, a in ipairs(resolved(s)) do
        if not a.quoted then
          any = true
          if not a.carried then types[a.type] = (types[a.type] or 0) + 1 end
          if a.type == "wire" then
            agencies[wire_in((split(a.source))) or a.source] = true
          end
        end
      end
      if any then attributed = attributed + 1 end
    end
    c.summary = { types = types, sentences = #sentences, attributed = attributed,
                  agencies = agencies }
  end
  return c.summary
end

---Lower-case words for a rule's `needs` prefilter, from the named lexicons
---of this module as they are when called ("wire_agencies", "media", ...).
---@param ... string lexicon names
---@return string[]
function M.needs(...)
  local out, seen = {}, {}
  for _, name in ipairs({ ... }) do
    local lex = M.lexicon[name]
    if not lex then error("spindle.sources.needs: no lexicon '" .. tostring(name) .. "'", 2) end
    for _, w in ipairs(lex) do
      local lw = w:lower():gsub("%s+", " ")
      if not seen[lw] then
        seen[lw] = true
        out[#out + 1] = lw
      end
    end
  end
  return out
end

return M
