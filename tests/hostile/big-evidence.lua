-- expect: report: 'evidence' is 1000010 bytes as JSON, more than 65536
-- Evidence is data about one finding; a megabyte of it is a mistake.
rule{ id = "hostile-big-evidence", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report)
    report{ at = { 0, 1 }, evidence = { pad = string.rep("y", 1000000) } }
  end }
