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
                                    defence ministry said", "the company said")
                 "official-unnamed" officials who are not named ("officials
                                    said", "a ministry spokesperson")
                 "document"         a statement, press release, filing, records,
                                    official data
                 "wire"             a news agency ("(Reuters)", "Based on PTI report")
                 "media"            other media ("media reports", "reports
                                    suggested", "widely circulated", "the
                                    newspaper reported")
                 "anonymous"        unnamed sources ("sources said", "people
                                    familiar with the matter", "insiders", an
                                    official "who declined to be named")
                 "expert"           analysts, economists, researchers, studies
                 "named"            a named person or organisation with no
                                    recognised official role ("Jane Roe, a
                                    resident, said")
                 "other"            anyone else unnamed ("critics said", "residents said")
  named        true when a person or organisation is named
  quoted       true when the attribution itself lies inside a quotation (it
               is the quoted speaker's source, not the article's)
  carried      true when it was carried from an earlier sentence: "He added..."
               resolved to the last speaker, or a quotation continued across
               sentences
  via          for a carried attribution, the words in this sentence ("He")

Scope. An attribution covers the sentence it is in. A sentence whose speaker
is a pronoun ("He added", "It said") takes its source from the last
attribution before it (within this paragraph or the two before). A sentence
inside a quotation with no attribution of its own takes the speaker of the
quotation from the neighbouring sentence of the same paragraph. Functions that
take `opts` accept `opts.scope = "paragraph"` to look at every sentence of the
paragraph instead.

Which sources count as official (sources.official): "official-named" and
"document" — an accountable person, institution or record, on the record.
Unnamed officials ("officials said") are official but not accountable; they
count only with `opts.unnamed = true`, so that a rule can tell "no official
source" from "only unnamed officials" and score the second lower.

The functions take a Sentence, or anything with a `sentence` field (a Claim).
Analysis runs once per article and is kept in doc.cache["spindle.sources"].

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
    "said", "says", "say", "told", "tells", "tell", "stated", "added", "adds",
    "announced", "announces", "confirmed", "confirms", "confirm", "denied",
    "denies", "deny", "claimed", "insisted", "insists", "noted", "warned",
    "warns", "explained", "wrote", "writes", "tweeted", "posted", "reported",
    "revealed", "disclosed", "alleged", "alleges", "acknowledged", "admitted",
    "argued", "argues", "asserted", "maintained", "suggested", "suggest",
    "estimated", "dismissed", "dismisses", "rejected", "rejects", "described",
    "called", "termed", "stressed", "emphasised", "emphasized", "clarified",
    "countered", "replied", "responded", "commented", "observed",
    "pointed out", "informed", "briefed", "quoted", "cited", "indicated",
    "understands", "has learned", "has learnt",
  }),
  ---Titles of people who speak for a state, institution or company.
  official_titles = lexicon.new("official_titles", {
    "minister", "prime minister", "deputy minister", "foreign minister",
    "defence minister", "defense minister", "finance minister", "president",
    "vice president", "vice-president", "ambassador", "envoy", "consul",
    "high commissioner", "secretary", "undersecretary", "press secretary",
    "secretary of state", "governor", "mayor", "senator", "congressman",
    "congresswoman", "lawmaker", "MP", "chancellor", "premier",
    "chief minister", "chief executive", "CEO", "chairman", "chairwoman",
    "chairperson", "director", "director general", "director-general",
    "managing director", "general", "admiral", "commander", "colonel",
    "commissioner", "attorney general", "prosecutor", "judge", "inspector",
    "superintendent", "deputy", "adviser", "advisor", "king", "queen",
    "prince", "sheikh", "emir", "head", "chief", "founder", "treasurer",
    "registrar", "ombudsman", "speaker",
  }),
  ---Official people who are not named by these words alone.
  unnamed_officials = lexicon.new("unnamed_officials", {
    "official", "officials", "spokesperson", "spokespersons", "spokesman",
    "spokesmen", "spokeswoman", "diplomat", "diplomats", "aide", "aides",
    "authorities", "officers", "representatives", "representative",
    "government officials", "senior officials", "prosecutors", "police",
  }),
  ---Institutions that speak on record.
  institutions = lexicon.new("institutions", {
    "ministry", "department", "government", "embassy", "consulate",
    "Kremlin", "White House", "Pentagon", "State Department", "Foreign Office",
    "cabinet", "office", "council", "commission", "authority", "agency",
    "administration", "parliament", "court", "army", "military", "navy",
    "central bank", "bank", "regulator", "company", "firm", "corporation",
    "corp", "group", "board", "secretariat", "directorate", "bureau",
    "committee", "union", "party", "presidency", "tribunal", "exchange",
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
    "news agency", "wire service", "newswire",
  }),
  ---Words that make a source other media.
  media = lexicon.new("media", {
    "reports", "report", "media", "newspaper", "newspapers", "daily",
    "broadcaster", "channel", "television", "TV", "outlet", "outlets",
    "publication", "magazine", "tabloid", "website", "portal", "press",
    "social media", "posts", "journalists", "bloggers", "news",
  }),
  ---Words that make a source a document or record.
  documents = lexicon.new("documents", {
    "statement", "statements", "press release", "release", "filing",
    "filings", "document", "documents", "records", "data", "figures",
    "statistics", "gazette", "notification", "communiqué", "communique",
    "letter", "minutes", "transcript", "court papers",
    "annual report", "budget", "contract", "agreement", "memorandum",
    "white paper", "indictment", "charge sheet", "affidavit",
  }),
  ---Words that make a source an expert.
  experts = lexicon.new("experts", {
    "analyst", "analysts", "expert", "experts", "economist", "economists",
    "professor", "researcher", "researchers", "scholar", "scholars",
    "scientist", "scientists", "academic", "academics", "think tank",
    "think-tank", "consultant", "consultants", "study", "survey",
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
  sources reports analysts experts police prosecutors]])
  :gmatch("%a+") do
  NOT_NAMES[w] = true
end

local PRONOUNS = { he = true, she = true, they = true, it = true, we = true,
                   i = true, who = true, which = true }

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
  subsequently reportedly publicly privately today yesterday]]):gmatch("%a+") do
  TRAILING[w] = true
end

-- Verbs with which an outlet reports what unnamed sources told it.
local UNNAMED_VERBS = { ["understands"] = true, ["has learned"] = true, ["has learnt"] = true }

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

local speech_verb = lexicon.regex(function(verbs)
  return [[\b(?<verb>]] .. verbs .. [[)\b]]
end, "i", M.lexicon.speech_verbs)

local according_to = spindle.re([[\baccording\s+to\s+]], "i")

local function phrase_regex(lex)
  return lexicon.regex(function(alt) return [[\b]] .. alt .. [[\b]] end, "i", lex)
end
local is_anonymous = phrase_regex(M.lexicon.anonymous)
local is_wire      = phrase_regex(M.lexicon.wire_agencies)
local is_media     = phrase_regex(M.lexicon.media)
local is_document  = phrase_regex(M.lexicon.documents)
local is_expert    = phrase_regex(M.lexicon.experts)
local is_title     = phrase_regex(M.lexicon.official_titles)
local is_unnamed   = phrase_regex(M.lexicon.unnamed_officials)
local is_institution = phrase_regex(M.lexicon.institutions)
local anonymity    = phrase_regex(M.lexicon.anonymity)
-- wire agency names are matched case-sensitively when standing alone, so
-- that "ap" or "spa" in running text is not an agency
local wire_name = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}])]] .. alt .. [[(?![\p{L}\p{N}])]]
end, nil, M.lexicon.wire_agencies)

-- Attribution markers that need no speech verb.
local markers = {
  { type = "document", re = spindle.re([[\b(?:in|via|through)\s+(?:an?|the|its|his|her|their)\s+(?:(?:joint|written|official|separate|brief|short|formal)\s+)?(?:statement|press\s+release|communiqu[ée]|filing|regulatory\s+filing|letter|notice|notification|gazette\s+notification)\b]], "i") },
  { type = "document", re = spindle.re([[\b(?:documents?|filings?|records|figures|data|minutes|transcripts?|statistics)\s+(?:seen|reviewed|obtained|released|published|filed|show|shows|showed|indicate|indicates|indicated|made\s+public)\b]], "i") },
  { type = "document", re = spindle.re([[\b(?:official|government|ministry|published)\s+(?:data|figures|statistics|records|documents?)\b|\bpress\s+release\b]], "i") },
  { type = "document", re = spindle.re([[\b(?:a\s+)?cop(?:y|ies)\s+of\s+which\s+(?:was|were|has\s+been|have\s+been)\s+(?:seen|obtained|reviewed)\b]], "i") },
  { type = "wire",     re = spindle.re([[\bbased\s+on\s+(?:an?\s+|the\s+)?(?<src>[\p{L}\p{N} .&'-]{1,60}?)\s+(?:reports?|inputs|dispatch(?:es)?|wire)\b]], "i") },
  { type = "wire",     re = spindle.re([[\bwith\s+inputs\s+from\s+(?<src>[\p{L}\p{N} .&'-]{1,60}?)(?=[.,;)]|$)]], "i") },
  { type = "wire",     re = function() return wire_name() end, paren = true },
  { type = "media",    re = spindle.re([[\b(?:media|press|news|newspaper|television|tv)\s+reports?\b|\bwidely\s+(?:circulated|reported|shared)\b|\bit\s+(?:is|was|has\s+been)\s+reported\b|\breports\s+(?:in|from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:media|press|newspapers?|outlets?|television|broadcasters?)\b]], "i") },
  { type = "anonymous", re = function() return anonymity() end },
}

local passive_before = spindle.re([[\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|first|also|later|earlier|initially|originally|then|not)\s+)?$]], "i")
local determiner_before = spindle.re([[\b(?:the|a|an|this|that|these|those|its|their|his|her|our|such|any|no|widely|much|often|previously|so-)\s*$]], "i")
local followed_by_to = spindle.re([[^\s+to\s+(?!reporters|journalists|the\s+media|the\s+press|parliament)]], "i")
local by_after = spindle.re([[^\s+by\s+]], "i")

-------------------------------------------------------------------------------
-- Classifying a source phrase
-------------------------------------------------------------------------------

local function words_of(text)
  local list = {}
  for w in text:gmatch("[%w\128-\255][%w\128-\255'%.%-]*") do
    list[#list + 1] = w:gsub("['%.]+$", "")
  end
  return list
end

local upper_initial = spindle.re([[^\p{Lu}]])

-- "Ivanov", "Özil": starts with an upper-case letter (any script).
local function is_capitalised(w)
  return upper_initial:test(w)
end

-- True when a capitalised word is a name rather than a lexicon word
-- ("Ministry", "Sources"), a function word or a nationality before a noun.
local function name_words(text)
  local ws = words_of(text)
  local proper = {}
  for i, w in ipairs(ws) do
    local lw = w:lower()
    proper[i] = is_capitalised(w) and not NOT_NAMES[lw]
      and not M.lexicon.official_titles:has(lw) and not M.lexicon.unnamed_officials:has(lw)
      and not M.lexicon.institutions:has(lw) and not M.lexicon.media:has(lw)
      and not M.lexicon.anonymous:has(lw) and not M.lexicon.experts:has(lw)
      and not M.lexicon.documents:has(lw)
  end
  local named = false
  for i in ipairs(ws) do
    if proper[i] then
      local before = ws[i - 1] and ws[i - 1]:lower()
      if proper[i + 1] or proper[i - 1] then named = true end          -- "Denis Ivanov"
      if before and M.lexicon.official_titles:has(before) then named = true end -- "Ambassador Ivanov"
      if i == #ws then named = true end                                 -- "... Ivanov said"
    end
  end
  return named
end

local classify_phrase

-- Source phrases repeat across articles ("officials", "the ministry"), so
-- classifications are remembered, up to a bound, until a lexicon changes.
local CLASSIFY_CACHE_MAX = 20000
local classify_cache, classify_count, classify_stamp = {}, 0, -1

local function lexicon_stamp()
  local n = 0
  for _, lex in pairs(M.lexicon) do n = n + lex.version end
  return n
end

---Classifies a source phrase. Returns the type and whether it is named.
---@param phrase string
---@param verb? string the speech verb, if any ("reported" leans to media)
---@return string type, boolean named
function M.classify(phrase, verb)
  local stamp = lexicon_stamp()
  if stamp ~= classify_stamp or classify_count >= CLASSIFY_CACHE_MAX then
    classify_cache, classify_count, classify_stamp = {}, 0, stamp
  end
  local key = (verb or "") .. "\0" .. phrase
  local hit = classify_cache[key]
  if hit then return hit[1], hit[2] end
  local t, named = classify_phrase(phrase, verb)
  classify_cache[key] = { t, named }
  classify_count = classify_count + 1
  return t, named
end

function classify_phrase(phrase, verb)
  local text = phrase
  if text:find("^%s*$") then return "other", false end
  local lw = text:lower():gsub("^%s+", ""):gsub("[%s,]+$", "")
  if verb and UNNAMED_VERBS[verb:lower():gsub("%s+", " ")] then
    return "anonymous", false        -- "The BBC understands", "Reuters has learned"
  end
  if PRONOUNS[lw] then return "pronoun", false end
  if anonymity():test(text) then return "anonymous", false end
  -- "sources", "insiders" -- but not "Open Source Labs": a capitalised
  -- word inside the phrase is part of a name
  for m in is_anonymous():gmatch(text) do
    local first = text:sub(m.start + 1, m.start + 1)
    if not first:find("%u") or not text:sub(1, m.start):find("%S") then
      return "anonymous", false
    end
  end
  local named = name_words(text)
  if is_wire():test(text) and wire_name():test(text) or lw:find("news agency") then
    return "wire", true
  end
  if is_media():test(text) then return "media", named end
  if is_document():test(text) then return "document", true end
  if is_expert():test(text) then return "expert", named end
  local title, unnamed, institution = is_title():test(text), is_unnamed():test(text),
                                      is_institution():test(text)
  if named and (title or unnamed or institution) then return "official-named", true end
  if unnamed then return "official-unnamed", false end
  if title then
    -- "the foreign minister", "India's ambassador" name one office holder;
    -- "a minister", "two ministers" do not
    if lw:find("^an?%s") or lw:find("^one%s") or lw:find("s$") and not lw:find("ss$") then
      return "official-unnamed", false
    end
    return "official-named", true
  end
  if institution then return "official-named", true end
  if named then
    if verb and verb:lower():find("^report") then return "media", true end
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
                      "\226\128\148" }

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

-- The subject phrase before a verb at relative position `pos` (1-based, the
-- verb's first byte) of sentence text `text`: the last clause before it, with
-- an appositive kept ("Jane Doe, the minister, said").
local function subject_before(text, pos)
  local before = text:sub(1, pos - 1)
  local cut = last_cut(before)
  local clause = before:sub(cut + 1)
  local offset = cut
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
  local function blank(seg) return not clause:sub(seg[1], seg[2]):find("[%w\128-\255]") end
  if blank(last) then
    -- the verb follows a comma: "X, said" -- its subject is the segment
    -- before, together with the noun before that when the segment is an
    -- appositive or relative clause ("Jane Doe, the foreign minister, said",
    -- "An official, who declined to be named, said")
    if #segs < 2 then return nil end
    first = segs[#segs - 1]
    local middle = clause:sub(first[1], first[2])
    local appositive = middle:find("^%s*who%s") or middle:find("^%s*which%s")
      or middle:find("^%s*the%s") or middle:find("^%s*an?%s") or middle:find("^%s*%u")
    if appositive and #segs >= 3 and not blank(segs[#segs - 2]) then
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
  -- the subject starts after a conjunction: "His efforts failed after he
  -- revealed" -> "he"
  -- (not inside an appositive: "Jane Doe, speaking as talks ended, said")
  local cut_at
  for pos, w in phrase:gmatch("()(%a+)") do
    if CONJUNCTIONS[w:lower()] and pos > 1 and first == last then cut_at = pos + #w end
  end
  if cut_at and phrase:sub(cut_at):find("%a") then
    local skip = #phrase:sub(cut_at):match("^%s*")
    s = s + cut_at - 1 + skip
    phrase = phrase:sub(cut_at + skip)
  end
  -- keep the last 10 words at most
  local words = {}
  for a, w in phrase:gmatch("()(%S+)") do words[#words + 1] = { a, w } end
  while #words > 0 and TRAILING[words[#words][2]:lower():gsub("%p+$", "")] do
    table.remove(words)
  end
  if #words == 0 then return nil end
  local from = words[math.max(1, #words - 9)][1]
  local lastw = words[#words][2]
  local to = words[#words][1] + #(lastw:gsub("[,%s]+$", "")) - 1
  local subject = phrase:sub(from, to)
  if not subject:find("[%w\128-\255]") then return nil end
  return subject, offset + s - 1 + from - 1
end

-- The source phrase after a position: "said a senior official, who...".
local function phrase_after(text, pos, max_words)
  local rest = text:sub(pos)
  local stop = rest:find("[%.,;:%?!\"%(%)]") or #rest + 1
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
local function is_credit(body, m)
  local pre = body:sub(math.max(1, m.start - 3), m.start)
  local post = body:sub(m.stop + 1, m.stop + 3)
  return (pre:find("%(%s*$") and post:find("^%s*%)")) ~= nil
      or pre:find("%-%s*$") ~= nil
      or pre:find("\226\128[\147\148]%s*$") ~= nil
end

local function new_attr(sentence, rel_start, rel_stop, verb, source, type_, named)
  local doc = sentence.doc
  local start = sentence.start + rel_start
  local a = {
    start = start, stop = sentence.start + rel_stop,
    verb = verb, source = source, type = type_, named = named or false,
    quoted = doc:in_quote(start), carried = false,
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

-- Attributions written in the sentence itself; pronouns left unresolved.
local function scan_sentence(sentence)
  local out = {}
  local text = sentence.text
  local base = sentence.start

  -- according to X
  for m in according_to:gmatch(text) do
    local phrase, at = phrase_after(text, m.stop + 1, 10)
    if phrase then
      local t, named = M.classify(phrase)
      if t == "pronoun" then t = "other" end
      out[#out + 1] = new_attr(sentence, m.start, at + #phrase, "according to", phrase, t, named)
    end
  end

  -- X said / said X
  for m in speech_verb():gmatch(sentence) do
    local rel = m.start - base              -- 0-based offset in text
    local rel_stop = m.stop - base
    local before = text:sub(1, rel)
    local after = text:sub(rel_stop + 1)
    local verb = m.verb
    local skip = determiner_before:test(before) or overlaps_any(out, m.start, m.stop)
    local passive = passive_before:test(before)
    if not skip and followed_by_to:test(after) and not verb:lower():find("^told") then
      skip = true                           -- "is said to", "a deal reported to be"
    end
    if not skip then
      local phrase, at, coordinated
      if passive then
        -- "was first reported by Kommersant": the agent is the source
        if by_after:test(after) then
          local by = by_after:match(after)
          phrase, at = phrase_after(text, rel_stop + by.stop + 1, 8)
        end
      elseif before:find("%f[%a][Aa]nd%s+$") or before:find("%f[%a]but%s+$") then
        -- "Officials called the reports fabricated and said ...": the
        -- subject of the first verb
        local prev = out[#out]
        if prev and prev.verb ~= "according to" then
          phrase, at = prev.source, prev.start - base
          coordinated = prev
        end
      else
        phrase, at = subject_before(text, rel + 1)
        if not phrase or M.classify(phrase, verb) == "other" then
          -- inversion: '"...," said a senior official.' or "..., said Mr
          -- Dobrow." -- a short phrase after the verb that ends the clause
          local ap, aat = phrase_after(text, rel_stop + 1, 8)
          if ap then
            local rest = text:sub(aat + #ap + 1)
            local ends = rest == "" or rest:find("^%s*[%.,;!?\"]") or rest:find("^%s*\226\128\157")
            local opens = before:find(",%s*$") or before:find("\"%s*$")
                          or before:find("\226\128\157%s*$")
            if not phrase or (ends and opens and M.classify(ap, verb) ~= "other") then
              phrase, at = ap, aat
            end
          end
        end
      end
      if coordinated then
        local a = new_attr(sentence, rel, rel_stop, verb, coordinated.source,
                           coordinated.type, coordinated.named)
        out[#out + 1] = a
      elseif phrase then
        local t, named = M.classify(phrase, verb)
        local s = math.min(at, rel)
        local e = math.max(at + #phrase, rel_stop)
        out[#out + 1] = new_attr(sentence, s, e, verb, phrase, t, named)
      end
    end
  end

  -- markers with no verb
  for _, mk in ipairs(markers) do
    local re = type(mk.re) == "function" and mk.re() or mk.re
    for m in re:gmatch(sentence) do
      if not overlaps_any(out, m.start, m.stop) then
        local ok, t, src = true, mk.type, m.src or m.text
        if mk.paren then ok = is_credit(sentence.doc.body, m) end
        if mk.type == "wire" and not mk.paren and not (is_wire():test(src) or wire_name():test(src)) then
          t = "media"                         -- "Based on a Kommersant report"
        end
        if ok then
          out[#out + 1] = new_attr(sentence, m.start - base, m.stop - base, m.text, src, t,
                                   t ~= "anonymous" and t ~= "media")
        end
      end
    end
  end

  -- "an official, who declined to be named, said": anonymity overrides
  if anonymity():test(sentence) then
    for _, a in ipairs(out) do
      if a.type == "official-unnamed" or a.type == "other" or a.type == "expert" then
        a.type, a.named = "anonymous", false
      end
    end
  end

  table.sort(out, function(x, y) return x.start < y.start end)
  return out
end

-------------------------------------------------------------------------------
-- Scope: pronouns, continued quotations, memo
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
    list = scan_sentence(s)
    c.own[s.index] = list
  end
  return list
end

local function unquoted(list)
  local out = {}
  for _, a in ipairs(list) do
    if not a.quoted then out[#out + 1] = a end
  end
  return out
end

-- The subject that opens a sentence, when it is a person or body:
-- "The minister arrived in Delhi" -> "The minister". The leading run of
-- words that are capitalised or lexicon words (titles, institutions,
-- officials), at most six.
local function opening_subject(p)
  local words = {}
  for w in p.text:gmatch("[^%s]+") do
    local possessive = w:find("'s$") or w:find("\226\128\153s$")
    local bare = w:gsub("[%p]+$", ""):gsub("'s$", ""):gsub("\226\128\153s$", "")
    local lw = bare:lower()
    local fits = is_capitalised(bare) or lw == "the" or lw == "a" or lw == "an"
      or M.lexicon.official_titles:has(lw) or M.lexicon.institutions:has(lw)
      or M.lexicon.unnamed_officials:has(lw) or M.lexicon.experts:has(lw)
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
             source = phrase, type = t, named = named, quoted = false, carried = false }
  end
  return nil
end

-- The last attribution with a real source before sentence s: this paragraph
-- first, then the two paragraphs before it. When the sentence just before s
-- attributes nothing, a person or body opening it is taken instead ("The
-- minister arrived in Delhi. He said ..."), even across a paragraph break.
local function antecedent(s)
  local doc = s.doc
  local sentences = doc:sentences()
  for i = s.index - 1, 1, -1 do
    local p = sentences[i]
    if p.paragraph < s.paragraph - 2 then break end
    local list = unquoted(own(p))
    for j = #list, 1, -1 do
      local a = list[j]
      if a.type ~= "pronoun" and a.type ~= "other" then return a end
    end
    if i == s.index - 1 and #list == 0 then
      local subject = opening_subject(p)
      if subject then return subject end
    end
  end
  return nil
end

-- A bare name ("Ivanov said") that named an official earlier in the
-- article. The index maps each word of an official-named source to the
-- first sentence it appeared in; it is extended as far as needed, so the
-- article is read once.
local function known_official(s, a)
  local last = a.source:match("(%S+)%s*$")
  if not last then return false end
  local c = memo(s.doc)
  local index = c.officials
  if not index then
    index = { upto = 0, first = {} }
    c.officials = index
  end
  local sentences = s.doc:sentences()
  for i = index.upto + 1, s.index - 1 do
    for _, b in ipairs(own(sentences[i])) do
      if b.type == "official-named" then
        for w in b.source:gmatch("[%w\128-\255]+") do
          index.first[w] = index.first[w] or i
        end
      end
    end
    index.upto = i
  end
  local first = index.first[last:gsub("[%p]+$", "")]
  return first ~= nil and first < s.index
end

local function carried_copy(a, via, here)
  return {
    start = here.start, stop = here.stop, text = here.text, verb = here.verb or a.verb,
    source = a.source, type = a.type, named = a.named, quoted = here.quoted or false,
    carried = true, via = via,
  }
end

local function copy_as(a, type_)
  local copy = {}
  for k, v in pairs(a) do copy[k] = v end
  copy.type = type_
  return copy
end

-- One attribution written in sentence s, resolved: a pronoun speaker takes
-- the last real source before it; a bare name that named an official
-- earlier in the article is that official.
local function resolve_one(s, a)
  if a.quoted then
    return a.type == "pronoun" and copy_as(a, "other") or a
  end
  if a.type == "pronoun" then
    local ante = antecedent(s)
    if ante then return carried_copy(ante, a.source, a) end
    return copy_as(a, "other")
  end
  if a.type == "named" and known_official(s, a) then
    return copy_as(a, "official-named")
  end
  return a
end

-- Own attributions resolved, plus the speaker of a quotation carried into a
-- sentence that lies wholly inside it and has no attribution of its own.
local function resolved(s)
  local c = memo(s.doc)
  local list = c.resolved[s.index]
  if list then return list end
  list = {}
  for _, a in ipairs(own(s)) do
    list[#list + 1] = resolve_one(s, a)
  end
  if #unquoted(list) == 0 and s.quoted then
    -- a quotation running over several sentences: its speaker is named in
    -- the sentence after or before it, within the paragraph
    for _, n in ipairs({ s:next() or false, s:prev() or false }) do
      if n and n.paragraph == s.paragraph and n.has_quote then
        local from = unquoted(own(n))
        if #from > 0 then
          local a = resolve_one(n, from[1])
          list[#list + 1] = carried_copy(a, nil, { start = s.start, stop = s.stop, text = s.text })
          break
        end
      end
    end
  end
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
  if not s then return {} end
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

---Every attribution that covers a sentence: those written in it (including
---ones inside quotations, marked `quoted`), with pronoun speakers resolved
---and a quotation's speaker carried in. Shared: do not modify.
---@param sentence Sentence|{sentence: Sentence}
---@return Attribution[]
function M.attributions(sentence)
  local s = sentence_of(sentence)
  if not s then return {} end
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
  for _, a in ipairs(in_scope(x, opts)) do
    if a.type == "official-named" or a.type == "document"
       or (opts and opts.unnamed and a.type == "official-unnamed") then
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
  for _, a in ipairs(in_scope(x, opts)) do
    local st = strength(a)
    if st > top then best, top = a, st end
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
  for _, a in ipairs(in_scope(x, opts)) do
    local t = a.type
    if t == "anonymous" then
      anon = anon or a
    elseif t == "official-named" or t == "official-unnamed" or t == "document"
        or t == "named" or (t == "expert" and a.named) or t == "expert-named" then
      return false, nil
    end
  end
  return anon ~= nil, anon
end

---True when some attribution covers x (any type).
---@param x Sentence|{sentence: Sentence}
---@param opts? {scope?: "sentence"|"paragraph"}
---@return boolean
function M.attributed(x, opts)
  return #in_scope(x, opts) > 0
end

return M
