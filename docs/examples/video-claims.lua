-- video-claims: a claim whose only evidence is a video shared online.
-- The first version of the walk-through in docs/repl.md: it waits for an
-- attribution to a video ("a video said ..."), so it stays silent on
-- docs/examples/viral-video.txt. The walk-through finds out why and fixes it.
local claims = require("spindle.claims")
local sources = require("spindle.sources")

rule{
  id       = "video-claims",
  title    = "Claim resting on a video shared online",
  severity = "medium",
  weight   = 0.5,
  needs    = { "video", "footage", "clip" },
  check = function(doc, report)
    for _, claim in ipairs(claims.all(doc)) do
      local s = claim.sentence
      if s then
        local video
        for _, a in ipairs(sources.around(s)) do
          if a.source:lower():find("video") then video = a end
        end
        if video then
          report{ at = claim, message = "claim resting on a video: " .. video.text }
        else
          report.trace("no attribution to a video in the sentence", claim)
        end
      end
    end
  end,
}
