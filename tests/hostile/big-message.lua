-- expect: report: 'message' is 67108864 bytes, more than 4096
-- A 64 MiB message reported 200 times per article: findings live outside
-- the Lua state's budget, so this once filled the machine's memory. A
-- message is at most 4 KiB; the rule fails on the article.
local big = string.rep("x", 64 * 1024 * 1024)
rule{ id = "hostile-big-message", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    for _ = 1, 200 do report{ at = { 0, 1 }, message = big } end
  end }
