-- expect: setmetatable: __gc finalizers are not allowed in rules
-- A finalizer that never returns, set while the rule runs: it would run
-- with the instruction hook off and hang the process.
rule{ id = "hostile-gc-endless", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    setmetatable({}, { __gc = function() while true do end end })
  end }
