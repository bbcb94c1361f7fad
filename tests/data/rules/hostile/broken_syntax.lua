rule {
  id = "never-loads", title = "Has a syntax error", severity = "low", weight = 0.1,
  check = function(doc, report)
    if then
  end,
}
