-- rules/sourcing_media.lua — claims whose only source is other media.

local sources = require "spindle.sources"
local lexicon = require "spindle.lexicon"

-- Sentences worth asking about: those with a media word in them, found by
-- one scan of the body.
local media_words = lexicon.regex(function(media)
  return [[\b(?:]] .. media .. [[|reported|widely|circulat\w*)\b]]
end, "i", sources.lexicon.media)

local MEDIA_OR_ANON = { media = true, anonymous = true }

rule {
  id       = "media-echo",
  title    = "Claim whose only source is other media",
  severity = "medium",
  weight   = 0.5,
  tags     = { "sourcing", "media" },
  needs    = { "report", "media", "newspaper", "paper", "press", "widely",
               "circulat", "television", "tv", "channel", "broadcaster",
               "magazine", "tabloid", "website", "outlet", "daily", "news" },
  description = [[
A claim whose only attribution is to other media: "reports suggested",
"according to media reports", "local media reported", "widely circulated in
Russian media", "the newspaper said". The story repeats what someone else
published without saying who stood behind it there, so a single unchecked
report can echo from outlet to outlet until it looks confirmed. Unnamed
media ("reports", "local media", "widely circulated") are flagged at full
strength; a named outlet ("the Financial Times reported") at lower strength,
and only when nothing else in the paragraph -- an official, a named person,
a document -- backs the claim. A media report mentioned as the object of a
named person's denial ("Smith dismissed media reports") is not the claim's
source, and reports inside a quotation belong to the speaker.]],

  check = function(doc, report)
    local seen = {}
    for m in doc:find(media_words()) do
      local s = doc:sentence_at(m.start)
      if s and not seen[s.index] then
        seen[s.index] = true
        local only = sources.only(s, MEDIA_OR_ANON)
        if only then
          local media
          for _, a in ipairs(sources.around(s)) do
            if a.type == "media" and (not media or media.named and not a.named) then
              media = a
            end
          end
          -- an outlet speaking about itself ("Virgin Radio says it will")
          -- is on the record for its own plans, not echoing a report
          local after = media and doc.body:sub(media.stop + 1, media.stop + 16):lower()
          local self = after and (after:find("^%s+it%s") or after:find("^%s+its%s")
                                  or after:find("^%s+that%s+it%s") or after:find("^%s+we%s"))
          if media and not media.carried and not self then
            local score = 1.0
            if media.named then
              score = sources.only(s, MEDIA_OR_ANON, { scope = "paragraph" }) and 0.6 or nil
            end
            if score then
              report {
                at = s,
                message = media.named and ("claim rests on another outlet: %s"):format(media.source)
                          or "claim rests on unnamed media reports",
                score = score,
                evidence = { source = media.source, verb = media.verb },
              }
            end
          end
        end
      end
    end
  end,

  examples = {
    flag = {
      "The deal is worth $4.5 billion, according to reports in the Merovian press.",
      "Reports suggested the minister had been offered a seat on the board.",
      "A video of the explosion was widely circulated in Russian media on Monday.",
      "Local media reported that the plant would close in March.",
      "Ten former directors have agreed to pay $54m to settle the lawsuit, reports say.",
      -- a named outlet, and nothing else in the paragraph
      "The two banks held merger talks last month, the Sunday Times reported.",
    },
    pass = {
      -- an official source beside the media report
      "The deal is worth $4.5 billion, the finance ministry said, confirming media reports.",
      -- a named person denying the reports: the reports are not the source
      "Paul O'Connell has dismissed media reports linking him to the captaincy.",
      -- reports inside a named speaker's quotation
      "\"Media reports that we are closing are false,\" chief executive Jane Doe said.",
      -- the word "report" for an official document
      "The report by the government's finance watchdog says the sale failed.",
      -- a named outlet backed by an on-record source in the same paragraph
      "The two banks held merger talks, the Sunday Times reported. Barclays confirmed the talks in a statement.",
      -- a company reporting its own results is not media
      "Nike has reported its best second-quarter earnings.",
      -- a press conference is not the press
      "At a press conference on Thursday Intel announced a new chip.",
      -- a journalist named as a person speaking is not an outlet
      "TV presenter Anne Robinson said the decision was wrong.",
      -- an outlet speaking about its own plans (BBC)
      "UK broadcaster Virgin Radio says it will become the first station to offer radio via 3G mobiles.",
      -- a company's own website is the company on the record (BBC)
      "Almost 83 million people have downloaded the software, according to the firm's website.",
      -- "press" as a verb, not the press (BBC)
      "Yukos asked the court to order arbitration so that it can press claims for damages.",
    },
  },
}
