-- expect: rawset: read-only: rules share this table and cannot change it
-- The doc is the same for every rule of an article: rawset(doc, "body")
-- would change what the next rule reads.
rule{ id = "hostile-doc-rawset", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) rawset(doc, "body", "nothing to see") end }
