-- rules/fabrication_claims.lua — what a story claims to know and cannot
-- show: exclusive or confirmed knowledge with no one behind it, and
-- speech quoted at second hand with no where or when.

local register = require "spindle.register"

rule {
  id       = "unchecked-confirmation",
  title    = "Claim of exclusive or confirmed knowledge that no one can check",
  severity = "medium",
  weight   = 0.5,
  tags     = { "sourcing", "claims", "fabrication" },
  needs    = { "confirm", "reveal", "exclusive", "learned", "learnt", "disclose",
               "establish", "been told", "been informed", "sources", "insider" },
  description = [[
The article, in its own voice, claims to have confirmed or uncovered
something and names no one the reader could ask: the first-person outlet
("we have confirmed that ...", "I can reveal", "we have learned from
reliable sources"), exclusivity ("can exclusively reveal", "has learned
exclusively", a paragraph opening "EXCLUSIVE"), or confirmation by unnamed
people ("our sources confirm", "insiders have confirmed", "according to
reliable sources"). A claim of confirmation asks to be believed on the
outlet's word; fabricated stories use it in place of evidence. Not
flagged: a named, official or documentary source in the same sentence ("we
have confirmed with the Home Office"), an exclusive interview with a named
person ("speaking exclusively to BBC Sport, Rick Parry said"), exclusive
rights or deals, words inside a quotation ("We can confirm that ...," a
spokesman said) or reported from someone else. The outlet's own unnamed
source ("the BBC understands", "has learned") is anonymous-sourcing's.]],

  check = function(doc, report)
    local found = register.confirmations(doc)
    if #found == 0 then
      -- register.confirmations passes over the others before the rule sees them
      report.trace("no claim of confirmed or exclusive knowledge in the writer's own voice: none outside "
                   .. "quotations, someone else's reported words and sentences with a checkable source")
    end
    for _, c in ipairs(found) do
      report {
        at = c,
        message = ("claims %s knowledge with no one to check: '%s'"):format(
          c.kind == "exclusive" and "exclusive" or "confirmed", c.text),
        evidence = { words = c.text, kind = c.kind },
      }
    end
  end,

  examples = {
    flag = {
      "We have confirmed that the minister signed the shipyard contract in secret.",
      "The Herald can exclusively reveal that the vaccine trial was halted in March.",
      "Our sources confirm the governor has already ordered the border closed.",
      "Insiders have confirmed that the company will cut 2,000 jobs before the summer.",
      "I have now learned from reliable sources that the president knew of the risks.",
      "EXCLUSIVE: The mayor's office ordered the infection data deleted before the election.",
    },
    pass = {
      -- a company statement inside a quotation
      "\"We can confirm that the regulator has passed the case to the prosecutor,\" a spokesman said.",
      -- an exclusive interview with a named person
      "Speaking exclusively to BBC Sport, Liverpool chief executive Rick Parry said the club would not sell.",
      -- exclusive rights, not exclusive knowledge
      "Sky said it had won exclusive broadcasting rights to the Academy Awards.",
      -- a checkable source beside the confirmation
      "We have confirmed with the Home Office that the scheme will close in May.",
      -- agentless confirmation of a public decision
      "Labour will hold its autumn conference in Manchester, it has been confirmed.",
      -- another outlet's claim, reported
      "The Sun said it could exclusively reveal the singer's plans.",
      -- the outlet's own unnamed source is a different rule
      "Council tax in Scotland is set to rise by about 4%, BBC Scotland has learned.",
    },
  },
}

rule {
  id       = "speech-unplaced",
  title    = "Speech quoted at second hand with no where or when",
  severity = "medium",
  weight   = 0.4,
  tags     = { "sourcing", "quotes", "fabrication" },
  needs    = { "quoted", "reported as", "cited as", "reportedly", "allegedly",
               "supposedly", "purportedly", "to have said", "to have told",
               "to have stated", "to have remarked", "to have quipped",
               "to have boasted" },
  description = [[
Words put in someone's mouth at second hand -- "is quoted as saying", "was
once quoted saying", "has been reported as saying", "reportedly said",
"allegedly told", "is said to have said" -- when neither that sentence,
the one before nor the four after it says where the words were said (an
outlet or agency, "told the BBC", "in an interview with", "at a press
conference", "in a statement", "the court heard"), no sentence up to three
before names an outlet spoken to ("told LifeSiteNews"), and neither that
sentence, the one before nor the two after say when (a day or a named period: "on Monday",
"last week", "in March", "earlier this month"). A quotation with no occasion cannot be traced, which is how
invented and misattributed quotations travel. Not flagged: the same words
with a where or a when nearby ("he was quoted as saying by AFP",
"reportedly told the Daily Mail", "was quoted on Tuesday as saying"),
anything inside a quotation, and written records rather than speakers
("the document reportedly said"). "Recently" is not a when.]],

  check = function(doc, report)
    local found = register.unplaced_speech(doc)
    if #found == 0 then
      -- register.unplaced_speech passes over the others before the rule sees them
      report.trace("no speech quoted at second hand without a where or when: none outside "
                   .. "quotations and records ('the document reportedly said') with no outlet, "
                   .. "occasion or date nearby")
    end
    for _, sp in ipairs(found) do
      report {
        at = sp,
        message = ("speech quoted at second hand with no where or when: '%s'"):format(sp.text),
        evidence = { words = sp.text, kind = sp.kind },
      }
    end
  end,

  examples = {
    flag = {
      "The health commissioner was quoted as saying that the vaccine would be compulsory for all children.",
      "\"We will never allow this,\" the general is quoted as saying.",
      "Astrava's chairman is reported as saying that the company had no choice but to sell.",
      "The former minister was once quoted saying that the ports were \"for sale to anyone\".",
      "The governor reportedly said the lockdown would last until the end of the year.",
      "The ambassador is said to have told colleagues that the deal was already done.",
    },
    pass = {
      -- where: the outlet that quoted him
      "\"It is now nearly 470,\" he was quoted as saying by AFP.",
      -- where: the interview, in the sentence before
      "A senior Tory MP spoke to the Daily Mail about the prime minister's health. The MP reportedly said he had returned to work too soon.",
      -- when: a day
      "The minister was quoted on Tuesday as saying that the talks had failed.",
      -- where: a court
      "The jury heard that Smith allegedly told his neighbour he would burn the house down.",
      -- a written record, not a speaker
      "The document reportedly said: \"We're looking for the resurrection of the empire.\"",
      -- inside a quotation
      "\"He is quoted as saying all sorts of things,\" the spokesman said.",
    },
  },
}
