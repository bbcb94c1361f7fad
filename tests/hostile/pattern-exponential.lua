-- expect: time budget of 1 s exceeded
-- A Lua pattern with many quantifiers backtracks without bound inside one
-- VM instruction (Lua's own matcher ran past 120 s here). Spindle's
-- string.find/match/gmatch/gsub check the call's deadline as they match;
-- the pcall around it cannot swallow the budget.
rule{ id = "hostile-pattern-exponential", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    pcall(string.find, string.rep("a", 60), string.rep("a*", 12) .. "b")
    report{ at = { 0, 1 }, message = "the pattern returned" }
  end }
