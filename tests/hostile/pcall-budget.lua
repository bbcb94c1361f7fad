-- expect: budget of
-- A pcall around an endless loop, in an endless loop: the budget's error
-- is raised again on every instruction once spent, so the pcall cannot
-- swallow it (the instruction or the time budget ends the call).
rule{ id = "hostile-pcall-budget", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    while true do pcall(function() while true do end end) end
  end }
