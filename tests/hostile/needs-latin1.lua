-- expect: rule 'hostile-needs-latin1': needs: word 1 is not valid UTF-8
-- A rule file in Latin-1: the needs word "caf\xe9" is not UTF-8. The
-- needs compiler once read past the string; the word is now refused with
-- the rule's file:line.
rule{ id = "hostile-needs-latin1", title = "t", severity = "low", weight = 0.5,
  needs = { "caf\xe9", "cab" },
  check = function(doc, report) end }
