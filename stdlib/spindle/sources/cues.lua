-- spindle.sources.cues — the cue scan: where in an article attributions can
-- be. One pass over the body finds every speech verb, participle,
-- "according to", wire credit and keyed marker ("in a statement", "media
-- reports", "the talk in the City is"); spindle.sources then analyses only
-- the sentences that hold a cue. Part of spindle.sources.

local lexicon = require "spindle.lexicon"
local source_words = require "spindle.sources.words"
local EMPTY, lexicon_keys, lexicons, set_of, trie_alternation, trie_regex =
  source_words.EMPTY, source_words.lexicon_keys, source_words.lexicons,
  source_words.set_of, source_words.trie_alternation, source_words.trie_regex

-- The cues of an attribution.
--
-- Found over the whole body, once per article: speech verbs (with the
-- participles and "according to", told apart in Lua) and wire credits.
local cue_words = lexicon.new("cue_words", { "according to" })
local verb_cue = trie_regex(function(v, p, a)
  return [[(?<![\w-])(?<verb>]] .. v:sub(1, -2) .. "|" .. p:sub(4, -2) .. "|" .. a:sub(4, -2) .. [[))\b]],
    { lexicons.speech_verbs, lexicons.participles, cue_words, boundary = true }
end, "i", lexicons.speech_verbs, lexicons.participles, cue_words)
-- an agency credited after a bracket or dash ("(Reuters)", "— AFP"); names
-- are matched case-sensitively, so that "ap" or "spa" in running text is
-- not an agency; is_credit checks the rest of the credit
local wire_cue = trie_regex(function(v)
  return [[[(\x{2013}\x{2014}-]\s*\K]] .. v .. [[(?![\p{L}\p{N}])]]
end, nil, lexicons.wire_agencies)

-- Rare cues, each run only on the sentences that hold one of its literal
-- keys (found by one trie scan of the body for all the keys): anonymity
-- phrases and markers that need no speech verb. Named groups carry the
-- source of a wire marker (wsrc1, wsrc2).
local KEYED = {
  { kind = "anon",
    re = trie_regex(function(v) return [[\b]] .. v .. [[\b]], { lexicons.anonymity, after_b = true } end,
                    "i", lexicons.anonymity),
    lexicon = lexicons.anonymity },
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
  local version = lexicons.anonymity.version
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
    key_regex_cache.re = spindle.re([[\b]] .. trie_alternation(lex), "i", lexicon.starts({ lex, after_b = true }))
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
  local participles = set_of(lexicons.participles).set
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

return {
  KEYED = KEYED,
  cue_index = cue_index,
  scan_cues = scan_cues,
  wire_cue = wire_cue,
}
