-- rules/sourcing.lua — who the article's claims rest on: anonymous sources.

local sources = require "spindle.sources"
local lexicon = require "spindle.lexicon"

-- Words without which no sentence can rest on anonymous sources; one scan
-- of the body finds the sentences worth asking about.
local anonymous_words = lexicon.regex(function(anon, anonymity)
  return [[\b(?:]] .. anon .. "|" .. anonymity .. [[|understands|has\s+learn(?:ed|t)|talk|word|buzz|gossip|whisper|rumou?r(?:ed)?)\b]],
    { sources.lexicon.anonymous, sources.lexicon.anonymity, "understands", "has learn", "talk",
      "word", "buzz", "gossip", "whisper", "rumour", "rumor", after_b = true }
end, "i", sources.lexicon.anonymous, sources.lexicon.anonymity)

-- "the source", "the Tory source", "this insider": a definite phrase that
-- points back at an anonymous source the article already introduced.
local function refers_back(phrase)
  local lw = phrase:lower()
  return (lw:find("^%s*the%s") or lw:find("^%s*this%s") or lw:find("^%s*that%s")) ~= nil
     and (lw:find("sources?%s*$") or lw:find("insiders?%s*$")) ~= nil
end

-- "a dealer, who asked not to be named, told Reuters": an anonymous source
-- speaking to another named outlet is that outlet's report (the article's
-- own outlet, "told the BBC", is not another's). told_outlet gives the
-- outlet's name, or nil.
local told_named = spindle.re([[\btold\s+(?:the\s+)?(?!BBC\b)(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})]])
local function told_outlet(s, anon)
  local m = told_named:match(s.doc.body:sub(anon.start + 1, math.min(s.stop, anon.stop + 80)))
  if not m then return nil end
  local t = sources.classify(m[1])
  if t == "media" or t == "wire" then return m[1] end
  return nil
end

-- Why sources.anonymous_only(s) said no, read as it reads the sentence's
-- attributions: an unquoted source that vouches for the sentence, or no
-- unquoted anonymous source (one inside a quotation is the speaker's), so
-- that `word`, the anonymous word found in s, attributes nothing.
local VOUCHES = { ["official-named"] = true, ["official-unnamed"] = true, document = true, named = true }
local function not_anonymous_only(s, word)
  local quoted
  for _, a in ipairs(sources.attributions(s)) do
    if a.quoted then
      if a.type == "anonymous" then quoted = quoted or a end
    elseif VOUCHES[a.type] or (a.type == "expert" and a.named) then
      return ("a source that is not anonymous covers the sentence (%s: %s)"):format(a.type, a.source)
    end
  end
  if quoted then return ("inside a quotation: the speaker's words (%s)"):format(quoted.source) end
  return ("no anonymous source is attributed here: %q is not an attribution"):format(word)
end

rule {
  id       = "anonymous-sourcing",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Claim resting only on anonymous sources",
  severity = "medium",
  weight   = 0.5,
  tags     = { "sourcing" },
  needs    = { "source", "familiar with", "insider", "anonymity", "close to",
               "knowledge of", "aware of", "briefed on", "unnamed", "anonymous",
               "to be named", "to be identified", "authorised to speak",
               "authorized to speak", "in the know", "understands", "has learned",
               "has learnt", "whistleblower", "informant", "talk in", "talk on",
               "word in", "word is", "word on", "buzz", "gossip", "whisper", "rumour has",
               "rumor has", "rumoured", "rumored" },
  description = [[
A sentence whose only attribution is to people the reader cannot identify:
"sources said", "according to Russian sources", "people familiar with the
matter", "insiders", an official "who spoke on condition of anonymity", "the
BBC understands". Such claims cannot be checked, and they are the usual
vehicle for a story that no one will stand behind. A named person, an
official or institution (even an unnamed official, which has its own rule),
or a document in the same sentence clears it. The finding is reported where
the anonymous source is written: a sentence that only continues it ("He
added...", or a quotation running on) is not reported again, and a pronoun
is never taken for an anonymous source unless it plainly refers to one
("They have said..." after a sentence about a political party is not).
Attributions inside a quotation belong to the quoted speaker; "sources of
funding" and other non-attribution uses of "source" are not attributions.
A source the article already introduced ("the source told the paper", "the
Tory source said") is not reported again, and an anonymous source that a
named outlet quoted or spoke to ("the Financial Times quoted an insider as
saying", "a dealer, who asked not to be named, told Reuters") is that
outlet's, which the reader can check. The same source phrase is reported
once per article.
Ships off by default (judged on the BBC corpus, half of what careful news attributes to unnamed sources is colour, public record or backed elsewhere in the article (precision 0.90, useful share 0.50 of 30); docs/quality.md): turn it on with
`--enable anonymous-sourcing`.]],

  check = function(doc, report)
    local seen, first_source, said_before = {}, nil, {}

    -- Why sentence s, where anonymous word m was found, is passed over, the
    -- tests in order (nil: it is not).
    local function passed_over(s, m, only, anon)
      if not only then return not_anonymous_only(s, m.text) end
      if anon.carried then
        return ("only continues an anonymous source written before it (%s)"):format(anon.source)
      end
      if anon.outlet then
        return ("a named outlet quotes the anonymous source (%s): the outlet's report"):format(anon.outlet)
      end
      local outlet = told_outlet(s, anon)
      if outlet then
        return ("the anonymous source spoke to a named outlet (told %s): the outlet's report"):format(outlet)
      end
      if first_source and refers_back(anon.source) then
        return ("%q refers back to the source introduced before (%s)"):format(anon.source, first_source.source)
      end
      if said_before[anon.source:lower()] then
        return ("the same source phrase was reported before (%s)"):format(anon.source)
      end
      return nil
    end

    for m in doc:find(anonymous_words()) do
      local s = doc:sentence_at(m.start)
      if s and not seen[s.index] then
        seen[s.index] = true
        local only, anon = sources.anonymous_only(s)
        local why = passed_over(s, m, only, anon)
        if why then
          report.trace(why, s)
        else
          said_before[anon.source:lower()] = true
          first_source = first_source or anon
          report {
            at = s,
            message = "claim rests only on anonymous sources",
            evidence = { source = anon.source, verb = anon.verb },
          }
        end
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
      -- from the BBC corpus: the outlet's own unnamed source
      "Council tax in Scotland is set to rise by an average of about 4% in the coming year, BBC Scotland has learned.",
      "Tory sources say senior party figures had argued vociferously against the ID card scheme.",
      -- a person briefed on the talks, a reduced relative clause
      "Acme will pay $9.5bn for the unit, a person briefed on the talks said.",
      -- rumour passed on with no one behind it
      "The talk in the City is that the bank will be sold before the summer.",
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
      -- an insider quoted by a named outlet: the outlet's report, checkable
      "The Financial Times quoted an insider in the talks as saying the bank had been caught by surprise.",
      -- a pronoun speaker with no anonymous source before it
      "They have said the scheme is \"deeply flawed\" and a waste of money.",
      -- "source" as a thing, not a person
      "Police are trying to find the source of the leak.",
      -- the outlet learned it from a named official
      "The BBC has learned from Transport Minister Ann Cole that the line will close.",
    },
  },
}
