-- expect: setmetatable: __gc finalizers are not allowed in rules
-- A finalizer created while the rule file loads, alive until exit.
ALIVE = setmetatable({}, { __gc = function() while true do end end })
rule{ id = "hostile-gc-at-load", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) end }
