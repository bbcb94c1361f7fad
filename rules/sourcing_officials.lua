-- rules/sourcing_officials.lua — official positions with no official's name on them.

local sources = require "spindle.sources"
local lexicon = require "spindle.lexicon"

-- Sentences worth asking about: those that hold a word for unnamed
-- officials ("officials", "aides"), or an official title after a word that
-- leaves it unnamed ("a minister", "two senior ministers"), found by one
-- scan of the body.
local official_words = lexicon.regex(function(unnamed, titles)
  return [[\b(?:]] .. unnamed .. [[|(?:a|an|one|two|three|four|several|some|many|senior)\s+(?:[\w-]+\s+){0,2}]]
    .. titles .. [[s?)\b]],
    { sources.lexicon.unnamed_officials, "a ", "an ", "one ", "two ", "three ", "four ", "several ", "some ",
      "many ", "senior ", after_b = true }
end, "i", sources.lexicon.unnamed_officials, sources.lexicon.official_titles)

-- Spokespeople speak for their body on the record, and prosecutors,
-- investigators and police in court or in an inquiry are institutions
-- speaking through whoever is on duty: neither is the weakness this rule
-- is for. Their head words, lower case.
local ON_DUTY = {
  spokesman = true, spokeswoman = true, spokesperson = true, spokesmen = true,
  spokeswomen = true, spokespersons = true, representative = true,
  representatives = true, prosecutors = true, investigators = true,
  officers = true, police = true, judge = true, judges = true, court = true,
  authorities = true,
}

-- "Ministers say", "G7 ministers said": the government (or a named body of
-- ministers) speaking collectively -- its published line, not unnamed
-- individuals. "Two ministers", "some ministers", "a minister" are people.
local QUANTIFIERS = {}
for w in ([[a an one two three four five six several some many few senior junior
  former both all other two-thirds]]):gmatch("%S+") do
  QUANTIFIERS[w] = true
end
local function collective(source)
  local words = {}
  for w in source:gmatch("[%w%-']+") do words[#words + 1] = w end
  local last = words[#words] and words[#words]:lower()
  if last ~= "ministers" then return false end
  for i = 1, #words - 1 do
    local lw = words[i]:lower()
    if QUANTIFIERS[lw] or (lw ~= "but" and lw ~= "and" and lw ~= "the"
                           and not words[i]:find("^%u")) then
      return false                         -- "two ministers", "senior ministers"
    end
  end
  return true
end


-- The last word of a source phrase before any comma or preposition.
local function head_word(source)
  local core = source:match("^([^,]*)") or source
  local last
  for w in core:gmatch("[%a%-]+") do
    local lw = w:lower()
    if lw == "of" or lw == "at" or lw == "for" or lw == "in" or lw == "from"
       or lw == "with" or lw == "close" then
      break
    end
    last = lw
  end
  return last
end

-- Why sources.only(s, {official-unnamed}) said no: the first unquoted
-- source of another type, or no source at all (`words`, the officials
-- found in s, are mentioned, not speaking).
local function not_officials_only(s, words)
  for _, a in ipairs(sources.around(s)) do
    if a.type ~= "official-unnamed" then
      return ("another kind of source covers the sentence (%s: %s)"):format(a.type, a.source)
    end
  end
  return ("no source is attributed here: %q is a mention, not a speaker"):format(words)
end

rule {
  id       = "official-unnamed",
  enabled  = false,   -- ships off: see the end of the description
  title    = "Official position attributed only to unnamed officials",
  severity = "medium",
  weight   = 0.4,
  tags     = { "sourcing" },
  needs    = { "official", "diplomat", "aide", "minister", "authorities",
               "representative", "spokes", "government" },
  description = [[
A sentence whose only source is officials the reader cannot identify:
"officials said", "a senior official said", "Russian diplomats said", "two
ministers told reporters", "government aides". It presents an official
position -- a decision, a denial, a figure -- with the weight of the state
but without anyone accountable for it: no named official, no institution
speaking on the record, no document. A named official, an institution ("the
ministry said") or a document in the same sentence clears it. A spokesperson
speaks on the record for a body, and police, prosecutors, courts,
investigators and "the authorities" are institutions speaking through
whoever is on duty; "Ministers say" is the government's collective line:
those are not flagged. Officials of a named body ("Treasury officials")
score lower than officials of no named body.
A sentence that only continues an unnamed official already reported ("They
added...") is not reported again, and neither is one whose officials the
article names or backs with a document next to it: news style leaves the
official unnamed in the lead and names them in the next sentence ("..., a
Home Office minister has said. Hazel Blears said ...").
Ships off by default (judged on the BBC corpus, unnamed officials there mostly give a body's routine, on-record line (useful share 0.05 of 20); docs/quality.md): turn it on with
`--enable official-unnamed`.]],

  check = function(doc, report)
    local seen = {}

    -- Why sentence s, where official words m were found, is passed over,
    -- the tests in order (nil: it is not).
    local function passed_over(s, m, only, first)
      if not only then return not_officials_only(s, m.text) end
      if first.carried then
        return ("only continues an unnamed official written before it (%s)"):format(first.source)
      end
      local head = head_word(first.source)
      if ON_DUTY[head or ""] then
        return ("%q: a spokesperson, or an institution speaking through whoever is on duty (%s)")
               :format(head, first.source)
      end
      if collective(first.source) then
        return ("the government's collective line (%s)"):format(first.source)
      end
      local nearby = sources.identified_nearby(s, first.source)
      if nearby then
        return ("a source on the record nearby names them (%s: %s)"):format(nearby.type, nearby.source)
      end
      return nil
    end

    for m in doc:find(official_words()) do
      local s = doc:sentence_at(m.start)
      if s and not seen[s.index] then
        seen[s.index] = true
        local only, first = sources.only(s, { ["official-unnamed"] = true })
        local why = passed_over(s, m, only, first)
        if why then
          report.trace(why, s)
        else
          local lw = first.source:lower()
          local senior = lw:find("senior") or lw:find("top") or lw:find("high%-ranking")
          report {
            at = s,
            message = ("official position attributed to unnamed officials (%s)"):format(first.source),
            score = sources.names_body(first.source) and 0.5 or senior and 1.0 or 0.8,
            evidence = { source = first.source, verb = first.verb },
          }
        end
      end
    end
  end,

  examples = {
    flag = {
      "Officials said the talks had covered only routine trade matters.",
      "A senior official said the government would not renew the contract.",
      "Two Russian diplomats said the visit had been cancelled.",
      "The army will withdraw from the border by March, according to government officials.",
      "US officials have also said that other economies need to grow.",
      "Two ministers told reporters the budget would be cut.",
      -- an official quoted by an agency is still unnamed
      "Reuters quoted a central bank official as saying rates would rise in March.",
    },
    pass = {
      -- a named official
      "Foreign Minister Jane Doe said the talks had covered only trade.",
      -- an institution speaking on the record
      "The defence ministry said the army would withdraw by March.",
      -- an unnamed official beside a document
      "Officials said the plant would close, as the company's filing showed.",
      -- a spokesperson speaks for the body on the record
      "\"All we are saying today is that we are reviewing the ruling,\" a spokeswoman said.",
      -- prosecutors in court are an institution
      "Prosecutors said the man had stolen $40,000 from the charity.",
      -- anonymity is the anonymous-sourcing rule's business
      "An official, who spoke on condition of anonymity, said the talks had collapsed.",
      -- officials mentioned, not speaking
      "Officials from both countries will meet in Geneva on Friday.",
      -- officials inside a named speaker's quotation
      "\"Officials told us the plant was safe,\" Mayor Ann Cole said.",
      -- the lead's unnamed minister is named in the next sentence (BBC)
      "Identity cards will be compulsory within ten years, a Home Office minister has said. Hazel Blears said the cards would be phased in.",
      -- the government's collective line (BBC)
      "Ministers say the strategy is aimed at re-balancing the court system towards victims.",
      "G7 ministers said excess volatility would impede economic growth.",
      -- a court ruling, not an unnamed official's word (BBC)
      "A judge has dismissed an attempt by Yukos to gain bankruptcy protection in the US.",
      -- a named spokesman (BBC)
      "Spokesman Nick Davies said: \"We note the decision of the Greek authorities with interest.\"",
      -- a named president beside the authorities (BBC)
      "Russian President Vladimir Putin and the country's legal authorities have repeatedly said the US has no jurisdiction.",
    },
  },
}
