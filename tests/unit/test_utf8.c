/*
 * test_utf8.c — unit tests of UTF-8 validation, repair and character
 * counting (runtime/utf8.c).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "utf8.h"

/* utf8_valid over a string literal, NUL excluded. */
#define VALID(lit) utf8_valid((lit), sizeof(lit) - 1)
#define COUNT(lit) utf8_count((lit), sizeof(lit) - 1)

static void test_valid(void)
{
    CHECK(VALID(""));
    CHECK(VALID("plain ASCII, 100%."));
    CHECK(VALID("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80"));   /* é € 😀 */
    CHECK(!VALID("\xC3"));                          /* cut short */
    CHECK(!VALID("caf\xC3" "e"));                   /* lead without continuation */
    CHECK(!VALID("\x80"));                          /* stray continuation byte */
    CHECK(!VALID("\xC0\xAF"));                      /* overlong '/' */
    CHECK(!VALID("\xE0\x80\xAF"));                  /* overlong, three bytes */
    CHECK(!VALID("\xED\xA0\x80"));                  /* surrogate U+D800 */
    CHECK(!VALID("\xF4\x90\x80\x80"));              /* above U+10FFFF */
    CHECK(!VALID("\xFF"));
    CHECK(!VALID("a\0b"));                          /* NUL counts as invalid */
}

/* Repairs the literal and checks the result, its length and the count. */
static void check_repair(const char *in, size_t in_len, const char *want,
                         size_t want_repaired)
{
    size_t out_len = 12345, repaired = 12345;
    char *out = utf8_repair(in, in_len, &out_len, &repaired);
    CHECK_STR(out, want);
    CHECK_INT(out_len, strlen(want));
    CHECK_INT(repaired, want_repaired);
    CHECK(utf8_valid(out, out_len));
    free(out);
}

#define REPAIR(lit, want, n) check_repair((lit), sizeof(lit) - 1, (want), (n))

static void test_repair(void)
{
    REPAIR("", "", 0);
    REPAIR("already valid \xE2\x82\xAC", "already valid \xE2\x82\xAC", 0);
    REPAIR("ab\xFF" "cd", "ab\xEF\xBF\xBD" "cd", 1);
    /* a Latin-1 pound sign, as in the BBC corpus */
    REPAIR("a \xA3" "15.8m signing", "a \xEF\xBF\xBD" "15.8m signing", 1);
    /* a truncated sequence is one error (its maximal subpart) */
    REPAIR("x\xE2\x82", "x\xEF\xBF\xBD", 1);
    /* an overlong pair: neither byte can start a valid sequence */
    REPAIR("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2);
    REPAIR("a\0b", "a\xEF\xBF\xBD" "b", 1);
    /* the out-parameters are optional */
    char *out = utf8_repair("\xFF", 1, NULL, NULL);
    CHECK_STR(out, "\xEF\xBF\xBD");
    free(out);
}

static void test_count(void)
{
    CHECK_INT(COUNT(""), 0);
    CHECK_INT(COUNT("abc"), 3);
    CHECK_INT(COUNT("h\xC3\xA9llo"), 5);
    CHECK_INT(COUNT("\xE2\x82\xAC" "uro"), 4);
    CHECK_INT(COUNT("\xF0\x9F\x98\x80"), 1);
    CHECK_INT(COUNT("a\xFF" "b"), 3);
    /* utf8.h: "counting each invalid byte as one character" */
    CHECK_INT(COUNT("a\x80" "b"), 3);
    CHECK_INT(utf8_count("h\xC3\xA9llo", 3), 2);    /* a prefix: "hé" */
}

static void test_decode(void)
{
    uint32_t cp = 0;
    CHECK_INT(utf8_decode((const unsigned char *)"a", 1, &cp), 1);
    CHECK_INT(cp, 'a');
    CHECK_INT(utf8_decode((const unsigned char *)"\xC3\xA9x", 3, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(utf8_decode((const unsigned char *)"\xE2\x84\xAA", 3, &cp), 3);
    CHECK_INT(cp, 0x212A);
    CHECK_INT(utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    CHECK_INT(utf8_decode((const unsigned char *)"\xE2\x84", 2, &cp), 0);      /* cut */
    CHECK_INT(utf8_decode((const unsigned char *)"\x84", 1, &cp), 0);          /* stray */
    CHECK_INT(utf8_decode((const unsigned char *)"\xC3x", 2, &cp), 0);         /* bad */
    CHECK(utf8_is_pcre_space(' ') && utf8_is_pcre_space('\n') && utf8_is_pcre_space(0xA0));
    CHECK(utf8_is_pcre_space(0x2003) && utf8_is_pcre_space(0x3000) && utf8_is_pcre_space(0x85));
    CHECK(!utf8_is_pcre_space('x') && !utf8_is_pcre_space(0x200B) && !utf8_is_pcre_space(0xE9));
}

int main(void)
{
    test_valid();
    test_repair();
    test_count();
    test_decode();
    return check_report("test_utf8");
}
