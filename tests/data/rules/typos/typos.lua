rule{ id = "typo-report", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) report{ at = doc:sentences()[1], mesage = "x", evidance = {} } end }
rule{ id = "typo-examples", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) end,
  examples = { flags = { "a" }, pas = { "b" } } }
rule{ id = "typo-field", title = "t", severity = "low", weight = 0.5, neds = { "x" },
  check = function(doc, report) end }
