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
seen by every rule that uses the module; make additions at the top of a rule
file, not inside check().

Each change bumps the lexicon's `version`; `lexicon.regex` rebuilds its
pattern only when a version it was built from has changed, so a regex built
from lexicons costs one table lookup per call in the steady state.
]]

local M = {}

---@class spindle.Lexicon
---@field name string     what the list holds, for messages
---@field version integer bumped on every change
---@field kinds table<string, string> entry (lower case) -> kind, for lists whose entries carry one
local Lexicon = {}
Lexicon.__index = Lexicon

local function key(word)
  return (word:lower():gsub("%s+", " "))
end

---Creates a lexicon.
---@param name string
---@param words? string[] initial entries
---@return spindle.Lexicon
function M.new(name, words)
  local lex = setmetatable({ name = name, version = 0, kinds = {}, _set = {} }, Lexicon)
  if words then lex:add(words) end
  return lex
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
end

---Adds entries: any number of strings, or one array of strings. Adding an
---entry that is already there does nothing.
---@param ... string|string[]
---@return spindle.Lexicon self
function Lexicon:add(...)
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
  local err = insert(self, kind, { ... })
  if err then error(err, 2) end
  return self
end

---Removes an entry (case-insensitive); does nothing if it is absent.
---@param word string
---@return spindle.Lexicon self
function Lexicon:remove(word)
  local k = key(word)
  if not self._set[k] then return self end
  self._set[k] = nil
  self.kinds[k] = nil
  for i = #self, 1, -1 do
    if key(self[i]) == k then table.remove(self, i) end
  end
  self.version = self.version + 1
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

---The entries as a PCRE2 alternation "(?:a|b|...)", longest first so that
---"people familiar with" wins over "people".
---@return string
function Lexicon:alternation()
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

---Builds a regex from lexicons and keeps it until one of them changes.
---`build` receives the lexicons' alternations (in the order given) and
---returns the pattern text.
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
  local compiled, versions = nil, {}
  return function()
    local stale = compiled == nil
    for i = 1, #lexes do
      if versions[i] ~= lexes[i].version then stale = true break end
    end
    if stale then
      local alts = {}
      for i, lex in ipairs(lexes) do
        alts[i] = lex:alternation()
        versions[i] = lex.version
      end
      compiled = spindle.re(build(table.unpack(alts)), flags)
    end
    return compiled
  end
end

return M
