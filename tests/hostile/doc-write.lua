-- expect: read-only: rules share this table and cannot change it (field 'cache')
-- The doc's cache holds the stdlib's analyses of the article, shared by
-- every rule: emptying it, or writing the doc's fields, is refused.
rule{ id = "hostile-doc-write", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) doc.cache = {} end }
