rule {
  id = "Bad_Id", title = "Bad id", severity = "low", weight = 0.1,
  check = function() end,
}

rule {
  id = "bad-weight", title = "Bad weight", severity = "low", weight = 1.5,
  check = function() end,
}

rule {
  id = "bad-severity", title = "Bad severity", severity = "urgent", weight = 0.5,
  check = function() end,
}

rule {
  id = "typo-field", title = "Typo", severity = "low", wieght = 0.5, weight = 0.5,
  check = function() end,
}

local bad = spindle.re("(unclosed")
