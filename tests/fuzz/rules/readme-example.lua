local claims  = require "spindle.claims"
local sources = require "spindle.sources"

rule {
  id       = "contract-size-unsourced",
  title    = "Contract size claimed without an official source",
  severity = "high",
  weight   = 0.7,
  tags     = { "claims", "sourcing" },
  needs    = { "contract", "deal", "billion", "million", "crore", "caf\u{e9}", "  ", "a  b" },
  check = function(doc, report)
    for claim in claims.money(doc) do
      if claim:is_deal() and not sources.official(claim.sentence) then
        report { at = claim, message = "contract size without an official source" }
      end
    end
  end,
  examples = {
    flag = { "Reports said Acme signed a $2.6 billion contract for the plant." },
    pass = { "The finance ministry said in a statement that the $2.6 billion contract was signed." },
  },
}
