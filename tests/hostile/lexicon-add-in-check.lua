-- expect: lexicon deal_words: lexicons change only while rule files load
-- Adding to a lexicon inside check() would change what the rules after it
-- find, article by article, and escape the rule hashes. Lexicons are
-- sealed once the rule files have loaded.
local claims = require("spindle.claims")
rule{ id = "hostile-lexicon-add-in-check", title = "t", severity = "low", weight = 0.5,
  check = function(doc, report) claims.lexicon.deal_words:add_as("contract", "the") end }
