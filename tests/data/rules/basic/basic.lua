-- A small, stable rule pack for the end-to-end tests of the archive and the
-- output formats (the shipped pack changes as it improves; these do not).

rule {
  id = "big-money",
  title = "A sum of a billion or more",
  severity = "high",
  weight = 0.8,
  tags = { "test" },
  needs = { "billion", "bn" },
  check = function(doc, report)
    local amount = spindle.re([[(?:\$|€|£)\s?\d+(?:\.\d+)?\s*(?:billion|bn)\b]], "i")
    for m in doc:find(amount) do
      report { at = m, message = "a large sum", evidence = { amount = m.text } }
    end
  end,
  examples = {
    flag = { "They agreed a $2.5bn deal.", "It cost €3 billion." },
    pass = { "It cost $300m.", "Billions were mentioned, no figure." },
  },
}

rule {
  id = "said-sources",
  title = "Unnamed sources",
  severity = "medium",
  weight = 0.5,
  needs = { "sources" },
  check = function(doc, report)
    local re = spindle.re([[\bsources (?:said|say|told)\b]], "i")
    for _, s in ipairs(doc:sentences()) do
      if re:test(s) then report { at = s, score = 0.8, message = "rests on unnamed sources" } end
    end
  end,
  examples = {
    flag = { "Sources said the deal was off." },
    pass = { "The minister said the deal was off." },
  },
}
