--[[
spindle.lexicon — word lists that analysts can extend, and the regexes built
from them.

A Lexicon is a plain Lua table: its array part holds the entries in the order
they were added (so `for _, w in ipairs(lex)` works), and methods add,
remove, has and list manage it. Entries are phrases ("people familiar with",
"Ombudsman"); matching is case-insensitive and any run of spaces in an entry
matches any run of whitespace in the text.

The stdlib modules keep their lexicons in a `lexicon` field, e.g.
`sources.lexicon.official_titles`. A rule file extends one in one line:

    sources.lexicon.official_titles:add("Ombudsman")
    hedges.lexicon.hedges:add_as("belief", "rumour has it")

Modules are loaded once per engine, so an addition made by one rule file is
seen by every rule that uses the module. Additions are made at the top of a
rule file, while it loads; once the rules are loaded the lexicons are
sealed, and add, add_as and remove inside check() raise an error (a rule
cannot change what the others see). Every rule's hash includes the
lexicons' content (lexicon.digest), so a rule file that extends a lexicon
re-runs, on the next `score`, every rule that may read it.

Each change bumps the lexicon's `version`; `lexicon.regex` rebuilds its
pattern only when a version it was built from has changed, so a regex built
from lexicons costs one table lookup per call in the steady state.
]]

local M = {}

---Bumped on every change of any lexicon: a cache built from several
---lexicons can check this one number instead of each lexicon's version.
M.generation = 0

---@class spindle.Lexicon
---@field name string     what the list holds, for messages
---@field version integer bumped on every change
---@field kinds table<string, string> entry (lower case) -> kind, for lists whose entries carry one
local Lexicon = {}
Lexicon.__index = Lexicon

---Set by the engine once the rule files have loaded: lexicons no longer
---change (see the module's description).
M.sealed = false

-- Raises when the lexicons are sealed; level points at the caller.
local function check_open(lex)
  if M.sealed then
    error(("lexicon %s: lexicons change only while rule files load (at the top of a rule "
           .. "file), not inside check()"):format(lex.name), 3)
  end
end

local function key(word)
  return (word:lower():gsub("%s+", " "))
end

-- Inserts words (strings, or one array of strings) with an optional kind.
-- Returns an error message for a bad entry, nil on success.
local function insert(lex, kind, words)
  if type(words[1]) == "table" then words = words[1] end
  for _, w in ipairs(words) do
    if type(w) ~= "string" or w:find("^%s*$") then
      return ("lexicon %s: entries must be non-empty strings"):format(lex.name)
    end
    local k = key(w)
    if not lex._set[k] then
      lex._set[k] = true
      lex[#lex + 1] = w
    end
    if kind then lex.kinds[k] = kind end
  end
  lex.version = lex.version + 1
  M.generation = M.generation + 1
end

---Creates a lexicon.
---@param name string
---@param words? string[] initial entries
---@return spindle.Lexicon
function M.new(name, words)
  local lex = setmetatable({ name = name, version = 0, kinds = {}, _set = {} }, Lexicon)
  if words then
    local err = insert(lex, nil, { words })
    if err then error(err, 2) end
  end
  return lex
end

---Adds entries: any number of strings, or one array of strings. Adding an
---entry that is already there does nothing.
---@param ... string|string[]
---@return spindle.Lexicon self
function Lexicon:add(...)
  check_open(self)
  local err = insert(self, nil, { ... })
  if err then error(err, 2) end
  return self
end

---Adds entries (as `add`) and records `kind` for each of them, for lists
---whose entries carry a kind (hedges: "reported", "belief", ...). Adding an
---entry that is already there updates its kind.
---@param kind string
---@param ... string|string[]
---@return spindle.Lexicon self
function Lexicon:add_as(kind, ...)
  check_open(self)
  local err = insert(self, kind, { ... })
  if err then error(err, 2) end
  return self
end

---Removes an entry (case-insensitive); does nothing if it is absent.
---@param word string
---@return spindle.Lexicon self
function Lexicon:remove(word)
  check_open(self)
  local k = key(word)
  if not self._set[k] then return self end
  self._set[k] = nil
  self.kinds[k] = nil
  for i = #self, 1, -1 do
    if key(self[i]) == k then table.remove(self, i) end
  end
  self.version = self.version + 1
  M.generation = M.generation + 1
  return self
end

---True when the lexicon holds this exact entry (case-insensitive).
---@param word string
---@return boolean
function Lexicon:has(word)
  return self._set[key(word)] == true
end

---The kind recorded for an entry, or nil.
---@param word string
---@return string|nil
function Lexicon:kind(word)
  return self.kinds[key(word)]
end

---A copy of the entries as a plain array.
---@return string[]
function Lexicon:list()
  return table.move(self, 1, #self, 1, {})
end

---Escapes a phrase for use inside a PCRE2 pattern; runs of spaces become \s+.
---@param word string
---@return string
function M.escape(word)
  local s = word:gsub("[%\\%^%$%.%|%?%*%+%(%)%[%]%{%}%-]", "\\%0")
  return (s:gsub("%s+", "\\s+"))
end

-- The trie of `words` (see M.trie); with `exact`, nil when a node has two
-- branches that could match the same character (case variants such as "É"
-- and "é" in a caseless pattern, or a no-break space beside \s+), where
-- the trie could prefer another phrase than the plain alternation does.
local function build_trie(words, keep_case, exact, space)
  space = space or [[\s+]]
  local root = {}
  for _, w in ipairs(words) do
    local node, i, lw = root, 1, keep_case and w or w:lower()
    while i <= #lw do
      local tok
      local sp = lw:match("^%s+", i)
      if sp then
        tok, i = " ", i + #sp
      else
        local b = lw:byte(i)
        local n = b < 0x80 and 1 or b < 0xE0 and 2 or b < 0xF0 and 3 or 4
        tok, i = lw:sub(i, i + n - 1), i + n
      end
      node[tok] = node[tok] or {}
      node = node[tok]
    end
    node[""] = true
  end
  local flags = keep_case and "" or "i"
  local function overlap(keys)
    for a = 1, #keys do
      for b = 1, #keys do
        local ka, kb = keys[a], keys[b]
        if a ~= b and kb ~= " " and (ka:byte(1) >= 0x80 or kb:byte(1) >= 0x80)
           and spindle.re("^" .. (ka == " " and [[\s]] or M.escape(ka)) .. "$", flags):test(kb) then
          return true
        end
      end
    end
    return false
  end
  local function emit(node)
    local keys = {}
    for k in pairs(node) do
      if k ~= "" then keys[#keys + 1] = k end
    end
    if #keys == 0 then return "" end
    table.sort(keys)
    if exact and #keys > 1 and overlap(keys) then return nil end
    local alts = {}
    for _, k in ipairs(keys) do
      local rest = emit(node[k])
      if not rest then return nil end
      alts[#alts + 1] = (k == " " and space or M.escape(k)) .. rest
    end
    local body = #alts == 1 and alts[1] or "(?:" .. table.concat(alts, "|") .. ")"
    if node[""] then
      if #alts > 1 or #body > 1 then body = "(?:" .. body .. ")" end
      body = body .. "?"
    end
    return body
  end
  local body = emit(root)
  return body and "(?:" .. body .. ")"
end

---A list of phrases as a PCRE2 alternation shaped as a trie
---("s(?:a(?:id|ys?)|...)"), so that the matcher tests each letter once
---rather than every phrase in turn. With `keep_case` false the phrases are
---lower-cased first (for a caseless pattern). Runs of spaces become
---`space` (default \s+). At a given position the trie prefers the longest
---phrase.
---@param words string[]
---@param keep_case? boolean
---@param space? string the pattern a run of spaces in a phrase becomes
---@return string
function M.trie(words, keep_case, space)
  return build_trie(words, keep_case, false, space)
end

-- The trie form of a lexicon when it matches exactly as the plain
-- longest-first alternation does, else nil: every entry written with
-- single inner spaces (so that longer in bytes is longer in the trie) and
-- no node with two branches for the same character.
local function exact_trie(lex, caseless)
  for _, w in ipairs(lex) do
    if w:find("^%s") or w:find("%s$") or w:find("%s%s") or w:find("[\t\n\r\f\v]") then
      return nil
    end
  end
  return build_trie(lex, not caseless, true)
end

---The entries as a PCRE2 alternation "(?:a|b|...)", longest first so that
---"people familiar with" wins over "people". Given the `flags` of the
---pattern it goes into ("i", ...), the same alternation shaped as a trie
---(see `lexicon.trie`), which matches the same text and is faster; the
---plain form when the two could differ.
---@param flags? string
---@return string
function Lexicon:alternation(flags)
  if flags then
    local caseless = flags:find("i", 1, true) ~= nil
    local slot = caseless and "_trie_i" or "_trie"
    local hit = self[slot]
    if not hit or hit.version ~= self.version then
      hit = { version = self.version, alt = exact_trie(self, caseless) }
      self[slot] = hit
    end
    if hit.alt then return hit.alt end
  end
  if self._alt_version ~= self.version then
    local words = self:list()
    table.sort(words, function(a, b)
      if #a ~= #b then return #a > #b end
      return a < b
    end)
    for i, w in ipairs(words) do words[i] = M.escape(w) end
    self._alt = "(?:" .. table.concat(words, "|") .. ")"
    self._alt_version = self.version
  end
  return self._alt
end

---The words of `starts` as one array, for spindle.re: its strings, and the
---entries of its lexicons (or other arrays of strings); its field
---`boundary` is kept. With `after_b` (the pattern puts \b right before the
---words), `boundary` is set when every word begins with an ASCII letter or
---digit, as \b then keeps letters and digits out of the place before.
---@param starts (string|string[]|spindle.Lexicon)[]
---@return string[]
function M.starts(starts)
  local words = { boundary = starts.boundary }
  for _, item in ipairs(starts) do
    if type(item) == "table" then
      table.move(item, 1, #item, #words + 1, words)
    else
      words[#words + 1] = item
    end
  end
  if starts.after_b then
    words.boundary = true
    for _, w in ipairs(words) do
      if not w:find("^%w") then words.boundary = nil break end
    end
  end
  return words
end

---Builds a regex from lexicons and keeps it until one of them changes.
---`build` receives the lexicons' alternations (in the order given, each
---`lex:alternation(flags)`: trie-shaped where that matches the same) and
---returns the pattern text. It may return as well the words every match
---begins with, as an array of strings and lexicons: the matcher then looks
---for matches only where one of them begins (spindle.re's `starts`), which
---is much faster for a pattern that opens with a word list. Leave out
---none: a match that begins with a word not given is not found.
---
---    local verbs = lexicon.regex(function(v) return "\\b" .. v .. "\\b" end,
---                                "i", M.lexicon.speech_verbs)
---    for m in verbs():gmatch(sentence) do ... end
---
---@param build fun(...: string): string
---@param flags string|nil
---@param ... spindle.Lexicon
---@return fun(): userdata getter returning the compiled spindle.re
function M.regex(build, flags, ...)
  local lexes = { ... }
  local compiled, versions, checked = nil, {}, -1
  return function()
    -- no lexicon has changed since the last call: nothing to compare
    if checked == M.generation then return compiled end
    local stale = compiled == nil
    for i = 1, #lexes do
      if versions[i] ~= lexes[i].version then stale = true break end
    end
    if stale then
      local alts = {}
      for i, lex in ipairs(lexes) do
        alts[i] = lex:alternation(flags or "")
        versions[i] = lex.version
      end
      local pattern, starts = build(table.unpack(alts))
      compiled = spindle.re(pattern, flags, starts and M.starts(starts))
    end
    checked = M.generation
    return compiled
  end
end

--- A rule's `needs` list from fixed words and the words of lexicons:
--- lowercased, each once, and without a word that holds another one (needs
--- match by substring, so "dollars" is covered by "dollar" and "us$" by
--- "$"): the prefilter skips the same articles with a shorter pattern.
---
---    needs = lexicon.needs({ "crore", "lakh" }, claims.lexicon.currency_words)
---
---@param fixed string[]
---@param ... spindle.Lexicon|string[]
---@return string[]
function M.needs(fixed, ...)
  local out, seen = {}, {}
  local function add(w)
    local lw = w:lower()
    if not seen[lw] then
      seen[lw] = true
      out[#out + 1] = lw
    end
  end
  for _, w in ipairs(fixed) do add(w) end
  for _, lex in ipairs({ ... }) do
    for _, w in ipairs(lex) do add(w) end
  end
  local minimal = {}
  for _, w in ipairs(out) do
    local covered = false
    for _, v in ipairs(out) do
      if v ~= w and w:find(v, 1, true) then covered = true break end
    end
    if not covered then minimal[#minimal + 1] = w end
  end
  return minimal
end

-- Appends a canonical text of v to out: tables with their keys sorted,
-- fields whose names start with "_" (caches) and functions left out.
local function dump(v, out, depth)
  local t = type(v)
  if t == "table" then
    if depth > 8 then out[#out + 1] = "{...}" return end
    local keys = {}
    for k in pairs(v) do
      if not (type(k) == "string" and k:sub(1, 1) == "_") and type(v[k]) ~= "function" then
        keys[#keys + 1] = k
      end
    end
    table.sort(keys, function(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      if ta == "number" or ta == "string" then return a < b end
      return tostring(a) < tostring(b)
    end)
    out[#out + 1] = "{"
    for _, k in ipairs(keys) do
      out[#out + 1] = ("%q="):format(k)
      dump(v[k], out, depth + 1)
      out[#out + 1] = ","
    end
    out[#out + 1] = "}"
  elseif t == "string" or t == "number" or t == "boolean" then
    out[#out + 1] = ("%q"):format(v)
  end
end

---A text that changes whenever a lexicon, or a map under a module's
---`lexicon` field (claims.lexicon.currency_codes), of the loaded modules
---changes. The engine calls it once the rule files have loaded and puts it
---into every rule's hash.
---@param loaded table<string, any> module name -> module
---@return string
function M.digest(loaded)
  local names, out = {}, {}
  for name, mod in pairs(loaded) do
    if type(mod) == "table" and type(mod.lexicon) == "table" then names[#names + 1] = name end
  end
  table.sort(names)
  for _, name in ipairs(names) do
    out[#out + 1] = name .. "="
    dump(loaded[name].lexicon, out, 0)
    out[#out + 1] = "\n"
  end
  return table.concat(out)
end

-- Their results are new lists the caller owns: rules get them to change.
fresh_result(M.needs)
fresh_result(Lexicon.list)

return M
