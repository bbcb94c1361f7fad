rule { id = "a", title = "t", severity = "low", weight = 0.5, check = function(doc, report)
  -- unclosed