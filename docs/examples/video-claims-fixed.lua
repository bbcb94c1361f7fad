-- video-claims, as the walk-through in docs/repl.md leaves it: a video
-- "showing" something is evidence offered, not a speaker, so the rule looks
-- for the video and its verb in the claim's sentence itself.
local claims = require("spindle.claims")

-- "a video circulating on social media showed", "footage appears to show"
local video_shows = spindle.re([[\b(?:video|footage|clip)s?\b[^.!?]{0,80}?\b(?:showed|shows|show|appears?\s+to\s+show|revealed|reveals|proves?|proved)\b]], "i")

rule{
  id       = "video-claims",
  title    = "Claim resting on a video shared online",
  severity = "medium",
  weight   = 0.5,
  needs    = { "video", "footage", "clip" },
  check = function(doc, report)
    for _, claim in ipairs(claims.all(doc)) do
      local s = claim.sentence
      local shown = s and video_shows:match(s.text)
      if shown then
        report{ at = claim, message = "claim resting on a video: " .. shown.text,
                evidence = { video = shown.text } }
      elseif s then
        report.trace("no video shown as evidence in the sentence", claim)
      end
    end
  end,
  examples = {
    flag = { "A video circulating on social media showed that the dam had burst, killing 300 people." },
    pass = { "The state government said 300 people had been moved from the valley." },
  },
}
