-- expect: attempt to index a boolean value
-- The strings' metatable is shared by every rule (s:find is string.find):
-- it is hidden, getmetatable("") gives false.
getmetatable("").__index = { find = function() return nil end }
rule{ id = "hostile-string-metatable", title = "t", severity = "low", weight = 0.5, check = function() end }
