-- expect: report: this report belongs to rule 'hostile-forger-a', not to the rule running now ('hostile-forger-b')
-- Two rules in one file: the first keeps its report, the second calls it
-- to file findings under the first one's id. Each report belongs to its
-- rule; the forgery fails and fails the second rule alone.
local saved
rule{ id = "hostile-forger-a", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) saved = report end }
rule{ id = "hostile-forger-b", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    if saved then saved{ at = { 0, 1 }, message = "forged" } end
  end }
