-- expect: report: more than 1000 findings on one article
-- An endless report loop once took 2.4 GB for one article before the
-- instruction budget ended it. One rule reports at most 1,000 findings (and
-- 16 MiB of them) on one article.
rule{ id = "hostile-report-loop", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    while true do
      report{ at = { 0, 1 }, message = "again", evidence = { pad = string.rep("y", 1000) } }
    end
  end }
