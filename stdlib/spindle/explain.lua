-- spindle.explain — why a rule fired on an article, and why it did not.
--
-- Used by `spindle explain` and by explain() in the REPL (it needs the host
-- table they hold; rules have no use for it). explain.run runs one rule on
-- one doc with the stdlib's analysis functions watched: every claim,
-- attribution, quotation, hedge or mark they hand the rule is kept, with
-- the sentence it lies in, beside the reasons the rule gives through
-- report.trace(reason, at) and the findings it reports. explain.text and
-- explain.json turn that into what a person or a program reads.

local M = {}

-- The modules whose functions are watched.
local WATCHED = { "claims", "sources", "quotes", "hedges", "language", "register", "timeref" }

-- Functions that build `needs` lists or read lexicons: not analysis.
local UNWATCHED = { needs = true, regex = true }

local function round(n)
  if math.type(n) == "integer" then return n end
  if n == math.floor(n) and math.abs(n) < 2^53 then return math.tointeger(n) end
  return tonumber(("%.4g"):format(n))
end

-- What an analysis result is, and its fields worth showing, in order.
local SHAPES = {
  { kind = "attribution", test = function(v) return v.verb ~= nil and v.type ~= nil and v.source ~= nil end,
    fields = { "source", "type", "verb", "named", "quoted", "carried", "denial", "credit" } },
  { kind = "quotation", test = function(v) return v.inner ~= nil and v.words ~= nil end,
    fields = { "kind", "partial", "how" } },
  { kind = "claim", test = function(v)
      return (v.kind == "money" or v.kind == "percent" or v.kind == "count") and v.text ~= nil
    end,
    fields = { "kind", "value", "low", "high", "currency", "vague", "approx", "noun", "context",
               "topic", "quoted" } },
  { kind = "hedge", test = function(v) return v.governs ~= nil and v.text ~= nil end,
    fields = { "kind", "governs", "quoted", "attributed", "legal", "question" } },
  { kind = "term", test = function(v) return v.voice ~= nil and v.text ~= nil and v.kind ~= nil end,
    fields = { "kind", "voice", "literal" } },
  { kind = "mark", test = function(v) return v.strength ~= nil and v.text ~= nil and v.kind ~= nil end,
    fields = { "kind", "strength" } },
  { kind = "phrase", test = function(v) return v.text ~= nil and v.start ~= nil and v.kind ~= nil end,
    fields = { "kind" } },
}

local function shape_of(v)
  if type(v) ~= "table" then return nil end
  for _, shape in ipairs(SHAPES) do
    local ok, yes = pcall(shape.test, v)
    if ok and yes then return shape end
  end
  return nil
end

-- A plain, bounded copy of an analysis result: kind, text, span, fields.
local function item_of(v, shape)
  local item = { kind = shape.kind, text = v.text, start = v.start, stop = v.stop,
                 part = v.part == "title" and "title" or nil, fields = {} }
  for _, f in ipairs(shape.fields) do
    local x = v[f]
    if type(x) == "number" then x = round(x) end
    if x ~= nil and type(x) ~= "table" and type(x) ~= "function" then
      item.fields[#item.fields + 1] = { name = f, value = x }
    end
  end
  if shape.kind == "quotation" then
    local ok, speaker = pcall(function() return v.speaker end)
    if ok and type(speaker) == "table" and speaker.source then
      item.fields[#item.fields + 1] = { name = "speaker", value = speaker.source }
      item.fields[#item.fields + 1] = { name = "speaker_type", value = speaker.type }
    end
  end
  local s = v.sentence
  if type(s) == "table" and type(s.index) == "number" then item.sentence = s.index end
  return item
end

---What an analysis result is, as explain shows it: {kind = "claim" |
---"attribution" | "quotation" | "hedge" | "term" | "mark" | "phrase", text,
---start, stop, fields = {{name =, value =}, ...}}, or nil for other values.
function M.describe(v)
  local shape = shape_of(v)
  return shape and item_of(v, shape) or nil
end

-- Where an argument or a traced `at` lies, read while the rule runs (no
-- doc method may be called then: the rule's doc is the article in hand):
-- "title", a sentence index, {start = offset} to place later, or nil.
local function place_of(at)
  if at == "title" then return "title" end
  if type(at) ~= "table" then return nil end
  if at.part == "title" then return "title" end
  if type(at.index) == "number" and at.text and at.start then return at.index end   -- a Sentence
  if type(at.sentence) == "table" and type(at.sentence.index) == "number" then return at.sentence.index end
  local start = at.start or at[1]
  if type(start) == "number" then return { start = start } end
  return nil
end

-- A place as place_of gives it, resolved to a sentence index of doc.
local function resolve(doc, place)
  if type(place) ~= "table" then return place end
  local s = doc:sentence_at(place.start)
  return s and s.index or nil
end

local function short(text, n)
  text = tostring(text):gsub("%s+", " ")
  if utf8.len(text) and utf8.len(text) > n then
    text = text:sub(1, utf8.offset(text, n) - 1) .. "…"
  end
  return text
end

-- Describes call arguments briefly: the doc, a sentence, a string.
local function args_text(doc, args)
  local out = {}
  for i = 1, args.n do
    local a = args[i]
    if a == doc or (type(a) == "table" and type(rawget(a, "body")) == "string" and rawget(a, "cache")) then
      out[#out + 1] = "doc"
    elseif type(a) == "table" and type(a.index) == "number" and a.start then out[#out + 1] = "sentence " .. a.index
    elseif type(a) == "string" then out[#out + 1] = ("%q"):format(short(a, 30))
    elseif type(a) == "number" or type(a) == "boolean" then out[#out + 1] = tostring(a)
    elseif type(a) == "table" then out[#out + 1] = "{…}"
    end
  end
  return table.concat(out, ", ")
end

-- Does word (a needs word) occur as the prefilter matches it?
local function needs_word_in(word, doc)
  local pattern = word:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?\\|{}]", "\\%0"):gsub(" +", "\\s+")
  local ok, re = pcall(spindle.re, pattern, "i")
  if not ok then return false end
  return re:test(doc.body) or re:test(doc.title or "")
end

---Runs rule `rule_id` on `doc` (a doc made by the host) and records what it
---saw and why it decided. Returns the trace table that text and json read.
function M.run(host, doc, rule_id)
  local info
  for _, r in ipairs(host.rules()) do
    if r.id == rule_id then info = r end
  end
  if not info then error(("explain: no rule '%s' is loaded (see rules())"):format(tostring(rule_id)), 2) end

  local trace = { rule = rule_id, title = info.title, article = doc.id, article_title = doc.title,
                  needs = { words = info.needs, found = {} }, calls = {}, items = {},
                  reasons = {}, findings = {}, errors = {} }
  for _, w in ipairs(info.needs) do
    if needs_word_in(w, doc) then trace.needs.found[#trace.needs.found + 1] = w end
  end
  trace.ran = #info.needs == 0 or #trace.needs.found > 0

  -- watch the analysis functions the rule calls (not their calls of each other)
  local depth, seen, saved = 0, {}, {}
  local function keep(v)
    local shape = shape_of(v)
    if shape and not seen[v] then
      seen[v] = true
      trace.items[#trace.items + 1] = item_of(v, shape)
    end
    return shape ~= nil
  end
  local function record(name, args, results)
    local call = { call = name, args = args_text(doc, args), place = nil }
    for i = 1, args.n do
      local p = type(args[i]) == "table" and args[i] ~= doc and place_of(args[i])
      if p then call.place = p break end
    end
    local found, value, tables = 0, nil, 0
    for i = 2, results.n do
      local r = results[i]
      if type(r) == "table" then
        tables = tables + 1
        if keep(r) then found = found + 1 end
        for _, v in ipairs(r) do
          if keep(v) then found = found + 1 end
        end
        if found == 0 and rawlen(r) == 0 and next(r) ~= nil then
          -- a record such as a tally: its numbers, and the items it lists
          local fields = {}
          for k, v in pairs(r) do
            if type(k) == "string" and (type(v) == "number" or type(v) == "boolean") then
              fields[#fields + 1] = k .. "=" .. tostring(type(v) == "number" and round(v) or v)
            elseif type(v) == "table" then
              for _, x in ipairs(v) do keep(x) end
            end
          end
          table.sort(fields)
          value = "{" .. table.concat(fields, " ") .. "}"
        end
      elseif type(r) ~= "function" then
        value = r
      end
    end
    if found > 0 then call.result = ("%d item%s"):format(found, found == 1 and "" or "s")
    elseif value ~= nil then
      call.result = type(value) == "string" and value:sub(1, 1) ~= "{" and ("%q"):format(short(value, 40))
                    or tostring(value)
    elseif tables > 0 then call.result = "0 items"
    else call.result = results.n > 1 and type(results[2]) == "function" and "iterator" or "nothing" end
    trace.calls[#trace.calls + 1] = call
  end
  local function watch(modname, name, f)
    return function(...)
      if depth > 0 then return f(...) end
      depth = depth + 1
      local results = table.pack(pcall(f, ...))
      depth = depth - 1
      if not results[1] then error(results[2], 0) end
      record(modname .. "." .. name, table.pack(...), results)
      -- an iterator: keep each value it hands out
      if results.n >= 2 and type(results[2]) == "function" then
        local step = results[2]
        results[2] = function(...)
          local v = table.pack(step(...))
          if v[1] ~= nil then keep(v[1]) end
          return table.unpack(v, 1, v.n)
        end
      end
      return table.unpack(results, 2, results.n)
    end
  end
  for _, modname in ipairs(WATCHED) do
    local mod = require("spindle." .. modname)
    for name, f in pairs(mod) do
      if type(f) == "function" and not UNWATCHED[name] then
        saved[#saved + 1] = { mod, name, f }
        mod[name] = watch(modname, name, f)
      end
    end
  end
  host.trace(function(rule, reason, at)
    if rule == rule_id then
      trace.reasons[#trace.reasons + 1] = { reason = tostring(reason), place = place_of(at),
        text = type(at) == "table" and at.text and short(at.text, 80) or nil }
    end
  end)
  local ok, findings, errors = pcall(host.run, rule_id, doc)
  host.trace(nil)
  for _, s in ipairs(saved) do s[1][s[2]] = s[3] end
  if not ok then error(findings, 0) end
  trace.findings, trace.errors = findings, errors
  for _, item in ipairs(trace.items) do
    if item.sentence == nil and item.part ~= "title" then item.sentence = resolve(doc, place_of(item)) end
  end
  for _, list in ipairs({ trace.calls, trace.reasons }) do
    for _, x in ipairs(list) do x.place = resolve(doc, x.place) end
  end
  trace.sentences = M.touched(doc, trace)
  return trace
end

-- Line and column (1-based, in characters) of body offset `at`: on the
-- lines of the text file the article was read from (doc.body_line), as
-- findings are, else on the body's own lines.
local function line_col(doc, at)
  local before = doc.body:sub(1, at)
  local line = select(2, before:gsub("\n", "")) + (doc.body_line or 1)
  local line_start = before:match(".*\n()") or 1
  return line, (utf8.len(before:sub(line_start)) or #before - line_start + 1) + 1
end

-- The sentences (and the title) the rule's analysis, reasons or findings
-- touched, in text order, each with what lies in it.
function M.touched(doc, trace)
  local by, order = {}, {}
  local function at(place)
    if place == nil then return nil end
    if not by[place] then
      local entry = { place = place, items = {}, reasons = {}, findings = {}, calls = {} }
      if place == "title" then
        entry.text = doc.title
      else
        local s = doc:sentences()[place]
        entry.text = s and s.text or ""
        if s then entry.line, entry.col = line_col(doc, s.start) end
      end
      by[place] = entry
      order[#order + 1] = entry
    end
    return by[place]
  end
  for _, item in ipairs(trace.items) do
    local e = at(item.part == "title" and "title" or item.sentence)
    if e then e.items[#e.items + 1] = item end
  end
  for _, call in ipairs(trace.calls) do
    local e = at(call.place)
    if e then e.calls[#e.calls + 1] = call end
  end
  for _, r in ipairs(trace.reasons) do
    local e = at(r.place)
    if e then e.reasons[#e.reasons + 1] = r end
  end
  for _, f in ipairs(trace.findings) do
    local place = f.part == "title" and "title" or (doc:sentence_at(f.start) or {}).index
    local e = at(place)
    if e then e.findings[#e.findings + 1] = f end
  end
  table.sort(order, function(a, b)
    if a.place == "title" then return b.place ~= "title" end
    if b.place == "title" then return false end
    return a.place < b.place
  end)
  return order
end

local function fields_text(item)
  local out = {}
  for _, f in ipairs(item.fields) do
    local v = f.value
    if v == false or (f.name == "kind" and item.kind ~= "attribution") then goto next end
    if type(v) == "string" then v = ("%q"):format(short(v, 40)) end
    out[#out + 1] = f.name .. "=" .. tostring(v)
    ::next::
  end
  return table.concat(out, " ")
end

-- "claim money", "hedge reported": the item's kind and its own kind.
local function item_label(item)
  for _, f in ipairs(item.fields) do
    if f.name == "kind" and item.kind ~= "attribution" then return item.kind .. " " .. tostring(f.value) end
  end
  return item.kind
end

---The trace as text for a person, lines ending in "\n".
function M.text(trace, color)
  local B = color and "\27[1m" or ""
  local G = color and "\27[32m" or ""
  local R = color and "\27[31m" or ""
  local Y = color and "\27[33m" or ""
  local N = color and "\27[0m" or ""
  local out = {}
  local function put(fmt, ...) out[#out + 1] = fmt:format(...) end
  put("%s%s%s on %s", B, trace.rule, N, trace.article)
  if trace.article_title and trace.article_title ~= "" then put(" (%q)", short(trace.article_title, 60)) end
  put("\n")
  if #trace.needs.words == 0 then
    put("needs: none; the rule runs on every article\n")
  elseif #trace.needs.found > 0 then
    local quoted = {}
    for _, w in ipairs(trace.needs.found) do quoted[#quoted + 1] = ("%q"):format(w) end
    put("needs: %s found; the rule ran\n", table.concat(quoted, ", "))
  else
    put("%snot run%s: none of its %d needs words occurs in the title or the body\n", Y, N, #trace.needs.words)
  end
  put("findings: %d\n", #trace.findings)
  for _, e in ipairs(trace.errors) do put("%srule error%s: %s\n", R, N, e) end
  local doc_calls = {}
  for _, c in ipairs(trace.calls) do
    if not c.place then doc_calls[#doc_calls + 1] = ("%s(%s) -> %s"):format(c.call, c.args, c.result) end
  end
  if #doc_calls > 0 then put("asked: %s\n", table.concat(doc_calls, "; ")) end
  local quiet = {}
  for _, e in ipairs(trace.sentences) do
    if #e.items == 0 and #e.findings == 0 and #e.reasons == 0 and e.place ~= "title" then
      -- only asked about, and nothing was there: one line for them all, below
      quiet[#quiet + 1] = tostring(e.place)
      goto next_sentence
    end
    put("\n")
    if e.place == "title" then
      put("%stitle%s: %q\n", B, N, short(e.text, 160))
    else
      put("%ssentence %d%s (line %d, col %d): %q\n", B, e.place, N, e.line or 0, e.col or 0, short(e.text, 160))
    end
    for _, item in ipairs(e.items) do
      put("  %s %q  %s\n", item_label(item), short(item.text or "", 60), fields_text(item))
    end
    local asked = {}
    for _, c in ipairs(e.calls) do asked[#asked + 1] = ("%s -> %s"):format(c.call, c.result) end
    if #asked > 0 then put("  asked: %s\n", table.concat(asked, "; ")) end
    for _, f in ipairs(e.findings) do
      put("  %sFLAGGED%s %.2f %q: %s\n", R, N, f.score, short(f.text, 60), f.message)
    end
    for _, r in ipairs(e.reasons) do
      if r.text then put("  %snot flagged%s %q: %s\n", G, N, r.text, r.reason)
      else put("  %snot flagged%s: %s\n", G, N, r.reason) end
    end
    ::next_sentence::
  end
  if #quiet > 0 then
    put("\nasked about, nothing found: sentence%s %s\n", #quiet == 1 and "" or "s", table.concat(quiet, ", "))
  end
  local unplaced = {}
  for _, r in ipairs(trace.reasons) do
    if not r.place then unplaced[#unplaced + 1] = r.reason end
  end
  if #unplaced > 0 then
    put("\n")
    for _, r in ipairs(unplaced) do put("%snot flagged%s: %s\n", G, N, r) end
  end
  return table.concat(out)
end

---The trace as a plain table for JSON.
function M.json(trace)
  local sentences = {}
  for _, e in ipairs(trace.sentences) do
    local items = {}
    for _, item in ipairs(e.items) do
      local fields = {}
      for _, f in ipairs(item.fields) do fields[f.name] = f.value end
      items[#items + 1] = { kind = item.kind, text = item.text, start = item.start, stop = item.stop,
                            fields = fields }
    end
    local reasons = {}
    for _, r in ipairs(e.reasons) do reasons[#reasons + 1] = { reason = r.reason, text = r.text } end
    local calls = {}
    for _, c in ipairs(e.calls) do calls[#calls + 1] = { call = c.call, result = c.result } end
    sentences[#sentences + 1] = {
      sentence = e.place ~= "title" and e.place or nil, part = e.place == "title" and "title" or "body",
      line = e.line, col = e.col, text = e.text, seen = items, asked = calls,
      findings = e.findings, not_flagged = reasons,
    }
  end
  local unplaced = {}
  for _, r in ipairs(trace.reasons) do
    if not r.place then unplaced[#unplaced + 1] = r.reason end
  end
  local calls = {}
  for _, c in ipairs(trace.calls) do
    calls[#calls + 1] = { call = c.call, args = c.args, result = c.result }
  end
  return { type = "explain", rule = trace.rule, article = trace.article, ran = trace.ran,
           needs = trace.needs, findings = trace.findings, errors = trace.errors,
           calls = calls, sentences = sentences, not_flagged = unplaced }
end

return M
