-- expect: rawset: read-only: rules share this table and cannot change it
-- rawset goes around __newindex: on a module it would replace a stdlib
-- function for every rule. rawset refuses the views rules get of modules.
local claims = require("spindle.claims")
rawset(claims, "money", function() return {} end)
rule{ id = "hostile-rawset-module", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) end }
