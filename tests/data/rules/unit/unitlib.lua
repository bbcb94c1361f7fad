-- A module for engine.lua: require finds it in the rule file's directory.
-- (Loaded as a rule file too when the whole directory is loaded: it defines
-- no rules, so that is harmless.)
local M = {}

-- A claim-like object for the first occurrence of word in the body: the
-- shape the stdlib's claims have (text, start, stop and more fields).
function M.claim(doc, word)
  local i, j = doc.body:find(word, 1, true)
  return { text = word, start = i - 1, stop = j, kind = "test-claim" }
end

-- Byte offset (0-based) of the first occurrence of text in the body.
function M.offset(doc, text)
  return doc.body:find(text, 1, true) - 1
end

return M
