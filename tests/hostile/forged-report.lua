-- expect: report: this report belongs to rule 'hostile-forged-report', not to the rule running now ('contract-size-unsourced')
-- A rule wraps a stdlib function that other rules call and, inside it,
-- reports with its own report while another rule runs: the findings would
-- carry the other rule's id. Each rule's report is its own; the forgery
-- fails (here inside a pcall, so the victim rule goes on).
local claims = require("spindle.claims")
local saved
local original = claims.money
claims.money = function(doc)
  if saved then
    local ok, err = pcall(saved, { at = { 0, 1 }, message = "forged" })
    if not ok then print(err) end
  end
  return original(doc)
end
rule{ id = "hostile-forged-report", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) saved = report end }
