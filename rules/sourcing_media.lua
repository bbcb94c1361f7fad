-- rules/sourcing_media.lua — claims whose only source is other media.

local sources = require "spindle.sources"
local lexicon = require "spindle.lexicon"

-- Sentences worth asking about: those with a media word in them, found by
-- one scan of the body.
local media_words = lexicon.regex(function(media)
  return [[\b(?:]] .. media .. [[|reported|widely|circulat\w*)\b]],
    { sources.lexicon.media, "reported", "widely", "circulat", after_b = true }
end, "i", sources.lexicon.media)

local MEDIA_OR_ANON = { media = true, anonymous = true }

-- Rumours are not media: "recent rumours" is no outlet (anonymous-sourcing
-- and hedged-claim read rumour).
local rumour_head = spindle.re([[\b(?:rumou?rs?|speculation|gossip)\s*$]], "i")

-- Reports named as what the claim contradicts or corrects: "not as
-- seriously hurt as some reports have suggested", "contrary to reports".
local contradicted = spindle.re([[\b(?:as|than|contrary\s+to|despite|unlike)\s+(?:(?:some|many|earlier|recent|initial|previous|media|press|newspaper|the)\s+)*reports?\b]], "i")


-- An outlet named in the sentences after s (the next three, same or next
-- paragraph): "reports from the country say ..." followed by "Arab News
-- said ..." identifies the reports.
local function outlet_named_after(s)
  local sentences = s.doc:sentences()
  for i = s.index + 1, math.min(#sentences, s.index + 3) do
    local p = sentences[i]
    if p.paragraph > s.paragraph + 1 then break end
    for _, a in ipairs(sources.around(p)) do
      if (a.type == "media" or a.type == "wire") and (a.named or sources.names_body(a.source)) then
        return a
      end
    end
  end
  return nil
end

-- The media attribution that sentence s rests on, an unnamed one first.
local function media_of(s)
  local media
  for _, a in ipairs(sources.around(s)) do
    if a.type == "media" and (not media or media.named and not a.named) then
      media = a
    end
  end
  return media
end

-- Why sources.only(s, MEDIA_OR_ANON) said no: the first unquoted source of
-- another type, or no source at all (`word`, the media word found in s,
-- attributes nothing).
local function not_media_only(s, word)
  for _, a in ipairs(sources.around(s)) do
    if not MEDIA_OR_ANON[a.type] then
      return ("another kind of source covers the sentence (%s: %s)"):format(a.type, a.source)
    end
  end
  return ("no source is attributed here: %q is not an attribution"):format(word)
end

rule {
  id       = "media-echo",
  enabled  = false,   -- ships off: see the end of the description
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
Russian media", "the newspaper said" with no outlet named before. The story repeats what
someone else published without saying who published it, so a single
unchecked report can echo from outlet to outlet until it looks confirmed.
Only unnamed media are flagged: a named outlet ("the Financial Times
reported", and "the paper said" after it) is an attribution the reader can
check, and so are "reports" that the next sentences name ("reports from the
country say ... Arab News said", "two reports ... Jupiter Research said"). A media report mentioned as the object of
a named person's denial ("Smith dismissed media reports") or as what the
claim corrects ("not as badly hurt as some reports suggested") is not the
claim's source, and reports inside a quotation belong to the speaker.
"Rumours" and "speculation" are not media. Reported once per article, at
the first claim that rests on unnamed media: a story that repeats the
reports later adds nothing new.
Ships off by default (judged on the BBC corpus, the reports it finds are often named or confirmed further on in the article (precision 0.81, useful share 0.58 of 26); docs/quality.md): turn it on with
`--enable media-echo`.]],

  check = function(doc, report)
    local seen, reported = {}, false

    -- Why sentence s, where media word m was found, is passed over, the
    -- tests in order (nil: it is not).
    local function passed_over(s, m, only, media)
      if not only then return not_media_only(s, m.text) end
      if not media then return "its only sources are anonymous, not media (anonymous-sourcing's)" end
      -- an outlet speaking about itself ("Virgin Radio says it will")
      -- is on the record for its own plans, not echoing a report
      local after = doc.body:sub(media.stop + 1, media.stop + 16):lower()
      local self = after:find("^%s+it%s") or after:find("^%s+its%s")
                   or after:find("^%s+that%s+it%s") or after:find("^%s+we%s")
      if media.carried then
        return ("only continues a media source written before it (%s)"):format(media.source)
      end
      if self then return ("the outlet speaks about itself (%s)"):format(media.source) end
      if media.named then return ("a named outlet, which the reader can check (%s)"):format(media.source) end
      if reported then return "unnamed media are reported once per article, at the first claim" end
      if sources.names_body(media.source) then
        return ("the source names its outlet (%s)"):format(media.source)
      end
      if rumour_head:test(media.source) then
        return ("rumours are not media (%s)"):format(media.source)
      end
      if media.hearsay then
        return ("the words are the speaker's, reported at second hand (%s %s)"):format(media.source, media.verb)
      end
      if contradicted:test(s) then return "the reports are what the claim contradicts or corrects" end
      local outlet = outlet_named_after(s)
      if outlet then
        return ("a sentence after it names the outlet (%s)"):format(outlet.source)
      end
      local nearby = sources.identified_nearby(s, media.source)
      if nearby then
        return ("a source on the record nearby identifies it (%s: %s)"):format(nearby.type, nearby.source)
      end
      return nil
    end

    for m in doc:find(media_words()) do
      local s = doc:sentence_at(m.start)
      if s and not seen[s.index] then
        seen[s.index] = true
        local only = sources.only(s, MEDIA_OR_ANON)
        local media = only and media_of(s) or nil
        local why = passed_over(s, m, only, media)
        if why then
          report.trace(why, s)
        else
          reported = true             -- once per article: a repeat adds nothing
          report {
            at = s,
            message = ("claim rests on unnamed media reports (%s)"):format(media.source),
            score = 1.0,
            evidence = { source = media.source, verb = media.verb },
          }
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
      -- media as a subject, cut off from its verb by a participle clause
      "Reports, circulating on social media, suggested the minister had fled the country.",
      "Posts circulating online claimed the vaccine had been withdrawn.",
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
      -- a named outlet is an attribution the reader can check
      "The two banks held merger talks last month, the Sunday Times reported.",
      "The Financial Times reported the talks on Monday. The paper said the bid would come within weeks.",
      -- the reports are what the claim corrects (BBC)
      "Beattie is not believed to be as seriously hurt as some reports have suggested.",
      -- the next sentence names the reports (BBC)
      "But progress has been slow, reports from the country say. Arab News said only two of the ten plants had opened.",
      -- "press" as a verb, not the press (BBC)
      "Yukos asked the court to order arbitration so that it can press claims for damages.",
    },
  },
}
