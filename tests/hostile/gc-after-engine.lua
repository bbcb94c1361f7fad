-- expect: setmetatable: __gc finalizers are not allowed in rules
-- A rule keeps `report` and `doc` and calls them from a finalizer, which
-- would run when the Lua state closes, after the engine is freed.
rule{ id = "hostile-gc-after-engine", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    local saved, olddoc = report, doc
    KEEP = setmetatable({}, { __gc = function()
      pcall(saved, { at = { 0, 1 } })
      pcall(olddoc.sentences, olddoc)
    end })
  end }
