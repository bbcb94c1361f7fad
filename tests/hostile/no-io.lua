-- expect: attempt to index a nil value (global 'io')
-- No file, socket or process: io is not in a rule's world.
local f = io.open("/etc/passwd")
rule{ id = "hostile-no-io", title = "t", severity = "low", weight = 0.5, check = function() end }
