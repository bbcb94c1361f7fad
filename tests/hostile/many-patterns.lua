-- expect: spindle.re: this rule has used up its share of the pattern cache
-- A rule compiling 40,000 new patterns per article: compiled patterns are
-- cached for the run and were never freed (1.7 GB after 13 articles). Each
-- rule may add 1,000 patterns (32 MiB) to the cache; the others keep theirs.
local n = 0
rule{ id = "hostile-many-patterns", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    for _ = 1, 40000 do
      n = n + 1
      spindle.re("x" .. n .. "y")
    end
  end }
