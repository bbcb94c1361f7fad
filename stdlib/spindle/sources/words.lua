-- spindle.sources.words — the word lists spindle.sources reads attributions
-- with: the lexicons analysts extend (speech verbs, titles, institutions,
-- anonymity phrases, wire agencies, media, documents, experts), the fixed
-- word tables of the clause parser (pronouns, conjunctions, prepositions,
-- auxiliaries), how much each source type vouches for a claim, and the
-- helpers that turn a lexicon into a set or a trie-shaped regex (rebuilt
-- when the lexicon changes). Part of spindle.sources; rules use it through
-- sources.lexicon and sources.strength.

local lexicon = require "spindle.lexicon"

local lexicons = {
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
local STRENGTH = {
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
-- (as lexicon.regex, but always trie-shaped, whatever the entries; `build`
-- may return the start words too).
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
      local pattern, starts = build(table.unpack(alts))
      compiled = spindle.re(pattern, flags, starts and lexicon.starts(starts))
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

return {
  AUXILIARIES = AUXILIARIES,
  CONJUNCTIONS = CONJUNCTIONS,
  DETERMINERS = DETERMINERS,
  EMPTY = EMPTY,
  NOT_NAMES = NOT_NAMES,
  NOT_SAID = NOT_SAID,
  OPENING_PREPOSITIONS = OPENING_PREPOSITIONS,
  PASSIVE_ADVERBS = PASSIVE_ADVERBS,
  PERSON_VERBS = PERSON_VERBS,
  PREPOSITIONS = PREPOSITIONS,
  PRONOUNS = PRONOUNS,
  STRENGTH = STRENGTH,
  TO_LISTENERS = TO_LISTENERS,
  TRAILING = TRAILING,
  UNNAMED_VERBS = UNNAMED_VERBS,
  has = has,
  lexicon_keys = lexicon_keys,
  lexicons = lexicons,
  set_of = set_of,
  trie_alternation = trie_alternation,
  trie_regex = trie_regex,
}
