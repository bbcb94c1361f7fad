rule { id = "Bad_ID", title = 5, severity = "huge", weight = 2, check = 1, bogus = true }
rule "x"
rule {}
rule { id = "loop", title = "t", severity = "low", weight = 0.5, check = function() end, needs = { string.rep("x", 100) } }
