-- rules/sourcing_wire.lua — articles that rest on a single news-agency report.

local sources = require "spindle.sources"
local lexicon = require "spindle.lexicon"

-- Types of attribution that show reporting of the article's own: someone
-- on the record, a document, a named person or expert.
local OWN_REPORTING = { ["official-named"] = true, document = true, named = true }

-- Agency names as written (case matters: "AP", not "ap").
local agency_name = lexicon.regex(function(alt)
  return [[(?<![\p{L}\p{N}])]] .. alt .. [[(?![\p{L}\p{N}])]]
end, nil, sources.lexicon.wire_agencies)

rule {
  id       = "single-wire-source",
  title    = "Article resting on a single wire report",
  severity = "low",
  weight   = 0.4,
  tags     = { "sourcing", "wire" },
  needs    = sources.needs("wire_agencies"),
  description = [[
Article level. The article credits one news agency for its content -- a
dateline or credit ("(Reuters)", "— AFP"), "Based on IANS report", "with
inputs from PTI" -- or most of what it attributes comes from one agency
("Reuters reported", "according to AFP"). Such an article adds no reporting
of its own: whatever the agency got wrong, it repeats, and the same report
appearing in many outlets looks like confirmation when it is one source. A
credit to one agency is reported with full confidence; an article whose
attributions mostly cite one agency, with no more than one on-record source
of its own and fewer citations of other outlets than of the agency, with
less. Two or more agencies, or an agency cited once among
the article's own sources, are not flagged; "told Reuters" names who was
speaking to an agency, not a source of the article.]],

  check = function(doc, report)
    local credits = sources.credits(doc)
    local agencies, first = {}, nil
    for _, a in ipairs(credits) do
      for _, name in ipairs(sources.agencies(a.source)) do agencies[name] = true end
      if #sources.agencies(a.source) == 0 then agencies[a.source] = true end
      first = first or a
    end
    local credited = {}                 -- the agencies, in a stable order
    for name in pairs(agencies) do credited[#credited + 1] = name end
    table.sort(credited)
    local n = #credited
    if n == 1 then
      local name = credited[1]
      report {
        at = first,
        message = ("the article is credited to one agency report (%s)"):format(name),
        score = 1.0,
        evidence = { agency = name, credit = first.text },
      }
      return
    end
    if n > 1 then
      report.trace(("credited to %d agencies (%s)"):format(n, table.concat(credited, ", ")))
      return
    end
    -- no credit: does most of the attributed content come from one agency?
    -- Only worth asking when some agency is named at least twice.
    local mentions, twice = {}, false
    for m in doc:find(agency_name()) do
      mentions[m.text] = (mentions[m.text] or 0) + 1
      if mentions[m.text] >= 2 then twice = true break end
    end
    if not twice then
      report.trace(next(mentions) and "no agency credit, and no agency is named twice"
                   or "no agency credit, and no agency is named")
      return
    end
    local summary = sources.summary(doc)
    local wire = summary.types.wire or 0
    if wire < 2 then
      report.trace(("no agency credit, and attributions to an agency: %d, fewer than 2"):format(wire))
      return
    end
    local names, own = {}, 0
    for t, k in pairs(summary.types) do
      if OWN_REPORTING[t] then own = own + k end
    end
    for name in pairs(summary.agencies) do names[#names + 1] = name end
    -- other outlets cited more than the agency: the article weighs several
    -- reports, not one ("El Watan said ..., the local press said ..., AFP")
    local media = summary.types.media or 0
    if #names ~= 1 then
      table.sort(names)
      report.trace(("the attributions cite %d agencies (%s)"):format(#names, table.concat(names, ", ")))
    elseif own > 1 then
      report.trace(("the article has %d on-record sources of its own, more than 1"):format(own))
    elseif wire <= media then
      report.trace(("other outlets are cited %d times, the agency %d: not mostly one agency"):format(media, wire))
    else
      local at
      for _, a in ipairs(sources.all(doc)) do
        if a.type == "wire" and not a.quoted then at = a break end
      end
      report {
        at = at,
        message = ("the article's sources are mostly one agency (%s)"):format(names[1]),
        score = 0.7,
        evidence = { agency = names[1], wire_attributions = wire, own_sources = own },
      }
    end
  end,

  examples = {
    flag = {
      "NEW DELHI (Reuters) - The government approved the purchase of 36 aircraft on Monday.",
      "The two countries signed a defence pact on Tuesday.\n\nBased on IANS report",
      "The ministry will review the tender next week.\n\n(With inputs from PTI)",
      "The talks will resume in Geneva on Friday. — AFP",
      -- no credit, but everything attributed comes from one agency
      "The plant will close in March, Reuters reported. About 300 workers will lose their jobs, according to Reuters.",
    },
    pass = {
      -- two agencies
      "The ministry will review the tender next week.\n\n(With inputs from PTI and IANS)",
      -- a person speaking to an agency is not the article's source
      "\"We will appeal,\" the company's chief executive Jane Doe told Reuters.",
      -- an agency cited once beside the article's own on-record sources
      "The plant will close in March, Reuters reported. The company confirmed the closure in a statement. Works manager John Smith said 300 jobs would go.",
      -- "AP" inside a word or a lower-case "ap" is no agency
      "The app was downloaded by millions of users in a day.",
      -- other outlets cited more often than the agency
      "Riots broke out in the town, AFP reported. El Watan said the police fired tear gas. Local press reports said 20 were hurt. Liberte newspaper said the army had been called in, according to AFP.",
      -- an agency named as the subject of the story
      "Reuters has opened a new bureau in Nairobi, the company said in a statement.",
    },
  },
}
