-- Defines an id that loops.lua already defined: a load problem, not a crash.
rule {
  id = "works-after", title = "Duplicate of a rule in loops.lua", severity = "low", weight = 0.5,
  check = function() end,
}
