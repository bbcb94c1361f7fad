-- expect: spindle.re: 5750 capture groups, more than 1000
-- One match on a pattern with 5,750 groups once took 0.93 GB. A pattern
-- may have at most 1,000 capture groups; this file fails when it loads.
local re = spindle.re(string.rep("(a)?", 5750) .. "b")
rule{ id = "hostile-many-groups", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) re:find(doc.body) end }
