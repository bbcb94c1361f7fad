-- expect: attempt to call a nil value (global 'load')
-- load would compile text (or bytecode) outside the loader's checks.
local f = load("return 1")
rule{ id = "hostile-no-load", title = "t", severity = "low", weight = 0.5, check = function() end }
