-- Rules for tests/unit/test_engine.c. Each does one thing the C test checks;
-- the test picks the rules it runs with a run mask, and several rules read
-- what to do from doc.meta so that one rule serves several cases.
local unitlib = require "unitlib"

-- report{} with every shape `at` may take. Body: "Alpha beta gamma. Delta
-- epsilon zeta."
rule {
  id = "at-shapes", title = "Every shape of at", severity = "info", weight = 1,
  check = function(doc, report)
    local s = doc:sentences()
    report { at = s[1], message = "sentence" }
    report { at = spindle.re("beta"):match(doc.body), message = "match" }
    report { at = spindle.re("eps\\w+"):match(s[2]), message = "match-in-sentence" }
    report { at = { start = 11, stop = 16 }, message = "start-stop" }
    report { at = { span = { start = 6, stop = 10 } }, message = "span" }
    report { at = { span = { 0, 5 } }, message = "span-pair" }
    report { at = { 11, 16 }, message = "pair" }
    report { at = { sentence = s[2] }, message = "sentence-field" }
    report { at = unitlib.claim(doc, "zeta"), message = "claim" }
    report { at = { 18, 18 }, message = "empty" }
    report { at = s[2] }                                    -- message: the title
  end,
}

-- Reports every match of doc.meta.pattern (flags doc.meta.flags).
rule {
  id = "find-word", title = "Finds a word", severity = "medium", weight = 0.7,
  check = function(doc, report)
    for m in doc:find(spindle.re(doc.meta.pattern, doc.meta.flags)) do
      report { at = m, evidence = { word = m.text } }
    end
  end,
}

rule {
  id = "half-a", title = "Half weight, once", severity = "low", weight = 0.5,
  check = function(doc, report) report { at = { 0, 1 } } end,
}

rule {
  id = "half-b", title = "Half weight, once more", severity = "low", weight = 0.5,
  check = function(doc, report) report { at = { 0, 1 } } end,
}

-- score = weight x report score; doc.meta.score may be absent (then 1).
rule {
  id = "scored", title = "Reports with a score", severity = "high", weight = 0.5,
  check = function(doc, report) report { at = { 0, 1 }, score = doc.meta.score } end,
}

-- Evidence of each kind, chosen by doc.meta.case.
local evidence_cases = {
  strings = function() return { amount = "$2.6 billion", source = "Reuters" } end,
  numbers = function() return { count = 3, ratio = 2.5, negative = -7 } end,
  nested = function() return { outer = { inner = { deep = "x" }, list = { 1, 2, 3 } } } end,
  array = function() return { "first", "second" } end,
  records = function() return { { a = 1 }, { b = "two" } } end,
  boolean = function() return { yes = true, no = false } end,
  empty = function() return {} end,
  none = function() return nil end,
  unicode = function() return { quote = "naïve “café”" } end,
  numeric_keys = function() return { [1] = "one", [3] = "three" } end,
  not_finite = function() return { nan = 0 / 0, inf = math.huge, n = 1 } end,
  meta = function(doc) return { meta = doc.meta } end,
}

rule {
  id = "evidence", title = "Reports evidence", severity = "info", weight = 1,
  check = function(doc, report)
    report { at = { 0, 1 }, evidence = evidence_cases[doc.meta.case](doc) }
  end,
}

-- A good report, then a bad one (chosen by doc.meta.case): the rule must
-- become a rule error and its first finding must go.
local bad_reports = {
  ["no-at"] = function(doc, report) report { message = "nowhere" } end,
  ["past-end"] = function(doc, report) report { at = { 0, #doc.body + 1 } } end,
  ["negative"] = function(doc, report) report { at = { -1, 2 } } end,
  ["reversed"] = function(doc, report) report { at = { 5, 2 } } end,
  ["bad-shape"] = function(doc, report) report { at = "here" } end,
  ["no-span"] = function(doc, report) report { at = { text = "x" } } end,
  ["score"] = function(doc, report) report { at = { 0, 1 }, score = 1.5 } end,
  ["score-type"] = function(doc, report) report { at = { 0, 1 }, score = "high" } end,
  ["function"] = function(doc, report) report { at = { 0, 1 }, evidence = { f = print } } end,
  ["cycle"] = function(doc, report)
    local t = {}
    t.self = t
    report { at = { 0, 1 }, evidence = t }
  end,
  ["evidence-type"] = function(doc, report) report { at = { 0, 1 }, evidence = "text" } end,
  ["bad-utf8"] = function(doc, report) report { at = { 0, 1 }, evidence = { s = "\xff\xfe" } } end,
  ["bool-key"] = function(doc, report) report { at = { 0, 1 }, evidence = { [true] = 1 } } end,
  ["score-negative"] = function(doc, report) report { at = { 0, 1 }, score = -0.1 } end,
  ["score-nan"] = function(doc, report) report { at = { 0, 1 }, score = 0 / 0 } end,
  ["message-type"] = function(doc, report) report { at = { 0, 1 }, message = {} } end,
  ["error"] = function(doc, report) error("boom") end,
}

rule {
  id = "bad-report", title = "Reports badly", severity = "info", weight = 1,
  check = function(doc, report)
    report { at = { 0, 1 }, message = "partial" }
    bad_reports[doc.meta.case](doc, report)
  end,
}

rule {
  id = "always", title = "Always fires", severity = "info", weight = 0.1,
  check = function(doc, report) report { at = { 0, 1 }, message = "always" } end,
}

rule {
  id = "needs-deal", title = "Needs a word", severity = "low", weight = 0.2,
  needs = { "Contract", "DEAL", "joint venture", "A+B" },
  check = function(doc, report) report { at = { 0, 1 } } end,
}

rule {
  id = "loops", title = "Never ends", severity = "low", weight = 0.1,
  check = function(doc, report)
    report { at = { 0, 1 } }
    while true do end
  end,
}

-- The doc API, measured and sent back as evidence. Body:
--   First sentence here. He said "we won the vote" today.
--
--   Third is alone.
rule {
  id = "doc-api", title = "Reads the doc", severity = "info", weight = 1,
  check = function(doc, report)
    local ss = doc:sentences()
    local ps = doc:paragraphs()
    local indexes, texts, paragraphs = {}, {}, {}
    for i, s in ipairs(ss) do
      indexes[i], texts[i], paragraphs[i] = s.index, s.text, s.paragraph
    end
    local said = unitlib.offset(doc, "He said")
    local won = unitlib.offset(doc, "won")
    local at_said = doc:sentence_at(said)
    local gap = unitlib.offset(doc, " He said")        -- the space between
    report { at = ss[1], evidence = {
      n_sentences = #ss, indexes = indexes, texts = texts, paragraphs = paragraphs,
      cached = doc:sentences() == ss,
      first_prev_nil = ss[1]:prev() == nil,
      first_next = ss[1]:next().index,
      second_next_text = ss[2]:next().text,
      last_prev = ss[#ss]:prev().index,
      last_next_nil = ss[#ss]:next() == nil,
      starts = { ss[1].start, ss[2].start, ss[3].start },
      stops = { ss[1].stop, ss[2].stop, ss[3].stop },
      n_paragraphs = #ps,
      paragraph_sizes = { #ps[1].sentences, #ps[2].sentences },
      paragraph_indexes = { ps[1].index, ps[2].index },
      paragraph_text = ps[2].text,
      paragraph_start = ps[2].start,
      paragraph_stop = ps[2].stop,
      paragraph_holds_sentence = ps[1].sentences[2] == ss[2],
      paragraph_sentences = #ss[3]:paragraph_sentences(),
      at_said = at_said and at_said.index or false,
      at_said_same = at_said == ss[2],
      at_gap = doc:sentence_at(gap) == nil,
      at_end_nil = doc:sentence_at(#doc.body) == nil,
      at_negative_nil = doc:sentence_at(-1) == nil,
      in_quote = doc:in_quote(won),
      out_of_quote = doc:in_quote(0),
      negative_in_quote = doc:in_quote(-5),
      has_quote = ss[2].has_quote, quoted = ss[2].quoted, first_has_quote = ss[1].has_quote,
      tostring = tostring(ss[3]),
      sentence_doc = ss[1].doc == doc,
      id = doc.id, title = doc.title, outlet = doc.outlet, url = doc.url,
      author = doc.author or "none", published = doc.published, lang = doc.lang,
      body_length = #doc.body,
      finds = (function()
        local n = 0
        for _ in doc:find(spindle.re("\\b[A-Z]\\w+")) do n = n + 1 end
        return n
      end)(),
    } }
  end,
}

-- doc.cache is the stdlib's: the writer runs before the reader (file
-- order) and cannot leave anything there for it; the reader reports what
-- it finds (nothing) and its own per-article memo, kept in a weak table
-- keyed by the doc, which is the same object for every rule of an article.
local memo = setmetatable({}, { __mode = "k" })
rule {
  id = "cache-writer", title = "Writes the cache", severity = "info", weight = 1,
  check = function(doc, report)
    local ok, err = pcall(function() doc.cache.visits = 1 end)
    memo[doc] = (memo[doc] or 0) + 1
    report { at = { 0, 1 }, evidence = { ok = ok, err = tostring(err) } }
  end,
}

rule {
  id = "cache-reader", title = "Reads the cache", severity = "info", weight = 1,
  check = function(doc, report)
    memo[doc] = (memo[doc] or 0) + 1
    report { at = { 0, 1 }, evidence = { visits = memo[doc],
                                         article = doc.cache.article or "none" } }
  end,
}

-- Keeps the doc in a global and, on the next article, tries the old one.
rule {
  id = "keeper", title = "Keeps the doc", severity = "info", weight = 1,
  check = function(doc, report)
    if kept_doc then
      local ok, err = pcall(function() return kept_doc:sentences() end)
      local ok_at = pcall(function() return kept_doc:sentence_at(0) end)
      local ok_quote = pcall(function() return kept_doc:in_quote(0) end)
      report { at = { 0, 1 }, evidence = {
        ok = ok, err = tostring(err), ok_at = ok_at, ok_quote = ok_quote,
        old_title = kept_doc.title, same = kept_doc == doc } }
    end
    kept_doc = doc
  end,
}

-- The same without pcall: the rule fails on the second article.
rule {
  id = "keeper-raw", title = "Keeps the doc and uses it", severity = "info", weight = 1,
  check = function(doc, report)
    if old_doc then old_doc:paragraphs() end
    old_doc = doc
    report { at = { 0, 1 } }
  end,
}

-- needs words are matched case-insensitively, beyond ASCII too: this rule
-- fires on "ÜBERWEISUNG" and "Überweisung" (its pattern is caseless), so
-- the prefilter must not skip it there.
rule {
  id = "needs-umlaut", title = "Needs a non-ASCII word", severity = "low", weight = 0.2,
  needs = { "überweisung" },
  check = function(doc, report)
    for m in doc:find(spindle.re("überweisung", "i")) do report { at = m } end
  end,
}

-- Reports the span doc.meta.start .. doc.meta.stop as given (with a message
-- that is not UTF-8 when doc.meta.bad_message): findings go to JSON output,
-- so their text and message must come out valid UTF-8 or be refused.
rule {
  id = "raw-span", title = "Reports a span as given", severity = "info", weight = 1,
  check = function(doc, report)
    report { at = { doc.meta.start, doc.meta.stop },
             message = doc.meta.bad_message and "bad \xff message" or nil }
  end,
}
