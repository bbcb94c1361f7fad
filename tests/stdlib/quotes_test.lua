-- spindle.quotes: quotation spans, kinds and speakers.
local quotes = require "spindle.quotes"

-- { body, quotation text, kind, has a speaker } -- the speaker is found by
-- spindle.sources or by this module's own checks (a tag after the
-- quotation, a colon, the subject of the sentence or of the one before)
local cases = {
  -- real sentences (BBC news, 2004-05)
  { "\"Our financial performance was strong, meeting or exceeding all of our full-year objectives,\" chairman and chief executive Richard Parsons said.",
    "Our financial performance was strong, meeting or exceeding all of our full-year objectives,", "speech", true },
  { "Mr Brown added: \"This is a budget for the long term.\"", "This is a budget for the long term.", "speech", true },
  { "\"It's hard to put a date on it,\" a Premier League spokesman confirmed to BBC Sport.",
    "It's hard to put a date on it,", "speech", true },
  { "\"When you look at podcasting - wow this is a pretty interesting audience,\" explains Curry.",
    "When you look at podcasting - wow this is a pretty interesting audience,", "speech", true },
  { "Brentford boss Martin Allen: \"After conceding eight goals in our last three matches, I have to admit I'm not very confident.\"",
    "After conceding eight goals in our last three matches, I have to admit I'm not very confident.", "speech", true },
  { "Labour claims the policy is little more than a \"desperate attempt to catch up with Labour's five-year plan\" for immigration.",
    "desperate attempt to catch up with Labour's five-year plan", "speech", true },
  { "Doug Kaye, a California-based podcaster, praises the former MTV VJ. \"Adam created a simple script that solved what we call the last mile problem.\"",
    "Adam created a simple script that solved what we call the last mile problem.", "speech", true },
  -- terms: scare quotes, labels, titles
  { "Ireland fly-half Ronan O'Gara hailed his side's 19-13 victory over England as a \"special\" win.", "special", "term", nil },
  { "Tony Blair is urging European leaders to wake up from their \"state of denial\" over President Bush's re-election.",
    "state of denial", "term", nil },
  { "Microsoft calls it the \"Next Generation Secure Computing Base\", and it will ship next year.",
    "Next Generation Secure Computing Base", "term", nil },
  { "The film \"Million Dollar Baby\" won four Oscars.", "Million Dollar Baby", "term", nil },
  { "The so-called \"war on terror\" was discussed at length.", "war on terror", "term", nil },
  -- the speaker carried on across paragraphs (news style), BBC news 2005
  { "\"Everyone at Arsenal has been waiting for this game,\" said Campbell. \"We are up for this one.\"\n\nSpeaking on his long-term plans, Campbell signalled his intent to move abroad before he turns 35. \"I'm 30 now and in five years' time I won't be in this country - that's definite.\"",
    "I'm 30 now and in five years' time I won't be in this country - that's definite.", "speech", true },
  -- an interview answer after a colon
  { "Rob Partridge - Marley's former head of press at Island Records - remembers the man behind the legend.\n\n: \"I joined Island Records in 1977 and the first week I was there I worked on his show.\"",
    "I joined Island Records in 1977 and the first week I was there I worked on his show.", "speech", true },
  -- named in the sentence after
  { "\"Do you have it in your heart? How much guts do you have? How much do you hate to lose?\"\n\nThese are the questions Jimmy Connors will be asking of Britain's brightest tennis hopes.",
    "Do you have it in your heart? How much guts do you have? How much do you hate to lose?", "speech", true },
  -- the comma outside the closing mark, then the speaker
  { "Fans replied at once. \"Doesn't matter the percentage because whatever it is, it's the right one\", one gushed.",
    "Doesn't matter the percentage because whatever it is, it's the right one", "speech", true },
  -- introduced by the paragraph before, ending in a colon
  { "As one recent study put it:\n\n\"The labour market slowdown was due primarily to a nationwide response to the epidemic.\"",
    "The labour market slowdown was due primarily to a nationwide response to the epidemic.", "speech", true },
  -- a long title is a term
  { "The paper is called \"Practical Solutions to the Problem of Diagonal Dominance in Kernel Document Clustering\" and it is cited.",
    "Practical Solutions to the Problem of Diagonal Dominance in Kernel Document Clustering", "term", nil },
  -- no speaker anywhere
  { "The deal collapsed on Friday.\n\n\"We were never going to sign a contract on those terms.\"",
    "We were never going to sign a contract on those terms.", "speech", false },
  { "Shares fell 5% on Monday. \"This is a disaster for small investors who trusted the board.\"",
    "This is a disaster for small investors who trusted the board.", "speech", false },
}
for _, c in ipairs(cases) do
  local d = doc_of(c[1])
  local list = quotes.all(d)
  local q
  for _, x in ipairs(list) do if x.text == c[2] then q = x end end
  check(q ~= nil, c[1] .. ": quotation found")
  if q then
    check_eq(q.kind, c[3], c[1] .. ": kind")
    if c[4] ~= nil then
      check_eq(q.speaker ~= nil, c[4], c[1] .. ": speaker")
      check_eq(quotes.attributed(q), c[4], c[1] .. ": attributed")
    end
  end
end

-- partial: a phrase inside the reporter's sentence, not a sentence of its own
for _, c in ipairs({
  { "The prize will reward an author for \"continued creativity, development and overall contribution to fiction on the world stage\".", true },
  { "\"Taking responsibility for tough choices\" is this year's official talking point.", true },
  { "\"We will appeal,\" he said.", false },
  { "Mr Brown added: \"This is a budget for the long term.\"", false },
  { "Shares fell. \"This is a disaster for small investors who trusted the board.\"", false },
}) do
  local q = quotes.all(doc_of(c[1]))[1]
  check_eq(q and q.partial, c[2], c[1] .. ": partial")
end

-- a long chain of quotations resolves without deep recursion
local parts = { "Mr Smith said: \"We start now." }
for i = 1, 400 do parts[#parts + 1] = ("\"Point %d is made."):format(i) end
local chain = quotes.all(doc_of(table.concat(parts, " ") .. "\""))
check(chain[#chain].speaker ~= nil, "the last of 400 chained quotations has the speaker")

-- spans: marks included, inner text without them
local d = doc_of("He said: \"We won. We always do.\" Then he left.")
local q = quotes.all(d)[1]
check_eq(d.body:sub(q.start + 1, q.stop), "\"We won. We always do.\"", "span includes the marks")
check_eq(d.body:sub(q.inner.start + 1, q.inner.stop), "We won. We always do.", "inner span")
check_eq(q.words, 5, "word count")
check(q.sentence ~= q.last, "a quotation over two sentences")
check_eq(#quotes.in_sentence(d:sentences()[2]), 1, "in_sentence: the second sentence holds it too")
check_eq(quotes.at(d, q.start + 3), q, "at: inside")
check_eq(quotes.at(d, 0), nil, "at: outside")

-- curly quotes
local curly = quotes.all(doc_of("\u{201C}Nothing has been signed,\u{201D} one source said."))[1]
check_eq(curly and curly.text, "Nothing has been signed,", "curly marks")
check_eq(curly and curly.how, "sentence", "curly: the speaker")

-- news style: consecutive quotations, each opening with a mark
local news = doc_of("Henman said: \"Alex is a quality player. \"He's got to be stronger, and he knows it.\"")
local nl = quotes.all(news)
check_eq(#nl, 2, "an opening mark ends the open quotation")
check(nl[1].open_ended and nl[2].continued, "open-ended, then continued")
check_eq(nl[2].how, "sentence", "the continued quotation keeps a speaker")

-- a long quotation over two paragraphs
local long = doc_of("Ambassador Ilan Teodorov said: \"Kestria has spent years spreading rumours.\n\n\"It will not succeed, and our partnership will grow.\"")
local ll = quotes.all(long)
check_eq(#ll, 2, "two paragraphs, two quotations")
check(ll[1].open_ended, "the first runs to the end of its paragraph")
check(ll[2].continued and quotes.attributed(ll[2]), "the second continues it, with its speaker")

-- memoised per article; speakers are resolved on demand
local m = doc_of("\"Yes,\" she said.")
check_eq(quotes.all(m), quotes.all(m), "the same list for the same doc")
check(m.cache["spindle.quotes"] ~= nil, "kept in doc.cache")
check_eq(quotes.all(m)[1].speaker.verb, "said", "speaker: the sources attribution")

-- a label added by a rule file
quotes.lexicon.labels:add("hashtag campaign")
check(quotes.lexicon.labels:has("hashtag campaign"), "labels can be extended")
