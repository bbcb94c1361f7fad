-- expect: read-only: rules share this table and cannot change it (field 'value')
-- Changing a field of a claim the stdlib found (its value) would change
-- what other rules judge.
local claims = require("spindle.claims")
rule{ id = "hostile-shared-claim-field", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    for _, c in ipairs(claims.all(doc)) do c.value = 0 end
  end }
