-- expect: attempt to index a nil value (global 'debug')
-- debug reaches the registry, upvalues and hooks: everything the budgets
-- and the views rest on.
local r = debug.getregistry()
rule{ id = "hostile-no-debug", title = "t", severity = "low", weight = 0.5, check = function() end }
