-- expect: bad argument #1 to 'rawset' (table expected, got userdata)
-- The same through rawset, which skips __newindex on a table.
rule{ id = "hostile-rawset-spindle", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) rawset(spindle, "re", function() error("x") end) end }
