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

local source_words = require "spindle.sources.words"
local EMPTY, NOT_NAMES, PRONOUNS, has =
  source_words.EMPTY, source_words.NOT_NAMES, source_words.PRONOUNS, source_words.has
local source_cues = require "spindle.sources.cues"
local KEYED, cue_index, scan_cues, wire_cue =
  source_cues.KEYED, source_cues.cue_index, source_cues.scan_cues, source_cues.wire_cue
local source_phrase = require "spindle.sources.phrase"
local head_of, is_capitalised, plural_word, pronoun_of, split, wire_in, words_of =
  source_phrase.head_of, source_phrase.is_capitalised, source_phrase.plural_word,
  source_phrase.pronoun_of, source_phrase.split, source_phrase.wire_in,
  source_phrase.words_of
local source_clause = require "spindle.sources.clause"
local ASSERTING_VERBS, opening_subject, scan_sentence =
  source_clause.ASSERTING_VERBS, source_clause.opening_subject,
  source_clause.scan_sentence

local M = {}

-- The lexicons and strengths live in spindle.sources.words, the classifier
-- in spindle.sources.phrase: the same tables, so an addition is seen by all.
M.lexicon = source_words.lexicons
M.strength = source_words.STRENGTH
M.classify = source_phrase.classify

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

-- Capitalised words that name no body: a nationality or place adjective
-- ("Russian", "Japanese", "British", "Israeli") and the big states'
-- initials (besides NOT_NAMES: days, months, "Senior", "Local", ...).
local nationality = spindle.re([[^\p{Lu}\p{Ll}+(?:an|ese|ish|i)$]])
local STATE_INITIALS = { us = true, uk = true, eu = true }

---Whether a source phrase names the body or outlet it speaks for: a
---capitalised word that is not a nationality ("Russian officials"), a place
---the words come from ("reports from Russia") or a word of the lexicons of
---unnamed people and media ("Officials", "Reports", "Sources" opening a
---sentence). True for "Treasury officials", "officials representing the
---Moscow Department of Health", "Arab News", "the Liverpool Echo newspaper".
---@param phrase string
---@return boolean
function M.names_body(phrase)
  local lex = M.lexicon
  local after_place = false
  for w in phrase:gmatch("[%a'\226\128\153%-%.&]+") do
    local lw = w:lower():gsub("'s$", ""):gsub("\226\128\153s$", "")
    if lw == "from" or lw == "in" or lw == "across" or lw == "around" then
      after_place = true
    elseif w:find("^%u") and not after_place and not NOT_NAMES[lw] and not STATE_INITIALS[lw]
           and not nationality:test((w:gsub("'s$", ""))) and not has(lex.unnamed_officials, lw)
           and not has(lex.media, lw) and not has(lex.anonymous, lw) then
      return true
    end
  end
  return false
end

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

-- Its results are new lists the caller owns: rules get them to change.
fresh_result(M.needs)

return M
