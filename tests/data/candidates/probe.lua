-- A rule for tests/e2e/candidates.sh: it reports every place where one of
-- its needs words occurs in the body, so that an article the index failed
-- to offer as a candidate would lose findings. The test edits MESSAGE and
-- the words.
local MESSAGE = "probe v1"
local WORDS = { "bn", "confirm", "kelvin", "source", "been told" }

local parts = {}
for i, w in ipairs(WORDS) do parts[i] = w:gsub(" ", [[\s+]]) end
local pattern = spindle.re("(?:" .. table.concat(parts, "|") .. ")", "i")

rule {
  id       = "needs-probe",
  title    = "Where the needs words occur",
  severity = "low",
  weight   = 0.3,
  needs    = WORDS,
  check = function(doc, report)
    for m in doc:find(pattern) do
      report { at = m, message = MESSAGE, evidence = { word = m.text } }
    end
  end,
}
