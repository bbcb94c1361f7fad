-- spindle.repl — the helpers, pretty printer, dot commands and completion of
-- `spindle repl` (runtime/repl.c reads lines and calls in here). It needs
-- the host table of runtime/lua_host.c; rules have no use for it.

local explain = require("spindle.explain")

local M = {}

local MAX_ITEMS = 20        -- entries of a list or table shown before "… N more"
local MAX_STRING = 200      -- characters of a string shown

local function clip(text, n)
  text = tostring(text)
  local len = utf8.len(text)
  if len and len > n then return text:sub(1, utf8.offset(text, n) - 1) .. "…" end
  return text
end

local function oneline(text, n)
  return clip(tostring(text):gsub("%s+", " "), n)
end

local function quote(s)
  local len = #s
  local q = ("%q"):format(clip(s, MAX_STRING)):gsub("\\\n", "\\n")
  if utf8.len(s) and utf8.len(s) > MAX_STRING then q = q .. (" (%d bytes)"):format(len) end
  return q
end

-- The kinds of value the printer knows, tested in order.
local function is_doc(v) return type(v) == "table" and rawget(v, "_article") ~= nil end
local function is_sentence(v)
  return type(v) == "table" and type(rawget(v, "index")) == "number" and rawget(v, "doc") ~= nil
         and rawget(v, "text") ~= nil
end
local function is_finding(v)
  return type(v) == "table" and rawget(v, "rule") ~= nil and rawget(v, "message") ~= nil
         and rawget(v, "score") ~= nil
end
local function is_rule(v)
  return type(v) == "table" and rawget(v, "id") ~= nil and rawget(v, "severity") ~= nil
         and rawget(v, "weight") ~= nil
end
local function is_hit(v)
  return type(v) == "table" and rawget(v, "snippet") ~= nil and rawget(v, "id") ~= nil
end
local function is_span(v)
  if type(v) ~= "table" then return false end
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  return n == 2 and type(rawget(v, "start")) == "number" and type(rawget(v, "stop")) == "number"
end

local C = { bold = "", dim = "", red = "", green = "", reset = "" }

local function describe_item(item)
  local parts = {}
  local kind = item.kind:sub(1, 1):upper() .. item.kind:sub(2)
  for _, f in ipairs(item.fields) do
    local v = f.value
    if f.name == "kind" and item.kind ~= "attribution" then
      kind = kind .. " " .. tostring(v)
    elseif v ~= false then
      if type(v) == "string" then v = ("%q"):format(oneline(v, 40)) end
      parts[#parts + 1] = f.name .. "=" .. tostring(v)
    end
  end
  return ("%s%s%s %q [%s, %s) %s"):format(C.bold, kind, C.reset, oneline(item.text or "", 60),
                                        tostring(item.start), tostring(item.stop),
                                        table.concat(parts, " "))
end

local format_value

-- A one-line (or few-line) picture of v; depth bounds nested tables.
function format_value(v, depth, seen)
  depth = depth or 0
  seen = seen or {}
  local t = type(v)
  if t == "string" then return quote(v) end
  if t ~= "table" then return tostring(v) end
  if is_doc(v) then
    local ok, sentences = pcall(function() return #v:sentences() end)
    return ("%sArticle%s %s %q (%d bytes%s)"):format(C.bold, C.reset, tostring(v.id),
      oneline(v.title or "", 70), #(v.body or ""),
      ok and (", %d sentences"):format(sentences) or "")
  end
  if is_sentence(v) then
    return ("%sSentence%s %d (paragraph %d) [%d, %d) %q"):format(C.bold, C.reset, v.index,
      v.paragraph or 0, v.start, v.stop, oneline(v.text, 100))
  end
  if is_finding(v) then
    return ("%sFinding%s %s%s%s %.2f %s %s%d:%d %q — %s"):format(C.bold, C.reset, C.red, v.rule,
      C.reset, v.score, v.severity or "", v.part == "title" and "title " or "line ",
      v.line or 0, v.col or 0, oneline(v.text or "", 60), oneline(v.message, 120))
  end
  if is_rule(v) then
    return ("%sRule%s %s (%s, weight %s, %s) %s"):format(C.bold, C.reset, v.id, v.severity,
      tostring(v.weight), v.on and "on" or "off", oneline(v.title or "", 80))
  end
  if is_hit(v) then
    return ("%s%s%s %q\n    %s"):format(C.bold, v.id, C.reset, oneline(v.title or "", 80),
      oneline(v.snippet, 160))
  end
  local item = explain.describe(v)
  if item then return describe_item(item) end
  if is_span(v) then return ("Span [%d, %d)"):format(v.start, v.stop) end
  if seen[v] then return "{…cycle}" end
  seen[v] = true
  -- a list: one item per line when they are objects, else inline
  local n = rawlen(v)
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  if n > 0 and #keys == 0 then
    local lines, objects = {}, false
    for i = 1, math.min(n, MAX_ITEMS) do
      local x = rawget(v, i)
      if type(x) == "table" then objects = true end
      lines[i] = format_value(x, depth + 1, seen)
    end
    local more = n > MAX_ITEMS and ("… %d more"):format(n - MAX_ITEMS) or nil
    if objects then
      local out = {}
      for i, line in ipairs(lines) do out[i] = ("[%d] %s"):format(i, line) end
      if more then out[#out + 1] = more end
      return table.concat(out, "\n")
    end
    if more then lines[#lines + 1] = more end
    return "{ " .. table.concat(lines, ", ") .. " }"
  end
  if depth >= 2 then return "{…}" end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for i = 1, n do
    if i > MAX_ITEMS then break end
    parts[#parts + 1] = format_value(rawget(v, i), depth + 1, seen)
  end
  for _, k in ipairs(keys) do
    if #parts >= MAX_ITEMS then
      parts[#parts + 1] = ("… %d more"):format(#keys + n - MAX_ITEMS)
      break
    end
    local name = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or ("[" .. format_value(k, 2, seen) .. "]")
    if not (type(k) == "string" and k:sub(1, 1) == "_") then
      parts[#parts + 1] = name .. " = " .. format_value(rawget(v, k), depth + 1, seen)
    end
  end
  if #parts == 0 then return "{}" end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

---The values of an evaluation as the prompt prints them, one per line.
function M.format(...)
  local n = select("#", ...)
  local out = {}
  for i = 1, n do out[i] = format_value((select(i, ...))) end
  return table.concat(out, "\n")
end

local HELP = [[
Helpers (a doc is what a rule's check receives; it stays usable while you hold it):
  article(id)                  an article of the archive (--db)
  article("path.txt")          the article in a .txt/.md file, or the first of a .jsonl file
  article{title=, body=}       an article made here
  search("steel mill" [, n])   full-text search of the archive, best first
  rules()                      the loaded rules (on and off)
  run(rule_or_id, doc)         the rule's findings on doc (rule errors as a second value)
  show(doc [, findings])       doc with the findings (default: every rule that is on) marked
  explain(doc, rule_id)        why the rule fired on doc and why it did not
  reload()                     read changed --rules files again (a file with an error keeps
                               its old rules)
  pp(value)                    print a value as the prompt does
  help()                       this text
The stdlib is loaded: claims, sources, quotes, hedges, language, register,
timeref, lexicon (e.g. claims.money_list(doc), sources.around(doc:sentences()[3])).
An expression is printed without `return`; an unfinished statement continues on
the next line; Ctrl-C stops a running evaluation; Ctrl-D or .quit leaves.
Dot commands: .help  .rules  .reload  .show ID  .search WORDS  .explain RULE ID  .quit]]

-- A path rather than an archive id: "-", a directory part or a file extension.
local function looks_like_path(s)
  local l = s:lower()
  return s == "-" or s:find("/", 1, true) ~= nil or l:match("%.txt$") ~= nil or l:match("%.md$") ~= nil
      or l:match("%.jsonl?$") ~= nil or l:match("%.ndjson$") ~= nil
end

---Puts the helpers into env, the prompt's global table.
function M.install(env, host)
  if host.color then
    C = { bold = "\27[1m", dim = "\27[2m", red = "\27[31m", green = "\27[32m", reset = "\27[0m" }
  end
  local function out(...) host.write(...) end

  env.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
    out(table.concat(parts, "\t"), "\n")
  end
  env.pp = function(...) out(M.format(...), "\n") end
  env.help = function() out(HELP, "\n") end

  env.article = function(x)
    local doc, err
    if type(x) == "table" then
      doc = host.make(x)
    elseif type(x) == "string" or type(x) == "number" then
      x = tostring(x)
      if looks_like_path(x) then doc, err = host.file(x) else doc, err = host.get(x) end
    else
      error("article: give an archive id, a file path or {title=, body=}", 2)
    end
    if not doc then error(err, 2) end
    return doc
  end
  env.search = function(query, n)
    local hits, err = host.search(tostring(query), n or 10)
    if not hits then error(err, 2) end
    return hits
  end
  env.rules = function() return host.rules() end
  local function rule_id(x)
    if type(x) == "table" and x.id then return x.id end
    if type(x) == "string" then return x end
    error("give a rule id or a rule from rules()", 3)
  end
  env.run = function(rule, doc)
    local findings, errors = host.run(rule_id(rule), doc)
    for _, e in ipairs(errors) do out(C.red, "rule error: ", C.reset, e, "\n") end
    if #errors > 0 then return findings, errors end
    return findings
  end
  env.show = function(doc, findings)
    if findings == nil then
      local errors
      findings, errors = host.run_all(doc)
      for _, e in ipairs(errors) do out(C.red, "rule error: ", C.reset, e, "\n") end
    end
    host.show(doc, findings)
  end
  env.explain = function(doc, rule)
    local trace = explain.run(host, doc, rule_id(rule))
    out(explain.text(trace, host.color))
  end
  env.reload = function()
    local changed, problems = host.reload()
    for _, p in ipairs(problems) do out(C.red, p, C.reset, "\n") end
    out(("reloaded: %d file%s changed%s\n"):format(changed, changed == 1 and "" or "s",
        #problems > 0 and ", the old version of a file with a problem is kept" or ""))
  end
  for _, name in ipairs({ "claims", "sources", "quotes", "hedges", "language", "register",
                          "timeref", "lexicon" }) do
    env[name] = require("spindle." .. name)
  end
end

---Runs a dot command line (".show ID"); returns false when it is not one.
---Returns "quit" for .quit.
function M.dot(env, line)
  local cmd, rest = line:match("^%.(%a+)%s*(.-)%s*$")
  if not cmd then return false end
  if cmd == "quit" or cmd == "exit" or cmd == "q" then return "quit" end
  if cmd == "help" then env.help() return true end
  if cmd == "rules" then env.pp(env.rules()) return true end
  if cmd == "reload" then env.reload() return true end
  if cmd == "show" then
    if rest == "" then error(".show needs an article id or a path", 0) end
    env.show(env.article(rest))
    return true
  end
  if cmd == "search" then
    if rest == "" then error(".search needs words to look for", 0) end
    env.pp(env.search(rest))
    return true
  end
  if cmd == "explain" then
    local rule, id = rest:match("^(%S+)%s+(.+)$")
    if not rule then error(".explain needs a RULE and an article id or path", 0) end
    env.explain(env.article(id), rule)
    return true
  end
  error(("unknown command .%s (try .help)"):format(cmd), 0)
end

-- Keys a value offers after "." (fields) or ":" (methods), without running
-- any of its code: its own keys and those of a table __index.
local function keys_of(v, methods, methods_of)
  local out, seen = {}, {}
  local function add(t)
    if type(t) ~= "table" then return end
    for k, x in next, t do
      if type(k) == "string" and k:match("^[%a_][%w_]*$") and not seen[k]
         and (not methods or type(x) == "function") then
        seen[k] = true
        out[#out + 1] = k
      end
    end
  end
  if type(v) == "table" then add(v) end
  if methods_of then add(methods_of(v)) end
  return out
end

---Completions of `text` (the word before the cursor) given the line up to
---the cursor: rule ids inside run("…"), explain(doc, "…") and .explain;
---else fields, methods and globals. methods_of(v) gives the __index table
---of v's metatable (read by the host, past a protected metatable).
function M.complete(env, globals, host, text, line, methods_of)
  local before = line:sub(1, #line - #text)
  local out = {}
  if before:match("run%s*%(%s*[\"']$") or before:match("explain%s*%(.-,%s*[\"']$")
     or before:match("^%.explain%s+$") then
    for _, r in ipairs(host.rules()) do
      if r.id:sub(1, #text) == text then out[#out + 1] = r.id end
    end
    table.sort(out)
    return out
  end
  local base, sep, prefix = text:match("^(.*)([%.:])([%w_]*)$")
  local candidates
  if base then
    local v = env
    for name in base:gmatch("[^%.:]+") do
      if type(v) ~= "table" then return out end
      local x = rawget(v, name)
      if x == nil and v == env then x = rawget(globals, name) end
      if x == nil and methods_of then
        local index = methods_of(v)
        if index then x = rawget(index, name) end
      end
      v = x
    end
    candidates = keys_of(v, sep == ":", methods_of)
  else
    base, sep, prefix = "", "", text
    candidates = keys_of(env)
    for _, k in ipairs(keys_of(globals)) do candidates[#candidates + 1] = k end
  end
  local seen = {}
  for _, k in ipairs(candidates) do
    if k:sub(1, #prefix) == prefix and k:sub(1, 1) ~= "_" and not seen[k] then
      seen[k] = true
      out[#out + 1] = base .. sep .. k
    end
  end
  table.sort(out)
  return out
end

return M
