-- expect: keeps more than 128 MiB of memory between articles
-- A rule that keeps 50 MiB more of every article it sees: with one memory
-- budget for the whole Lua state (512 MiB), it once made every rule fail
-- after ten articles. Once the state holds a quarter of its budget, what
-- each rule keeps between articles is measured; a rule keeping more than
-- a quarter of the budget is turned off for the rest of the run and its
-- memory freed, and the other rules go on. (tests/e2e/hostile.sh runs this
-- one on twelve articles, with one job.)
local keep = {}
rule{ id = "hostile-memory-hog", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    for i = 1, 50 do keep[#keep + 1] = string.rep("z", 1024 * 1024) .. i .. #keep end
  end }
