-- rules/sourcing.lua — who the article's claims rest on.

local sources = require "spindle.sources"

rule {
  id       = "anonymous-sourcing",
  title    = "Claim resting only on anonymous sources",
  severity = "medium",
  weight   = 0.5,
  tags     = { "sourcing" },
  needs    = { "source", "familiar with", "insider", "anonymity", "close to",
               "knowledge of", "aware of", "briefed on", "unnamed", "anonymous",
               "to be named", "to be identified", "authorised to speak",
               "authorized to speak", "in the know" },
  description = [[
A sentence whose only attribution is to people the reader cannot identify:
"sources said", "according to Russian sources", "people familiar with the
matter", "insiders", an official "who spoke on condition of anonymity". Such
claims cannot be checked, and they are the usual vehicle for a story that no
one will stand behind. A named person, an official or institution (even an
unnamed official, which has its own rule), or a document in the same sentence
clears it; so does a speaker carried over from the sentence before ("He
added..."). Attributions inside a quotation belong to the quoted speaker and
are ignored; "sources of funding" and other non-attribution uses of "source"
are not attributions at all.]],

  check = function(doc, report)
    for _, s in ipairs(doc:sentences()) do
      local only, anon = sources.anonymous_only(s)
      if only then
        report {
          at = s,
          message = "claim rests only on anonymous sources",
          evidence = { source = anon.source, verb = anon.verb },
        }
      end
    end
  end,

  examples = {
    flag = {
      "Sources said the minister would resign on Friday.",
      "The plant will close next year, according to Russian sources.",
      "The company is preparing a bid for its rival, people familiar with the matter said.",
      "Insiders said the board had already approved the sale.",
      "An official, who spoke on condition of anonymity, said the talks had collapsed.",
      "\"Nothing has been signed,\" a source in the ministry said.",
    },
    pass = {
      -- a named, on-record source
      "Foreign Minister Jane Doe said the minister would resign on Friday.",
      -- "sources" that are not people
      "The minister said the country needed new sources of energy.",
      -- anonymous sources mentioned inside a named speaker's quotation
      "\"Anonymous sources have been feeding the press nonsense,\" Ambassador Ilan Teodorov said.",
      -- a document alongside the anonymous source
      "Sources said the plant would close, and a company filing seen by reporters confirmed the plan.",
      -- the ministry declining to comment on reports is on the record
      "The prime minister's office declined to comment on the reports.",
      -- unnamed officials are a different weakness (not anonymity)
      "Officials said the talks had covered only routine trade matters.",
    },
  },
}
