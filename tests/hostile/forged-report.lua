-- expect: read-only: rules share this table and cannot change it (field 'money')
-- A rule wraps a stdlib function that other rules call, to report with its
-- own report while another rule runs (findings under the other rule's id)
-- or to change what the others get. Module tables are read-only views for
-- rules, so the replacement fails when the file loads. (Were a rule's report
-- called while another rule runs, it would refuse: "this report belongs to
-- rule ...", see tests/unit/test_engine.c.)
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
