-- expect: read-only: rules share this table and cannot change it
-- The stdlib computes an analysis once per article and gives every rule
-- the same list: a rule emptying it would hide the claims from the rules
-- after it. The lists (and the claims in them) are read-only for rules.
local claims = require("spindle.claims")
rule{ id = "hostile-shared-result", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    local list = claims.all(doc)
    for i = #list, 1, -1 do list[i] = nil end
  end }
