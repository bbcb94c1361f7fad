-- expect: spindle is read-only: a rule cannot change spindle.re for the others
-- A rule file replaces spindle.re for every rule (which then all fail).
spindle.re = function() error("x") end
rule{ id = "hostile-replace-spindle-re", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) end }
