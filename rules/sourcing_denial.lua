-- rules/sourcing_denial.lua — denials that nobody puts a name to.

local sources = require "spindle.sources"

-- Who can deny on the record: a named person or official, an institution
-- speaking for itself, a document, a named expert, a news agency quoting
-- someone. The types below cannot.
-- "Other" speakers ("the men", "the keeper") are mostly people named
-- earlier in the article and are left alone.
local UNNAMED = {
  ["official-unnamed"] = 1.0, anonymous = 1.0, media = 0.8, expert = 0.6,
}

-- "Ministers deny", "the authorities denied": a government's collective
-- line, on the record as such.
local function collective(source)
  local lw = source:lower():gsub("^but%s+", ""):gsub("^the%s+", "")
  return lw == "ministers" or lw == "authorities"
end

-- Why a denial by a speaker of a type not in UNNAMED is left alone.
local LEFT_ALONE = {
  ["official-named"] = "the denial names its speaker", named = "the denial names its speaker",
  document = "a document denies", wire = "a news agency quotes the denial",
  other = "a speaker referred to again, named earlier (or a pronoun with no speaker found)",
}

-- The confidence that nobody on the record stands behind denial a; or nil
-- and why its speaker can deny on the record.
local function unnamed_score(a)
  local score = UNNAMED[a.type]
  if not score then
    return nil, ("%s (%s: %s)"):format(LEFT_ALONE[a.type] or "its speaker is not unnamed", a.type, a.source)
  end
  if a.type == "expert" and a.named then
    return nil, ("a named expert denies (%s)"):format(a.source)
  end
  if a.type == "official-unnamed" then
    if collective(a.source) then
      return nil, ("the government's collective line (%s)"):format(a.source)
    end
    if sources.names_body(a.source) then
      return nil, ("officials of a body the source names (%s)"):format(a.source)
    end
  end
  if a.type == "media" and a.named then             -- a named outlet denying
    return nil, ("a named outlet denies (%s)"):format(a.source)
  end
  return score
end

rule {
  id       = "denial-unnamed",
  title    = "Denial attributed to no named person or document",
  severity = "medium",
  weight   = 0.4,
  tags     = { "sourcing", "denial" },
  needs    = { "deni", "deny", "denying", "refut", "reject", "dismiss", "disput", "insist",
               "maintain" },
  description = [[
A denial -- "denied", "rejected the claims", "dismissed the reports as
fabricated", ", denying ..." -- whose speaker is not named and is not an
institution or a document: "officials denied", "sources denied", "Valdorian
sources denied that any agreement had been reached", "local media dismissed
the reports". A denial is a claim too, and one that no one puts a name to
cannot be held to account; it often stands in for the reaction a story
lacks. A pronoun whose speaker is a named person ("He denied the charges")
is that person; a pronoun whose speaker cannot be found, and people or
bodies referred to again ("the men", "the firms"), are left alone: they
were named earlier. "Ministers deny" is a government's collective line, and officials of a body
the sentence names ("Treasury officials", "officials representing the
Moscow Department of Health") give that body's denial. Denials inside a quotation belong to the
speaker. "Dismissed" and "rejected" count only with what is denied
("dismissed the reports", "rejected claims"), not "dismissed the manager".
An assertion of a negative is a denial too ("insiders insisted that no
bribes had been paid", "officials maintain that nothing was agreed").]],

  check = function(doc, report)
    for _, a in ipairs(sources.denials(doc)) do
      local s = doc:sentence_at(a.start)
      local score, why = unnamed_score(a)
      if not score then
        report.trace(why, s)
      elseif not s then
        report.trace(("%q lies in no sentence of the body"):format(a.text))
      elseif sources.official(s) then
        -- someone on the record beside it ("officials and the minister denied")
        report.trace(("someone on the record in the sentence (%s)"):format(sources.best(s)), s)
      else
        report {
          at = a,
          message = ("denial attributed to %s"):format(a.source),
          score = score,
          evidence = { source = a.source, type = a.type, verb = a.verb },
        }
      end
    end
  end,

  examples = {
    flag = {
      "Valdorian sources denied that any agreement had been reached.",
      "Officials denied the reports, calling them baseless.",
      "A senior official dismissed the reports as fabricated.",
      "The claims were denied by government officials on Monday.",
      "Officials met the delegation on Monday. They denied that any payment had been made.",
      "People close to the minister rejected claims that he had resigned.",
      -- an assertion of a negative, by people nobody names
      "Insiders insisted that no bribes had been paid to officials during the negotiations.",
      -- a nationality names no body
      "Merovian officials denied that any payment had been made.",
    },
    pass = {
      -- officials of a body the sentence names
      "Officials representing the Moscow Department of Health deny that the figures were changed.",
      -- a named official denies
      "Defence Minister Jane Doe denied that any agreement had been reached.",
      -- an institution denies on the record
      "The Kremlin denied the reports on Tuesday.",
      -- a pronoun for a named person
      "Mr Smith appeared in court on Monday. He denied the charges.",
      -- a denial inside a named speaker's quotation
      "\"Officials denied everything,\" Mayor Ann Cole said.",
      -- "dismissed" as in sacked, not as a denial
      "The club dismissed the manager after a run of defeats.",
      -- "rejected" an offer is not a denial
      "Shareholders rejected the offer on Friday.",
      -- a company spokesman speaks on the record for the company
      "A spokesman for the company denied the allegations.",
      -- a document denies
      "In a statement, the ministry rejected claims of a cover-up.",
      -- "deny" as prevent, not a denial (BBC sport)
      "The keeper denied the same player again 10 minutes later.",
      "A hamstring injury denied Luscombe the opportunity to make a third start.",
      -- "disputes" and "disputed" are nouns and adjectives here (BBC)
      "He hoped voluntary mediation could help solve disputes before they reached court.",
      -- neither confirming nor denying is no denial (BBC)
      "Petrel said it had not received any information from Iraqi authorities to confirm or deny the report.",
      -- people named earlier, referred to again (BBC)
      "The men, elected to the Aston ward, deny collecting votes fraudulently.",
      "The tobacco companies deny that they illegally conspired to promote smoking.",
    },
  },
}
