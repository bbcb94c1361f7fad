/*
 * test_text.c — unit tests of the text model (runtime/text.c): a table of
 * sentence-splitter cases (synthetic ones for each rule and real sentences
 * from the BBC corpus), then paragraphs, quotation spans, line:column
 * mapping, lookups, awkward bodies, and a run over the whole BBC corpus
 * checking the model's invariants (skipped when the corpus is absent).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text.h"

#define MAX_SENTENCES 12

/* One splitter case: a body, the sentences it must give (NULL-terminated),
 * and optionally their quotation flags, one character per sentence:
 * 'Q' quoted (wholly inside one quotation), 'h' has_quote only, '.' none. */
typedef struct split_case {
    const char *body;
    const char *sentences[MAX_SENTENCES + 1];
    const char *flags;
} split_case;

static const split_case SPLIT_CASES[] = {
    /* ---- plain punctuation ---- */
    { "One sentence.", { "One sentence." }, "." },
    { "First. Second! Third? Fourth",
      { "First.", "Second!", "Third?", "Fourth" }, NULL },
    { "No terminal punctuation at all", { "No terminal punctuation at all" }, NULL },
    { "  Leading and trailing space.   ", { "Leading and trailing space." }, NULL },
    { "A stop before lower case. and so it goes on.",
      { "A stop before lower case. and so it goes on." }, NULL },
    { "Tabs count as space.\tNext one.", { "Tabs count as space.", "Next one." }, NULL },
    { "Wait!! What?! Really?!", { "Wait!!", "What?!", "Really?!" }, NULL },
    { "It was sunny.The next day too.", { "It was sunny.The next day too." }, NULL },
    { "Visit bbc.co.uk for more. It is free.",
      { "Visit bbc.co.uk for more.", "It is free." }, NULL },
    /* ---- abbreviations ---- */
    { "Mr. Smith met Dr. Jones. They talked.",
      { "Mr. Smith met Dr. Jones.", "They talked." }, NULL },
    { "Mrs. Brown and Ms. Green left. Prof. White stayed.",
      { "Mrs. Brown and Ms. Green left.", "Prof. White stayed." }, NULL },
    { "The U.S. economy grew. The U.K. did not.",
      { "The U.S. economy grew.", "The U.K. did not." }, NULL },
    { "He lives in the U.S. He works in Canada.",
      { "He lives in the U.S.", "He works in Canada." }, NULL },
    { "U.S. President George Bush spoke.", { "U.S. President George Bush spoke." }, NULL },
    { "Some firms, e.g. Apple and Google, grew. Others did not.",
      { "Some firms, e.g. Apple and Google, grew.", "Others did not." }, NULL },
    { "Fruit, i.e. Apples, sold well.", { "Fruit, i.e. Apples, sold well." }, NULL },
    { "The fee is Rs. 500 crore. It was paid.",
      { "The fee is Rs. 500 crore.", "It was paid." }, NULL },
    { "He lives at No. 10 Downing Street. It is old.",
      { "He lives at No. 10 Downing Street.", "It is old." }, NULL },
    { "It opened on Jan. 5 and closed on Feb. 20. Sales were poor.",
      { "It opened on Jan. 5 and closed on Feb. 20.", "Sales were poor." }, NULL },
    { "Apple Inc. Chief Executive Tim Cook spoke. Acme Corp. Ltd. fell.",
      { "Apple Inc. Chief Executive Tim Cook spoke.", "Acme Corp. Ltd. fell." }, NULL },
    { "The deal was done by Acme Inc. The shares rose.",
      { "The deal was done by Acme Inc.", "The shares rose." }, NULL },
    { "St. Louis is a city. He lives on Baker St. It is busy.",
      { "St. Louis is a city.", "He lives on Baker St.", "It is busy." }, NULL },
    { "Arsenal vs. Chelsea ended 2-1. Fans were happy.",
      { "Arsenal vs. Chelsea ended 2-1.", "Fans were happy." }, NULL },
    { "Apples, pears, etc. are fruits. Nuts, seeds, etc. Those are not.",
      { "Apples, pears, etc. are fruits.", "Nuts, seeds, etc.", "Those are not." }, NULL },
    { "It starts at 9 a.m. The doors open at 8 a.m. sharp.",
      { "It starts at 9 a.m.", "The doors open at 8 a.m. sharp." }, NULL },
    /* ---- decimals and amounts ---- */
    { "Profits rose 3.5% to $2.5bn. Sales hit 1.2m units.",
      { "Profits rose 3.5% to $2.5bn.", "Sales hit 1.2m units." }, NULL },
    { "It was worth $1.13bn (\xC2\xA3" "600m). Shares rose 2.1p. Version 2.0.1 shipped.",
      { "It was worth $1.13bn (\xC2\xA3" "600m).", "Shares rose 2.1p.",
        "Version 2.0.1 shipped." }, NULL },
    { "Turnover fell in 2004. 2005 was better.",
      { "Turnover fell in 2004.", "2005 was better." }, NULL },
    /* ---- initials ---- */
    { "J. K. Rowling wrote it. She is rich.",
      { "J. K. Rowling wrote it.", "She is rich." }, NULL },
    { "President George W. Bush said so. He left.",
      { "President George W. Bush said so.", "He left." }, NULL },
    { "They fell back on Plan B. The team lost.",
      { "They fell back on Plan B.", "The team lost." }, NULL },
    /* ---- quotations ---- */
    { "\"We will win. We always do,\" he said.",
      { "\"We will win.", "We always do,\" he said." }, "Qh" },
    { "\"We won,\" he said. Then he left.",
      { "\"We won,\" he said.", "Then he left." }, "h." },
    { "He said: \"We won.\" Then he left.",
      { "He said: \"We won.\"", "Then he left." }, "h." },
    { "\"Why?\" he asked. \"Because,\" she said.",
      { "\"Why?\" he asked.", "\"Because,\" she said." }, "hh" },
    { "\"Stop!\" He ran.", { "\"Stop!\"", "He ran." }, "Q." },
    { "\xE2\x80\x9CWe will win.\xE2\x80\x9D They did.",
      { "\xE2\x80\x9CWe will win.\xE2\x80\x9D", "They did." }, "Q." },
    { "She said \xE2\x80\x9Cyes, of course,\xE2\x80\x9D and left.",
      { "She said \xE2\x80\x9Cyes, of course,\xE2\x80\x9D and left." }, "h" },
    { "He said \"we will win. And we did.",
      { "He said \"we will win.", "And we did." }, "hQ" },
    { "He bought a 12\" pizza. It was \"big\" indeed.",
      { "He bought a 12\" pizza.", "It was \"big\" indeed." }, ".h" },
    { "'We won.' Then he left.", { "'We won.'", "Then he left." }, ".." },
    { "Er sagte \xE2\x80\x9EWir siegen.\xE2\x80\x9C Dann ging er.",
      { "Er sagte \xE2\x80\x9EWir siegen.\xE2\x80\x9C", "Dann ging er." }, "h." },
    /* ---- ellipses ---- */
    { "He paused... and then spoke. It was late.",
      { "He paused... and then spoke.", "It was late." }, NULL },
    { "He paused... Then he spoke.", { "He paused...", "Then he spoke." }, NULL },
    { "He paused\xE2\x80\xA6 and then spoke. It was late.",
      { "He paused\xE2\x80\xA6 and then spoke.", "It was late." }, NULL },
    { "He paused\xE2\x80\xA6 Then he spoke.",
      { "He paused\xE2\x80\xA6", "Then he spoke." }, NULL },
    { "... and so it began. Nobody knew.",
      { "... and so it began.", "Nobody knew." }, NULL },
    /* ---- closing brackets ---- */
    { "It rose (by 5%.) Then it fell.", { "It rose (by 5%.)", "Then it fell." }, NULL },
    { "He won (again!). Fans cheered.", { "He won (again!).", "Fans cheered." }, NULL },
    /* ---- headline lines and lists ---- */
    { "Ad sales boost Time Warner profit\nQuarterly profits rose 76%.",
      { "Ad sales boost Time Warner profit", "Quarterly profits rose 76%." }, NULL },
    { "Key points\n- Sales rose\n- Costs fell",
      { "Key points", "- Sales rose", "- Costs fell" }, NULL },
    { "A line that wraps\nonto the next line.", { "A line that wraps\nonto the next line." }, NULL },
    { "Prices, costs,\nTaxes and fees rose.", { "Prices, costs,\nTaxes and fees rose." }, NULL },
    { "Numbered list:\n1. First item\n2. Second item",
      { "Numbered list:", "1. First item", "2. Second item" }, NULL },
    { "BLAIR SAYS SORRY\n\"I was wrong,\" he said.",
      { "BLAIR SAYS SORRY", "\"I was wrong,\" he said." }, ".h" },
    { "Dr.\nJones will see you.", { "Dr.\nJones will see you." }, NULL },
    /* ---- other scripts, odd bytes ---- */
    { "\xC3\x87" "a va. \xC3\x89lan vital. \xC3\xBC" "ber alles.",
      { "\xC3\x87" "a va.", "\xC3\x89lan vital. \xC3\xBC" "ber alles." }, NULL },
    { "\xD0\xA6\xD0\xB5\xD0\xBD\xD1\x8B \xD0\xB2\xD1\x8B\xD1\x80\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB8. "
      "\xD0\xA0\xD1\x8B\xD0\xBD\xD0\xBE\xD0\xBA \xD1\x83\xD0\xBF\xD0\xB0\xD0\xBB.",
      { "\xD0\xA6\xD0\xB5\xD0\xBD\xD1\x8B \xD0\xB2\xD1\x8B\xD1\x80\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB8.",
        "\xD0\xA0\xD1\x8B\xD0\xBD\xD0\xBE\xD0\xBA \xD1\x83\xD0\xBF\xD0\xB0\xD0\xBB." }, NULL },
    { "\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82\xE6\x98\x8E\xE5\xA4\xA9\xE6\x99\xB4\xE3\x80\x82",
      { "\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82",
        "\xE6\x98\x8E\xE5\xA4\xA9\xE6\x99\xB4\xE3\x80\x82" }, NULL },
    { "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\x8F\xE0\xA4\x95 \xE0\xA5\xA4 \xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\xA6\xE0\xA5\x8B\xE0\xA5\xA4",
      { "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\x8F\xE0\xA4\x95 \xE0\xA5\xA4",
        "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\xA6\xE0\xA5\x8B\xE0\xA5\xA4" }, NULL },
    { "First.\xC2\xA0Second.\xC2\xA0", { "First.", "Second." }, NULL },
    { "Costs \xA3" "15.8m. Next.", { "Costs \xA3" "15.8m.", "Next." }, NULL },
    { "In the US. .", { "In the US. ." }, NULL },

    /* ---- real text from the BBC corpus (../shared/corpora/bbc) ---- */
    { "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn "
      "(\xC2\xA3" "600m) for the three months to December, from $639m year-earlier.",
      { "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn "
        "(\xC2\xA3" "600m) for the three months to December, from $639m year-earlier." }, NULL },
    { "The firm, which is now one of the biggest investors in Google, benefited from "
      "sales of high-speed internet connections and higher advert sales. TimeWarner "
      "said fourth quarter sales rose 2% to $11.1bn from $10.9bn. Its profits were "
      "buoyed by one-off gains which offset a profit dip at Warner Bros, and less "
      "users for AOL.",
      { "The firm, which is now one of the biggest investors in Google, benefited from "
        "sales of high-speed internet connections and higher advert sales.",
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.",
        "Its profits were buoyed by one-off gains which offset a profit dip at Warner "
        "Bros, and less users for AOL." }, NULL },
    { "For the full-year, TimeWarner posted a profit of $3.36bn, up 27% from its 2003 "
      "performance, while revenues grew 6.4% to $42.09bn. \"Our financial performance "
      "was strong, meeting or exceeding all of our full-year objectives and greatly "
      "enhancing our flexibility,\" chairman and chief executive Richard Parsons said. "
      "For 2005, TimeWarner is projecting operating earnings growth of around 5%, and "
      "also expects higher revenue and wider profit margins.",
      { "For the full-year, TimeWarner posted a profit of $3.36bn, up 27% from its 2003 "
        "performance, while revenues grew 6.4% to $42.09bn.",
        "\"Our financial performance was strong, meeting or exceeding all of our "
        "full-year objectives and greatly enhancing our flexibility,\" chairman and "
        "chief executive Richard Parsons said.",
        "For 2005, TimeWarner is projecting operating earnings growth of around 5%, and "
        "also expects higher revenue and wider profit margins." }, ".h." },
    { "Chelsea's statement added: \"This applies to both performance-enhancing drugs "
      "or so-called 'recreational' drugs. They have no place at our club or in sport. "
      "\"In coming to a decision on this case, Chelsea believed the club's social "
      "responsibility to its fans was more important. \"Any player who takes drugs "
      "breaches his contract with the club as well as Football Association rules. "
      "\"The club totally supports the FA in strong action on all drugs cases.\"",
      { "Chelsea's statement added: \"This applies to both performance-enhancing drugs "
        "or so-called 'recreational' drugs.",
        "They have no place at our club or in sport.",
        "\"In coming to a decision on this case, Chelsea believed the club's social "
        "responsibility to its fans was more important.",
        "\"Any player who takes drugs breaches his contract with the club as well as "
        "Football Association rules.",
        "\"The club totally supports the FA in strong action on all drugs cases.\"" },
      "hQQQQ" },
    { "A statement from Chelsea explaining the decision read:\"We want to make clear "
      "that Chelsea has a zero tolerance policy towards drugs.\" Mutu scored six goals.",
      { "A statement from Chelsea explaining the decision read:\"We want to make clear "
        "that Chelsea has a zero tolerance policy towards drugs.\"",
        "Mutu scored six goals." }, "h." },
    { "Mr Boyd said the destruction of DOD was a great coup but he added: \"I'm not "
      "going to sit here and say we have sorted the problem. There are still hackers "
      "and people who do this for fun. \"Internet piracy of computer software remains "
      "a gigantic problem.\" A spokesman for the Business Software Alliance said: "
      "\"DOD members claim they did not profit at all. But they did profit by getting "
      "access to very expensive servers.\"",
      { "Mr Boyd said the destruction of DOD was a great coup but he added: \"I'm not "
        "going to sit here and say we have sorted the problem.",
        "There are still hackers and people who do this for fun.",
        "\"Internet piracy of computer software remains a gigantic problem.\"",
        "A spokesman for the Business Software Alliance said: \"DOD members claim they "
        "did not profit at all.",
        "But they did profit by getting access to very expensive servers.\"" },
      "hQQhQ" },
    { "Asked if he would stand for the leadership again, Mr Hague replied: \"No. "
      "Definitely not.\" His determination to stay away from a central role will "
      "disappoint some senior Conservative members.",
      { "Asked if he would stand for the leadership again, Mr Hague replied: \"No.",
        "Definitely not.\"",
        "His determination to stay away from a central role will disappoint some "
        "senior Conservative members." }, "hQ." },
    { "Xbox frontman J. Allard said the console looked set to be capable of one "
      "trillion calculations per second. Also all titles for the new Xbox will have "
      "the same interface.",
      { "Xbox frontman J. Allard said the console looked set to be capable of one "
        "trillion calculations per second.",
        "Also all titles for the new Xbox will have the same interface." }, NULL },
    { "\"We think free DTT could put brakes on the underlying growth of pay-TV in "
      "France,\" said Henri de Bodinat, vice-president of the Arthur D. Little "
      "consultancy.",
      { "\"We think free DTT could put brakes on the underlying growth of pay-TV in "
        "France,\" said Henri de Bodinat, vice-president of the Arthur D. Little "
        "consultancy." }, "h" },
    { "\"In this particular geography getting permission to dig the ground and lay the "
      "pipes is a bit of a task,\" said Mr R. Sridharan, vice president of networks "
      "at Tata. \"Heavy traffic and the layout under the ground mean that digging is "
      "uniquely difficult,\" he said.",
      { "\"In this particular geography getting permission to dig the ground and lay "
        "the pipes is a bit of a task,\" said Mr R. Sridharan, vice president of "
        "networks at Tata.",
        "\"Heavy traffic and the layout under the ground mean that digging is uniquely "
        "difficult,\" he said." }, "hh" },
    { "Its comments came after the industry minister of India's Andhra Pradesh state "
      "said a team of VW officials were due to visit to discuss the plans. "
      "B. Satyanarayana said he expected VW to co-sign a memorandum of agreement.",
      { "Its comments came after the industry minister of India's Andhra Pradesh state "
        "said a team of VW officials were due to visit to discuss the plans.",
        "B. Satyanarayana said he expected VW to co-sign a memorandum of agreement." }, NULL },
    { "In this overly 'politically correct' society, it is good to see someone like "
      "Mr. Forsyth speak out. I do not usually agree with Mr. Forsyth, but he is spot "
      "on here.",
      { "In this overly 'politically correct' society, it is good to see someone like "
        "Mr. Forsyth speak out.",
        "I do not usually agree with Mr. Forsyth, but he is spot on here." }, NULL },
    { "Japan's Nippon Steel slid after it agreed to pay 72% more for iron ore. China's "
      "Baoshan Iron and Steel Co. said it was delaying a share sale because of weak "
      "market conditions.",
      { "Japan's Nippon Steel slid after it agreed to pay 72% more for iron ore.",
        "China's Baoshan Iron and Steel Co. said it was delaying a share sale because "
        "of weak market conditions." }, NULL },
    { "The same can be said of modern day pop bands who release other peoples "
      "material, Will Young etc. The sad fact is nostalgia sells big bucks in the "
      "short-term.",
      { "The same can be said of modern day pop bands who release other peoples "
        "material, Will Young etc.",
        "The sad fact is nostalgia sells big bucks in the short-term." }, NULL },
    { "Rather than expecting the government - i.e. the taxpayer - to fork out, why "
      "don't some of the megastars put something back in? Some of Britain's wealthiest "
      "people are musicians who have raked it in from albums, concerts etc.",
      { "Rather than expecting the government - i.e. the taxpayer - to fork out, why "
        "don't some of the megastars put something back in?",
        "Some of Britain's wealthiest people are musicians who have raked it in from "
        "albums, concerts etc." }, NULL },
    { "\"Many big brands have leveraged the opportunity, including perhaps two of the "
      "biggest brands in the world - Senator John Kerry and President George W. Bush,\" "
      "said chief executive Sam Yagan. There are some distinct advantages of "
      "advertising on such a network, he thinks.",
      { "\"Many big brands have leveraged the opportunity, including perhaps two of the "
        "biggest brands in the world - Senator John Kerry and President George W. "
        "Bush,\" said chief executive Sam Yagan.",
        "There are some distinct advantages of advertising on such a network, he "
        "thinks." }, "h." },
    { "In a statement, Dr John E. Kelly, IBM senior vice president, Technology and "
      "Intellectual Property, said: \"True innovation leadership is about more than "
      "just the numbers of patents granted. It's about innovating to benefit "
      "customers, partners and society.",
      { "In a statement, Dr John E. Kelly, IBM senior vice president, Technology and "
        "Intellectual Property, said: \"True innovation leadership is about more than "
        "just the numbers of patents granted.",
        "It's about innovating to benefit customers, partners and society." }, "hQ" },
    { "He started out as a singer and songwriter before going into music management, "
      "looking after country star Hank Williams Jr. He wrote Ring of Fire with June "
      "Carter Cash.",
      { "He started out as a singer and songwriter before going into music management, "
        "looking after country star Hank Williams Jr.",
        "He wrote Ring of Fire with June Carter Cash." }, NULL },
    { "The World War I romantic drama starring Audrey Tautou, was recently ruled \"too "
      "American\" by a Paris court as it was partially backed by Warner Bros. But the "
      "Cesar organisers modified their rules to allow the film to compete.",
      { "The World War I romantic drama starring Audrey Tautou, was recently ruled "
        "\"too American\" by a Paris court as it was partially backed by Warner Bros.",
        "But the Cesar organisers modified their rules to allow the film to compete." },
      "h." },
    { "Contestants Paul Burrell, Joe Pasquale, Janet Street-Porter and Fran Cosgrave "
      "were told by hosts Ant and Dec. Natalie Appleton's decision to quit the show "
      "last Monday had given them all a stay of execution, the group were told.",
      { "Contestants Paul Burrell, Joe Pasquale, Janet Street-Porter and Fran Cosgrave "
        "were told by hosts Ant and Dec.",
        "Natalie Appleton's decision to quit the show last Monday had given them all "
        "a stay of execution, the group were told." }, NULL },
    { "Wales' most recent championship title was in 1994, and their last Grand Slam "
      "success came in 1978 in the era of Gareth Edwards, Phil Bennett, JPR Williams "
      "et al.",
      { "Wales' most recent championship title was in 1994, and their last Grand Slam "
        "success came in 1978 in the era of Gareth Edwards, Phil Bennett, JPR Williams "
        "et al." }, NULL },
    { "The government had claimed tobacco firms\n\n\n"
      " - manipulated nicotine levels to increase addiction \n"
      " - targeted teenagers with multi-billion dollar advertising campaigns \n"
      " - lied about the dangers of smoking and ignored research to the contrary. \n",
      { "The government had claimed tobacco firms",
        "- manipulated nicotine levels to increase addiction",
        "- targeted teenagers with multi-billion dollar advertising campaigns",
        "- lied about the dangers of smoking and ignored research to the contrary." }, NULL },
    { "As part of cost-cutting measures, some 100 employees were fired. \"When the "
      "news about the \xC2\xA3" "6m loss came out, we knew there were going to be "
      "redundancies,\" said Jason Parkinson, one of the game developers sacked by "
      "Argonaut. \"A lot of people suspected that Argonaut had been in trouble for "
      "some time,\" he told BBC News Online.",
      { "As part of cost-cutting measures, some 100 employees were fired.",
        "\"When the news about the \xC2\xA3" "6m loss came out, we knew there were "
        "going to be redundancies,\" said Jason Parkinson, one of the game developers "
        "sacked by Argonaut.",
        "\"A lot of people suspected that Argonaut had been in trouble for some "
        "time,\" he told BBC News Online." }, ".hh" },
    { "Lagat settled for silver behind El Guerrouj in Athens and was almost four "
      "seconds short of the Moroccan's world best, clocking 3:35.27 in Birmingham.",
      { "Lagat settled for silver behind El Guerrouj in Athens and was almost four "
        "seconds short of the Moroccan's world best, clocking 3:35.27 in Birmingham." }, NULL },
    { "Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu after he failed a drugs "
      "test.\n\nThe 25-year-old tested positive for a banned substance - which he later "
      "denied was cocaine - in October.",
      { "Chelsea sack Mutu",
        "Chelsea have sacked Adrian Mutu after he failed a drugs test.",
        "The 25-year-old tested positive for a banned substance - which he later "
        "denied was cocaine - in October." }, NULL },
    { "He said DOD and other warez groups were fostering a \"culture of piracy\" on "
      "the internet. \"It may seem like a victimless crime but it touches more people "
      "than you might care to believe.\"",
      { "He said DOD and other warez groups were fostering a \"culture of piracy\" on "
        "the internet.",
        "\"It may seem like a victimless crime but it touches more people than you "
        "might care to believe.\"" }, "hQ" },
};

/* Copies body[start, end) into a static buffer, for CHECK_STR. */
static const char *span_text(const char *body, size_t start, size_t end)
{
    static char text[4096];
    size_t n = end - start;
    if (n >= sizeof text) n = sizeof text - 1;
    memcpy(text, body + start, n);
    text[n] = '\0';
    return text;
}

static void test_split_table(void)
{
    size_t n_cases = sizeof SPLIT_CASES / sizeof SPLIT_CASES[0];
    CHECK(n_cases >= 60);
    for (size_t c = 0; c < n_cases; c++) {
        const split_case *sc = &SPLIT_CASES[c];
        text_model m;
        text_model_build(&m, sc->body, strlen(sc->body));
        size_t want = 0;
        while (sc->sentences[want]) want++;
        CHECK_MSG(m.n_sentences == want, "case %zu: %zu sentences, want %zu: %s",
                  c, m.n_sentences, want, sc->body);
        for (size_t k = 0; k < m.n_sentences && k < want; k++) {
            const text_sentence *s = &m.sentences[k];
            const char *got = span_text(sc->body, s->start, s->end);
            CHECK_MSG(strcmp(got, sc->sentences[k]) == 0,
                      "case %zu sentence %zu:\n  got:  %s\n  want: %s",
                      c, k, got, sc->sentences[k]);
            if (sc->flags && k < strlen(sc->flags)) {
                char flag = s->quoted ? 'Q' : s->has_quote ? 'h' : '.';
                CHECK_MSG(flag == sc->flags[k], "case %zu sentence %zu: flag %c, want %c",
                          c, k, flag, sc->flags[k]);
                if (s->quoted) CHECK(s->has_quote);
            }
        }
        text_model_free(&m);
    }
}

static void test_paragraphs(void)
{
    const char *body = "Headline here\n\n  First para. Two sentences.  \n"
                       " \t \n\n\nSecond para\nwith a wrapped line.\n\n";
    text_model m;
    text_model_build(&m, body, strlen(body));
    CHECK_INT(m.n_paragraphs, 3);
    CHECK_STR(span_text(body, m.paragraphs[0].start, m.paragraphs[0].end), "Headline here");
    CHECK_STR(span_text(body, m.paragraphs[1].start, m.paragraphs[1].end),
              "First para. Two sentences.");
    CHECK_STR(span_text(body, m.paragraphs[2].start, m.paragraphs[2].end),
              "Second para\nwith a wrapped line.");
    CHECK_INT(m.n_sentences, 4);
    CHECK_INT(m.paragraphs[0].first_sentence, 0);
    CHECK_INT(m.paragraphs[0].n_sentences, 1);
    CHECK_INT(m.paragraphs[1].first_sentence, 1);
    CHECK_INT(m.paragraphs[1].n_sentences, 2);
    CHECK_INT(m.paragraphs[2].first_sentence, 3);
    CHECK_INT(m.paragraphs[2].n_sentences, 1);
    CHECK_INT(m.sentences[0].paragraph, 0);
    CHECK_INT(m.sentences[2].paragraph, 1);
    CHECK_INT(m.sentences[3].paragraph, 2);
    text_model_free(&m);

    /* a quotation never runs past its paragraph, nor does a sentence */
    body = "He said \"we will\n\nwin. Again.\"";
    text_model_build(&m, body, strlen(body));
    CHECK_INT(m.n_paragraphs, 2);
    CHECK_INT(m.n_sentences, 3);
    CHECK_STR(span_text(body, m.sentences[0].start, m.sentences[0].end),
              "He said \"we will");
    CHECK_INT(m.n_quotes, 1);
    CHECK_STR(span_text(body, m.quotes[0].start, m.quotes[0].end), "\"we will");
    text_model_free(&m);
}

/* The quotation spans of body, joined with " | ". */
static const char *quotes_of(const char *body)
{
    static char joined[1024];
    text_model m;
    text_model_build(&m, body, strlen(body));
    joined[0] = '\0';
    for (size_t q = 0; q < m.n_quotes; q++) {
        if (q) strcat(joined, " | ");
        strcat(joined, span_text(body, m.quotes[q].start, m.quotes[q].end));
    }
    text_model_free(&m);
    return joined;
}

static void test_quote_spans(void)
{
    CHECK_STR(quotes_of("He said \"yes\" and \"no\"."), "\"yes\" | \"no\"");
    CHECK_STR(quotes_of("\"We won. Easily,\" he said."), "\"We won. Easily,\"");
    /* an unmatched opening mark runs to the end of the paragraph */
    CHECK_STR(quotes_of("He said \"we will win.\n\nNext."), "\"we will win.");
    /* a new opening mark ends the open quotation (run-together paragraphs) */
    CHECK_STR(quotes_of("Added: \"One. \"Two. \"Three.\" Done."),
              "\"One. | \"Two. | \"Three.\"");
    /* a closing-shaped mark with nothing open is not a quotation */
    CHECK_STR(quotes_of("A 12\" pizza, a \"deal\"."), "\"deal\"");
    CHECK_STR(quotes_of("read:\"We want it.\" Then"), "\"We want it.\"");
    CHECK_STR(quotes_of("\xE2\x80\x9C" "Curly,\xE2\x80\x9D she said."),
              "\xE2\x80\x9C" "Curly,\xE2\x80\x9D");
    CHECK_STR(quotes_of("\xE2\x80\x9EJa\xE2\x80\x9C, sagte er."),
              "\xE2\x80\x9EJa\xE2\x80\x9C");
    CHECK_STR(quotes_of("It's John's 'idea'."), "");
    CHECK_STR(quotes_of("\"\""), "\"\"");

    const char *body = "He said \"yes\" twice.";
    text_model m;
    text_model_build(&m, body, strlen(body));
    CHECK(!text_in_quote(&m, 0));
    CHECK(!text_in_quote(&m, 7));
    CHECK(text_in_quote(&m, 8));     /* the opening mark */
    CHECK(text_in_quote(&m, 10));
    CHECK(text_in_quote(&m, 12));    /* the closing mark */
    CHECK(!text_in_quote(&m, 13));
    CHECK(!text_in_quote(&m, 1000));
    text_model_free(&m);
}

static void test_positions(void)
{
    /* h é l l o \n w ö r l d   ü n d \n € u r o */
    const char *body = "h\xC3\xA9llo\nw\xC3\xB6rld \xC3\xBCnd\n\xE2\x82\xAC" "uro";
    text_model m;
    text_model_build(&m, body, strlen(body));
    int line = 0, col = 0;
    CHECK_INT(m.n_lines, 3);
    text_position(&m, 0, &line, &col);
    CHECK_INT(line, 1); CHECK_INT(col, 1);
    text_position(&m, 3, &line, &col);             /* the first 'l', after é */
    CHECK_INT(line, 1); CHECK_INT(col, 3);
    text_position(&m, 6, &line, &col);             /* the newline */
    CHECK_INT(line, 1); CHECK_INT(col, 6);
    text_position(&m, 7, &line, &col);             /* 'w' */
    CHECK_INT(line, 2); CHECK_INT(col, 1);
    size_t u_umlaut = (size_t)(strstr(body, "\xC3\xBCnd") - body);
    text_position(&m, u_umlaut, &line, &col);
    CHECK_INT(line, 2); CHECK_INT(col, 7);
    size_t after_euro = (size_t)(strstr(body, "uro") - body);
    text_position(&m, after_euro, &line, &col);
    CHECK_INT(line, 3); CHECK_INT(col, 2);
    text_position(&m, strlen(body), &line, &col);  /* the end */
    CHECK_INT(line, 3); CHECK_INT(col, 5);
    text_position(&m, 9999, &line, &col);          /* clamped to the end */
    CHECK_INT(line, 3); CHECK_INT(col, 5);
    text_model_free(&m);

    /* CRLF: the CR is the last character of its line */
    body = "ab\r\ncd";
    text_model_build(&m, body, strlen(body));
    CHECK_INT(m.n_lines, 2);
    text_position(&m, 2, &line, &col);
    CHECK_INT(line, 1); CHECK_INT(col, 3);
    text_position(&m, 4, &line, &col);
    CHECK_INT(line, 2); CHECK_INT(col, 1);
    text_model_free(&m);

    /* a final newline starts an empty last line */
    body = "One.\n";
    text_model_build(&m, body, strlen(body));
    CHECK_INT(m.n_lines, 2);
    text_position(&m, 5, &line, &col);
    CHECK_INT(line, 2); CHECK_INT(col, 1);
    text_model_free(&m);
}

static void test_sentence_at(void)
{
    const char *body = "First one.  Second one.\n\nThird.";
    text_model m;
    text_model_build(&m, body, strlen(body));
    CHECK_INT(m.n_sentences, 3);
    CHECK_INT(text_sentence_at(&m, 0), 0);
    CHECK_INT(text_sentence_at(&m, 9), 0);         /* the full stop */
    CHECK_INT(text_sentence_at(&m, 10), 1);        /* space: the next one */
    CHECK_INT(text_sentence_at(&m, 12), 1);
    CHECK_INT(text_sentence_at(&m, 22), 1);
    CHECK_INT(text_sentence_at(&m, 23), 2);        /* the blank line */
    CHECK_INT(text_sentence_at(&m, 30), 2);
    CHECK_INT(text_sentence_at(&m, 31), (size_t)-1);
    CHECK_INT(text_sentence_at(&m, 5000), (size_t)-1);
    text_model_free(&m);

    text_model_build(&m, "", 0);
    CHECK_INT(text_sentence_at(&m, 0), (size_t)-1);
    text_model_free(&m);
}

static void test_awkward_bodies(void)
{
    text_model m;
    const char *blanks[] = { "", " ", "\n", "\n\n\n", "  \t\r\n \r\n", "\xC2\xA0\n" };
    for (size_t k = 0; k < sizeof blanks / sizeof blanks[0]; k++) {
        text_model_build(&m, blanks[k], strlen(blanks[k]));
        CHECK_INT(m.n_sentences, 0);
        CHECK_INT(m.n_paragraphs, 0);
        CHECK_INT(m.n_quotes, 0);
        CHECK(m.n_lines >= 1);
        text_model_free(&m);
    }
    text_model_build(&m, NULL, 0);
    CHECK_INT(m.n_sentences, 0);
    int line = 0, col = 0;
    text_position(&m, 0, &line, &col);
    CHECK_INT(line, 1); CHECK_INT(col, 1);
    CHECK(!text_in_quote(&m, 0));
    text_model_free(&m);
    text_model_free(&m);                            /* safe twice */
    CHECK(m.sentences == NULL && m.n_sentences == 0 && m.line_starts == NULL);

    /* CRLF line endings: CRs are whitespace, blank CRLF lines split paragraphs */
    const char *crlf = "Title line\r\n\r\nFirst one. Second\r\none.\r\nThird.\r\n";
    text_model_build(&m, crlf, strlen(crlf));
    CHECK_INT(m.n_paragraphs, 2);
    CHECK_INT(m.n_sentences, 4);
    if (m.n_sentences == 4) {
        CHECK_STR(span_text(crlf, m.sentences[0].start, m.sentences[0].end), "Title line");
        CHECK_STR(span_text(crlf, m.sentences[2].start, m.sentences[2].end),
                  "Second\r\none.");
        CHECK_STR(span_text(crlf, m.sentences[3].start, m.sentences[3].end), "Third.");
    }
    CHECK_INT(m.n_lines, 6);
    text_model_free(&m);

    /* no trailing newline: the last sentence runs to the last byte */
    const char *bare = "Ends here. No newline";
    text_model_build(&m, bare, strlen(bare));
    CHECK_INT(m.n_sentences, 2);
    if (m.n_sentences == 2) CHECK_INT(m.sentences[1].end, strlen(bare));
    CHECK_INT(m.n_lines, 1);
    text_model_free(&m);

    /* a body of punctuation only still gives one sentence, in bounds */
    const char *dots = ". . . ? ! \" \xE2\x80\x9D";
    text_model_build(&m, dots, strlen(dots));
    CHECK_INT(m.n_sentences, 1);
    text_model_free(&m);

    /* truncated multibyte sequences at the end do not read past the body */
    const char truncated[] = { 'O', 'k', '.', ' ', 'A', ' ', (char)0xE2, (char)0x80 };
    text_model_build(&m, truncated, sizeof truncated);
    CHECK_INT(m.n_sentences, 2);
    text_model_free(&m);

    /* a NUL byte inside the body is just a byte */
    const char with_nul[] = "One.\0 Two. Three.";
    text_model_build(&m, with_nul, sizeof with_nul - 1);
    CHECK(m.n_sentences >= 2);
    text_model_free(&m);
}

/* ---- the corpus run ---- */

static bool byte_is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Checks the model's invariants on body; returns NULL or what is wrong. */
static const char *model_violation(const text_model *m, const char *body, size_t len)
{
    if (m->n_lines == 0 || m->line_starts[0] != 0) return "no first line";
    size_t newlines = 0;
    for (size_t i = 0; i < len; i++) newlines += body[i] == '\n';
    if (m->n_lines != newlines + 1) return "line count";
    for (size_t l = 1; l < m->n_lines; l++)
        if (m->line_starts[l] <= m->line_starts[l - 1] || body[m->line_starts[l] - 1] != '\n')
            return "line starts";
    size_t prev_end = 0, sentence = 0;
    for (size_t p = 0; p < m->n_paragraphs; p++) {
        const text_paragraph *para = &m->paragraphs[p];
        if (para->start >= para->end || para->end > len) return "paragraph bounds";
        if (p > 0 && para->start <= m->paragraphs[p - 1].end) return "paragraph order";
        if (byte_is_space((unsigned char)body[para->start]) ||
            byte_is_space((unsigned char)body[para->end - 1])) return "paragraph not trimmed";
        if (para->first_sentence != sentence || para->n_sentences == 0)
            return "paragraph sentences";
        sentence += para->n_sentences;
    }
    if (sentence != m->n_sentences) return "sentence count";
    for (size_t k = 0; k < m->n_sentences; k++) {
        const text_sentence *s = &m->sentences[k];
        if (s->start >= s->end || s->end > len) return "sentence bounds";
        if (k > 0 && s->start < prev_end) return "sentence overlap";
        prev_end = s->end;
        if (byte_is_space((unsigned char)body[s->start]) ||
            byte_is_space((unsigned char)body[s->end - 1])) return "sentence not trimmed";
        if (s->paragraph >= m->n_paragraphs) return "sentence paragraph";
        const text_paragraph *para = &m->paragraphs[s->paragraph];
        if (s->start < para->start || s->end > para->end) return "sentence outside paragraph";
        if (s->quoted && !s->has_quote) return "quoted without has_quote";
    }
    for (size_t q = 0; q < m->n_quotes; q++) {
        const text_span *quote = &m->quotes[q];
        if (quote->start >= quote->end || quote->end > len) return "quote bounds";
        if (q > 0 && quote->start < m->quotes[q - 1].end) return "quote overlap";
        size_t k = text_sentence_at(m, quote->start);
        if (k == (size_t)-1) return "quote outside sentences";
        const text_paragraph *para = &m->paragraphs[m->sentences[k].paragraph];
        if (quote->start < para->start || quote->end > para->end) return "quote crosses paragraph";
    }
    return NULL;
}

/* Reads the whole file at path into a malloc'd buffer; NULL on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(data, cap *= 2);
            if (!bigger) { free(data); data = NULL; }
            data = bigger;
        }
    }
    fclose(f);
    *len = n;
    return data;
}

static void test_corpus_invariants(void)
{
    const char *root = "../shared/corpora/bbc";
    const char *topics[] = { "business", "entertainment", "politics", "sport", "tech" };
    size_t files = 0, sentences = 0, bad = 0;
    for (size_t t = 0; t < sizeof topics / sizeof topics[0]; t++) {
        char dir_path[512];
        snprintf(dir_path, sizeof dir_path, "%s/%s", root, topics[t]);
        DIR *dir = opendir(dir_path);
        if (!dir) continue;
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            size_t name_len = strlen(entry->d_name);
            if (name_len < 5 || strcmp(entry->d_name + name_len - 4, ".txt") != 0) continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir_path, entry->d_name);
            size_t len = 0;
            char *body = read_file(path, &len);
            if (!body) continue;
            text_model m;
            text_model_build(&m, body, len);
            const char *why = model_violation(&m, body, len);
            if (why || m.n_sentences == 0) {
                if (bad++ < 10)
                    fprintf(stderr, "%s: %s\n", path, why ? why : "no sentences");
            }
            files++;
            sentences += m.n_sentences;
            text_model_free(&m);
            free(body);
        }
        closedir(dir);
    }
    if (files == 0) {
        printf("test_text: %s not found, corpus check skipped\n", root);
        return;
    }
    CHECK_MSG(bad == 0, "%zu of %zu corpus files break an invariant", bad, files);
    CHECK(sentences > files * 5);
    printf("test_text: %zu corpus files, %zu sentences\n", files, sentences);
}

int main(void)
{
    test_split_table();
    test_paragraphs();
    test_quote_spans();
    test_positions();
    test_sentence_at();
    test_awkward_bodies();
    test_corpus_invariants();
    return check_report("test_text");
}
