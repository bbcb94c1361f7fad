-- expect: time budget of 1 s exceeded
-- pcall around a regex that hits PCRE2's match limit: each call is a few VM
-- instructions and ~2 ms, so the instruction budget allows hours; the
-- time budget (SPINDLE_RULE_SECONDS=1 in this test) ends it.
local slow = spindle.re([[(a+)+$]])
local subject = string.rep("a", 40) .. "b"
rule{ id = "hostile-regex-limit-loop", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    for _ = 1, 1e9 do pcall(slow.test, slow, subject) end
  end }
