--[[
spindle.quotes — the quotations of an article, what kind each is, and who
said it.

    local quotes = require "spindle.quotes"
    for _, q in ipairs(quotes.all(doc)) do
      if q.kind == "speech" and not q.speaker then ... end
    end

A Quote is a table:
  text         the quoted words, without the marks
  start, stop  body byte offsets of the quotation including its marks
  inner        {start=, stop=}: the span of the words inside the marks
  sentence     the Sentence where it opens; `last` the one where it ends
  paragraph    the paragraph index (1-based)
  words        number of words inside
  kind         "speech"  something someone said or wrote: a clause, a
                         sentence or more ('"We will appeal," he said.')
               "term"    a word or short phrase held at arm's length: a
                         scare quote, a label, a nickname, a title ('the
                         "smear" tactics', 'the film "Million Dollar Baby"',
                         'dubbed "the people's banker"')
  open_ended   true when no closing mark ends it before its paragraph does
               (news style: a long quotation that goes on in the next
               paragraph)
  continued    true when it opens a paragraph and the quotation before it
               was open-ended: the same speaker goes on
  speaker      the Attribution (spindle.sources) of the person or body who
               said it, or nil
  how          how the speaker was found: "sentence" (an attribution in a
               sentence the quote lies in, pronouns resolved: '..., he said'),
               "adjacent" (in the sentence before or after, in the same
               paragraph), "colon" (introduced by a sentence ending in a
               colon: 'The minister was blunt: "No."'), "continued" (the
               speaker of the open-ended quotation it continues), "interview"
               (an answer in a paragraph opening with ":" or "Q:"/"A:"),
               "carried" (news style: the speaker of a quotation, or a named
               speaker, in the two paragraphs before carries on), "following"
               (named in the sentence after), others in docs/rules.md, or nil

The quotation spans are the text model's (straight and curly double
quotes, paired within a paragraph; see docs/rules.md); single quotes are
not quotations. Analysis runs once per article and is kept in
doc.cache["spindle.quotes"]. The words that mark a short quotation as a
term are a lexicon:  quotes.lexicon.labels:add("hashtag")
]]

local lexicon = require "spindle.lexicon"
local sources = require "spindle.sources"

local M = {}

M.lexicon = {
  ---Words that, just before a quotation, make it a label, a name or a
  ---title rather than speech: 'so-called "war on terror"', 'dubbed "Mr
  ---Fixit"', 'the film "Ray"'.
  labels = lexicon.new("labels", {
    "so-called", "called", "dubbed", "nicknamed", "named", "titled",
    "entitled", "known as", "billed as", "branded", "labelled", "labeled",
    "termed", "the word", "the words", "the term", "the phrase", "the slogan",
    "slogan", "motto", "catchphrase", "hashtag", "codenamed", "code-named",
    "film", "movie", "album", "single", "song", "track", "book", "novel",
    "play", "musical", "show", "series", "sitcom", "programme", "program",
    "drama", "documentary", "game", "opera", "ballet", "poem", "report",
    "campaign", "operation", "project", "award", "category", "brand",
    "website", "magazine", "column", "headline", "as",
  }),
}

-- Quotation marks: straight, curly open and close, low-9 open.
local mark_re = spindle.re("[\"\u{201C}\u{201D}\u{201E}]")

-- A label word ending the text before a quotation.
local label_before = lexicon.regex(function(alt)
  return [[\b]] .. alt .. [[\s*$]]
end, "i", M.lexicon.labels)

-- Words of a quotation, for the title-case test, and their number.
local WORD = "[%w\128-\255][%w\128-\255'%-]*"
local function words_of(text)
  local list = {}
  for w in text:gmatch(WORD) do list[#list + 1] = w end
  return list
end
local function word_count(text)
  return select(2, text:gsub(WORD, ""))
end

-- The text of a Quote has no space at either end, so "ends in a comma"
-- is a test of its last byte rather than a scan for ",%s*$".
local function ends_in(text, bytes)
  return bytes[text:byte(-1) or 0] == true
end
local function ends_with(text, suffix)
  return text:sub(-#suffix) == suffix
end
local CLAUSE_END = { [46] = true, [44] = true, [33] = true, [63] = true, [59] = true,
                     [58] = true }                           -- . , ! ? ; :
local TAG_LEAD = { [44] = true, [63] = true, [33] = true, [45] = true }   -- , ? ! -

-- Small words a title may keep in lower case ("Lord of the Rings").
local SMALL = {}
for w in ([[a an the of and or in on at to for from with by as but nor is
  are be my your our his her its their vs v]]):gmatch("%a+") do SMALL[w] = true end

local upper_initial = spindle.re("^[\\p{Lu}\\p{N}]")

-- "Million Dollar Baby", "The Lord of the Rings": every word capitalised
-- but the small ones, at least two words.
local function title_case(ws)
  if #ws < 2 then return false end
  for i, w in ipairs(ws) do
    if not upper_initial:test(w) and not (i > 1 and SMALL[w:lower()]) then return false end
  end
  return true
end

-- Whether a quotation is speech or a term (label, scare quote, title).
local function kind_of(doc, q)
  local inner = q.text
  local n = q.words
  -- ends in sentence punctuation inside the marks: a quoted sentence or
  -- clause ('"We won," he said')
  local punctuated = ends_in(inner, CLAUSE_END) or ends_with(inner, "\226\128\166")
  if not punctuated and title_case(words_of(inner)) then return "term" end
  if punctuated or n > 8 then return "speech" end
  if label_before():test(doc.body:sub(math.max(1, q.start - 39), q.start)) then return "term" end
  if n <= 4 then
    -- a short quotation is speech only when it stands as a sentence of its
    -- own: nothing but the marks between it and the sentence's start
    local s = q.sentence
    local lead = s and doc.body:sub(s.start + 1, q.start) or ""
    local trail = s and doc.body:sub(q.stop + 1, q.last.stop) or ""
    if lead:find("%S") or trail:find("[%w\128-\255]") then return "term" end
  end
  return "speech"
end

-- Whether a quotation is a phrase inside a sentence of the reporter's:
-- words of the sentence before it (other than a lead ending in a colon), or
-- words after it that go on with the sentence rather than name its speaker
-- ('It will reward an author for "continued creativity"', '"Taking
-- responsibility for tough choices" is this year's talking point').
local function partial(doc, q)
  local body = doc.body
  local lead = body:sub(q.sentence.start + 1, q.start)
  if lead:find("[%w\128-\255]") and not lead:find(":%s*$") then return true end
  local trail = body:sub(q.stop + 1, q.last.stop)
  return trail:find("^%s*[%w\128-\255]") ~= nil
      and not (ends_in(q.text, CLAUSE_END) or ends_in(q.text, TAG_LEAD)
               or ends_with(q.text, "\226\128\148"))
end

-- The quotation spans of the body, rebuilt from the marks and the text
-- model's doc:in_quote: a mark with the quotation starting at it opens
-- one, a mark with the quotation ending after it closes it, and a mark with
-- quotation on both sides ends one and opens the next (news style: every
-- paragraph of a long quotation opens with a mark).
local function spans_of(doc)
  local body = doc.body
  local paragraphs = doc:paragraphs()
  local spans, cur = {}, nil
  local function paragraph_end(start)
    local s = doc:sentence_at(start)
    local p = s and paragraphs[s.paragraph]
    return p and p.stop or #body
  end
  local function close(stop, open_ended)
    cur.stop, cur.open_ended = stop, open_ended
    spans[#spans + 1] = cur
    cur = nil
  end
  -- a quotation left open ends before the next one opens (news style) or
  -- at the end of its paragraph
  local function close_open(p)
    local pe = paragraph_end(cur.start)
    local stop = math.min(p, pe)
    while stop > cur.start + 1 and body:sub(stop, stop):find("%s") do stop = stop - 1 end
    close(stop, true)
  end
  local init = 0
  while true do
    local p, e = mark_re:find(body, init)
    if not p then break end
    init = e
    if doc:in_quote(p) then
      local before_in = p > 0 and doc:in_quote(p - 1)
      local after_in = e < #body and doc:in_quote(e)
      if before_in and not after_in then
        if cur then close(e, false) end
      else
        if cur then close_open(p) end
        cur = { start = p, open_mark = e - p }
      end
    end
  end
  if cur then close_open(#body) end
  return spans
end

-- Unquoted attributions covering sentence s, nearest to [start, stop) first.
local function speakers_in(s, start, stop)
  local best, dist
  for _, a in ipairs(sources.attributions(s)) do
    if not a.quoted and a.type ~= "pronoun" then
      local d = a.stop <= start and start - a.stop or a.start >= stop and a.start - stop or 0
      if not dist or d < dist then best, dist = a, d end
    end
  end
  return best
end

-- Whether an attribution is a speaker for a quotation beside its sentence:
-- a person or body saying something, not "according to reports".
local function can_speak(a)
  return a and a.verb ~= "according to" and a.type ~= "media" and a.type ~= "wire"
end

-- Capitalised words that open sentences without naming anyone.
local NOT_NAME = [[(?!(?:The|A|An|In|On|At|It|Its|It's|This|That|These|Those|There|Their|Then|Some|Many|Most|All|No|None|One|Two|Three|If|When|While|After|Before|As|For|From|With|Without|By|Of|To|Under|Over|Last|Next|Earlier|Later|According|Meanwhile|However|But|And|Or|Yet|So|Also|Such|What|Who|Why|How|Where|Which|Although|Though|Despite|Since|Because|Only|Even|Now|Here|Other|Another|Both|Each|Every|Several|Few|Our|My|Your|His|Her|We|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Figures|Data|Sales|Shares|Prices|Profits)\b)]]
-- A name: capitalised words, the first not a sentence opener ("Doug Kaye",
-- "Labour", "Mr Brown").
local NAME = NOT_NAME .. [[(?:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:de|van|von|da|al|bin)?\s*[\p{Lu}][\p{L}'’.-]*){0,3})]]

-- A speaker phrase written around a quotation without a speech verb the
-- sources lexicon knows: '"...," he explains.', '"...," conceded Smith.',
-- 'Brentford boss Martin Allen: "..."'.
local TAG_VERB = [[(?:said|says|told|tells|added|adds|wrote|writes|thought|felt|spoke|[\p{Ll}]+(?:s|ed))]]
local tag_after = spindle.re(([[^\s*(?:(?:he|she|they|it|we|I|%s|(?:the|an?)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3})\s+(?:also\s+|later\s+|then\s+|simply\s+)?%s\b|%s(?:\s+(?:out|up|on))?\s+(?:the\s+|an?\s+)?(?:[\p{Ll}-]+\s+){0,3}%s)]]):format(NAME, TAG_VERB, TAG_VERB, NAME))
local colon_lead = spindle.re(([[(?:\b(?:he|she|they|we|I)\b|%s|\b(?:the|a|an)\s+[\p{L}-]+)[^:]*:\s*$]]):format(NAME))

-- A sentence whose subject is a person or body: a pronoun, a name, "the"
-- and a capitalised name or an official word ("the minister", "the union").
local person_subject = lexicon.regex(function(titles, unnamed, institutions, experts)
  return ([[^(?:(?:But|And|However|Meanwhile|Now|Yet|So|Instead|Still)\b,?\s+)?(?:(?:He|She|They|We|I)\b|(?<=\s)(?:he|she|they|we)\b|%s\b|(?i:the)\s+(?:%s\b|(?i:%s|%s|%s|%s)\b))]])
    :format(NAME, NAME, titles, unnamed, institutions, experts)
end, nil, sources.lexicon.official_titles, sources.lexicon.unnamed_officials,
  sources.lexicon.institutions, sources.lexicon.experts)

-- Capitalised words the article uses inside sentences: its proper names.
-- A single capitalised word opening a sentence is a name only when the
-- article also writes it capitalised elsewhere ("Hewitt", not "Tensions").
local cap_word = spindle.re([[(?<![\p{L}\p{N}'’-])[\p{Lu}][\p{L}'’-]*]])

local function proper_names(doc)
  local c = doc.cache["spindle.quotes"]
  if c and c.proper then return c.proper end
  local set = {}
  for _, s in ipairs(doc:sentences()) do
    local first = true
    for m in cap_word:gmatch(s.text) do
      if not first or s.text:sub(1, m.start):find("[%w\128-\255]") then
        set[m.text:gsub("['’]s$", "")] = true
      end
      first = false
    end
  end
  if c then c.proper = set end
  return set
end

-- Someone named before a partial quotation in its sentence: a pronoun, a
-- two-word name, or an official, anonymous or expert word.
local lead_speaker = lexicon.regex(function(titles, unnamed, institutions, experts, anonymous)
  return ([[\b(?:he|she|they|his|her|their)\b|%s\s+%s|\b(?i:%s|%s|%s|%s|%s)\b]])
    :format(NAME, NAME, titles, unnamed, institutions, experts, anonymous)
end, nil, sources.lexicon.official_titles, sources.lexicon.unnamed_officials,
  sources.lexicon.institutions, sources.lexicon.experts, sources.lexicon.anonymous)

local PRONOUNS = { He = true, She = true, They = true, We = true, I = true }

-- The person or body a sentence opens with, or nil.
local function subject_of(doc, s)
  local p = person_subject():match(s.text)
  if not p then return nil end
  local words = p.text:gsub("^%a+,?%s+", function(w)
    return w:match("^(But|And|However|Meanwhile|Now|Yet|So|Instead|Still)") and "" or nil
  end)
  words = words:gsub("^%l", string.upper)
  if not words:find("%s") and not PRONOUNS[words]
     and not proper_names(doc)[words:gsub("['’]s$", "")] then
    return nil
  end
  return p
end

local function continued_from(prev, q)
  return prev and prev.speaker and prev.kind == "speech"
end

-- A speaker phrase found without the sources analysis, as an attribution.
local function tag(text, at, stop)
  return { text = text, start = at, stop = stop, source = text, verb = "",
           type = "named", named = true, quoted = false, carried = false }
end

-- The speaker tag right after the closing mark ('"...," he explains.') or
-- the colon lead before the quotation, or nil: the cheap checks.
local function tagged(doc, q)
  local body = doc.body
  local after = body:sub(q.stop + 1, math.min(#body, q.stop + 80))
  if ends_with(q.text, ",") then
    -- news style ends a quotation with a comma only when its speaker
    -- follows: '"...," chairman and chief executive Richard Parsons said'
    local words = after:match("^%s*([^%.,;:!%?\"\226]+)")
    if words and words:find("%a") and q.last.stop > q.stop then
      local at = q.stop + #after:match("^%s*")
      return tag(words:gsub("%s+$", ""), at, at + #words:gsub("%s+$", "")), "tag"
    end
  end
  -- the comma may stand outside the marks: '"...", one gushed.'
  local comma_outside = after:match("^%s*,")
  if ends_in(q.text, TAG_LEAD) or ends_with(q.text, "\226\128\148") or comma_outside then
    local skip = comma_outside and #comma_outside or 0
    local m = tag_after:match(after:sub(skip + 1))
    if m then return tag(m.text, q.stop + skip + m.start, q.stop + skip + m.stop), "tag" end
  end
  local lead = body:sub(q.sentence.start + 1, q.start)
  local m = colon_lead:match(lead)
  if m then return tag(m.text, q.sentence.start + m.start, q.sentence.start + m.stop), "colon" end
  -- any other lead of its own ending in a colon names what the words are
  -- ("The question will be: "Should..."", a document's wording)
  local words = lead:match("^%s*([^\"\226]*%a[^\"\226]*):%s*$")
  if words then
    local at = q.sentence.start + #lead:match("^%s*")
    return tag(words, at, at + #words), "colon"
  end
  return nil, nil
end

-- Paragraphs back to which a speaker carries on (see find_speaker).
local CARRY_PARAGRAPHS = 2

-- An interview's answer: its paragraph opens with ":" or "Q:" / "A:".
local function interview_line(doc, q)
  local p = doc:paragraphs()[q.paragraph]
  return p.text:find("^%s*:") ~= nil or p.text:find("^%s*[QA]%s*:") ~= nil
end

-- Whom an interview's answers belong to: the last person or body an
-- earlier sentence of the article opens with ("Rob Partridge remembers the
-- man behind the legend."), else the colon that marks the answer.
local function interviewee(doc, q)
  local from = q.sentence:prev()
  while from do
    if not interview_line(doc, { paragraph = from.paragraph }) then
      local p = subject_of(doc, from)
      if p then return tag(p.text, from.start + p.start, from.start + p.stop) end
    end
    from = from:prev()
  end
  local p = doc:paragraphs()[q.paragraph]
  local at = p.start + (p.text:find(":") or 1) - 1
  return tag(":", at, at + 1)
end

local function find_speaker(doc, q, list, index)
  local body = doc.body
  -- in a sentence the quotation lies in
  local s = q.sentence
  while s do
    local a = speakers_in(s, q.start, q.stop)
    if a then return a, "sentence" end
    if s == q.last then break end
    s = s:next()
  end
  -- '"...," he explains.', 'The minister was blunt: "No."'
  local a, how = tagged(doc, q)
  if a then return a, how end
  local lead = body:sub(q.sentence.start + 1, q.start)
  local before = q.sentence:prev()
  local opens_paragraph = not lead:find("%S")
      and (not before or before.paragraph ~= q.sentence.paragraph)
  if before and not lead:find("%S") and before.text:find(":%s*$") then
    local a = speakers_in(before, before.stop, before.stop)
    if a then return a, "colon" end
    -- 'As one recent study put it:', 'The following is from the agency's
    -- website:' -- the sentence before introduces the words
    if opens_paragraph or before.paragraph == q.sentence.paragraph then
      return tag(before.text, before.start, before.stop), "colon"
    end
  end
  -- going on from a quotation with a speaker: the open-ended one it
  -- continues, one earlier in its paragraph, or the last one of the
  -- paragraph before when it opens its paragraph
  local prev = list[index - 1]
  if q.continued and continued_from(prev) then return prev.speaker, "continued" end
  for i = index - 1, 1, -1 do
    local p = list[i]
    if p.paragraph < q.paragraph - 1 then break end
    if continued_from(p) and (p.paragraph == q.paragraph
        or (opens_paragraph and p.last.index == before.index)) then
      return p.speaker, "continued"
    end
  end
  -- the sentence before or after, in the same paragraph
  for _, n in ipairs({ q.last:next() or false, before or false }) do
    if n and n.paragraph == q.sentence.paragraph then
      local a = speakers_in(n, q.start, q.stop)
      if can_speak(a) then return a, "adjacent" end
    end
  end
  -- a quotation inside a sentence whose subject is a person or body: 'Labour
  -- claims the policy is "a desperate attempt"'
  if lead:find("%S") then
    local p = subject_of(doc, q.sentence)
    if p and q.sentence.start + p.stop <= q.start then
      return tag(p.text, q.sentence.start + p.start, q.sentence.start + p.stop), "subject"
    end
  end
  -- a speaker earlier in the paragraph, or at the end of the paragraph
  -- before when the quotation opens its own
  local from = before
  while from and (from.paragraph == q.sentence.paragraph
                  or (opens_paragraph and from.index == before.index)) do
    local a = speakers_in(from, q.start, q.stop)
    if can_speak(a) and a.verb ~= "" then return a, "paragraph" end
    from = from:prev()
  end
  -- a partial quotation whose sentence names someone before it: "as
  -- election supremo Alan Milburn declared, "are doing a very good job""
  if lead:find("%S") then
    local p = lead_speaker():match({ text = lead, start = q.sentence.start })
    if p then return tag(p.text, p.start, p.stop), "lead" end
  end
  -- introduced by a sentence before it in its paragraph, or by the last
  -- one of the paragraph before: 'Doug Kaye, a podcaster, praises the VJ.
  -- "Adam created a simple script..."'
  from = before
  while from and (from.paragraph == q.sentence.paragraph
                  or (opens_paragraph and from.index == before.index)) do
    local p = subject_of(doc, from)
    if p then return tag(p.text, from.start + p.start, from.start + p.stop), "introduced" end
    from = from:prev()
  end
  -- an interview: the paragraph opens with a colon or "Q:"/"A:" where the
  -- questions were set apart; the answers are the interviewee's
  if interview_line(doc, q) then return interviewee(doc, q), "interview" end
  -- news style carries the last named speaker on, through paragraphs of
  -- quotation and the reporter's sentences about the speaker: a quotation
  -- with a speaker, or someone said to speak, in this paragraph or the
  -- CARRY_PARAGRAPHS before it
  for i = index - 1, 1, -1 do
    local p = list[i]
    if p.last.paragraph < q.paragraph - CARRY_PARAGRAPHS then break end
    if p.kind == "speech" and rawget(p, "_speaker") then return p._speaker, "carried" end
  end
  from = before
  while from and from.paragraph >= q.paragraph - CARRY_PARAGRAPHS do
    local a = speakers_in(from, q.start, q.stop)
    if can_speak(a) and a.verb ~= "" and a.named and a.source:find("%u") then
      return a, "carried"
    end
    from = from:prev()
  end
  -- a quotation standing first in its paragraph, named in the sentence
  -- after it: '"Do you have it in your heart?" These are the questions
  -- Jimmy Connors will be asking.'
  local after = q.last:next()
  if opens_paragraph and after then
    local a = speakers_in(after, q.start, q.stop)
    if can_speak(a) then return a, "following" end
    local p = subject_of(doc, after)
    if p then return tag(p.text, after.start + p.start, after.start + p.stop), "following" end
    p = lead_speaker():match(after)
    if p then return tag(p.text, p.start, p.stop), "following" end
  end
  return nil, nil
end

-- A Quote finds its speaker when first asked (q.speaker, q.how): the
-- search reads the attributions of the sentences around it, which rules
-- that only need quotes.attributed(q) mostly never pay for.
local Quote = {}
local function resolve(q)
  local a, how = find_speaker(q._doc, q, q._list, q._index)
  rawset(q, "_resolved", true)
  rawset(q, "_speaker", a or false)
  rawset(q, "_how", how or false)
end

-- The quotations before a quotation are resolved first, in order, so that a
-- speaker carried from one to the next never recurses down the article.
Quote.__index = function(q, k)
  if k ~= "speaker" and k ~= "how" then return nil end
  if not rawget(q, "_resolved") then
    for i = 1, q._index do
      local p = q._list[i]
      if not rawget(p, "_resolved") then resolve(p) end
    end
  end
  return rawget(q, k == "speaker" and "_speaker" or "_how") or nil
end

local function build(doc)
  local out = {}
  local body = doc.body
  for _, sp in ipairs(spans_of(doc)) do
    local inner_start = sp.start + sp.open_mark
    local inner_stop = sp.stop
    local tail = body:sub(math.max(inner_start + 1, sp.stop - 2), sp.stop)
    if tail:sub(-1) == "\"" then
      inner_stop = sp.stop - 1
    elseif tail == "\226\128\157" or tail == "\226\128\156" then
      inner_stop = sp.stop - 3
    end
    local text = body:sub(inner_start + 1, inner_stop):gsub("^%s+", ""):gsub("%s+$", "")
    local first = doc:sentence_at(sp.start)
    local last = doc:sentence_at(math.max(sp.start, sp.stop - 1)) or first
    if first then
      local q = {
        text = text, start = sp.start, stop = sp.stop,
        inner = { start = inner_start, stop = inner_stop },
        sentence = first, last = last, paragraph = first.paragraph,
        words = word_count(text), open_ended = sp.open_ended,
      }
      local prev = out[#out]
      q.continued = false
      if prev and prev.open_ended then
        if prev.paragraph == first.paragraph then
          q.continued = not body:sub(prev.stop + 1, sp.start):find("%S")
        elseif prev.paragraph == first.paragraph - 1 then
          local para_start = doc:paragraphs()[first.paragraph].start
          q.continued = not body:sub(para_start + 1, sp.start):find("%S")
        end
      end
      q.kind = kind_of(doc, q)
      q.partial = partial(doc, q)
      q._doc, q._list, q._index = doc, out, #out + 1
      out[#out + 1] = setmetatable(q, Quote)
    end
  end
  return out
end

local function memo(doc)
  local c = doc.cache["spindle.quotes"]
  if not c then
    c = {}
    doc.cache["spindle.quotes"] = c
    c.all = build(doc)
    local by = {}
    for _, q in ipairs(c.all) do
      local s = q.sentence
      while s do
        local l = by[s.index]
        if not l then l = {} by[s.index] = l end
        l[#l + 1] = q
        if s == q.last then break end
        s = s:next()
      end
    end
    c.by_sentence = by
  end
  return c
end

---Every quotation of the article body, in text order. Shared: do not modify.
---@param doc spindle.Doc
---@return spindle.Quote[]
function M.all(doc)
  return memo(doc).all
end

---The quotations that lie (wholly or partly) in a sentence.
---@param sentence spindle.Sentence
---@return spindle.Quote[]
function M.in_sentence(sentence)
  return memo(sentence.doc).by_sentence[sentence.index] or {}
end

---Whether a quotation has a speaker (as `q.speaker ~= nil`, but trying the
---cheap checks first: a speaker tag after it, a colon before it, or a
---quotation with a speaker that it continues).
---@param q spindle.Quote
---@return boolean
function M.attributed(q)
  local v = rawget(q, "_attributed")
  if v ~= nil then return v end
  v = tagged(q._doc, q) ~= nil
  if not v and q._index > 1 then
    -- going on from an attributed quotation: the open-ended one it
    -- continues, or one earlier in the same paragraph
    local prev = q._list[q._index - 1]
    if (q.continued or prev.paragraph == q.paragraph) and prev.kind == "speech" then
      v = M.attributed(prev)
    end
  end
  if not v then v = q.speaker ~= nil end
  rawset(q, "_attributed", v)
  return v
end

---The quotation holding body byte offset `offset`, or nil.
---@param doc spindle.Doc
---@param offset integer
---@return spindle.Quote|nil
function M.at(doc, offset)
  if not doc:in_quote(offset) then return nil end
  local s = doc:sentence_at(offset)
  for _, q in ipairs(s and M.in_sentence(s) or {}) do
    if offset >= q.start and offset < q.stop then return q end
  end
  return nil
end

return M
