-- expect: attempt to call a nil value (field 'dump')
-- string.dump makes bytecode, which could then be loaded past the checks.
local code = string.dump(function() end)
rule{ id = "hostile-no-string-dump", title = "t", severity = "low", weight = 0.5, check = function() end }
