/*
 * fuzz_sentences.c — the text model (paragraphs, sentences, quotations,
 * lines) on any bytes. Spans must lie inside the body, in order, without
 * overlap; sentences inside their paragraph; every offset must map to a
 * line and column and a sentence index in range.
 */
#include "fuzz.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *body = (const char *)data;
    text_model m;
    text_model_build(&m, size ? body : NULL, size);
    fuzz_check(m.n_lines >= 1 && m.line_starts[0] == 0);
    for (size_t i = 1; i < m.n_lines; i++) {
        fuzz_check(m.line_starts[i] > m.line_starts[i - 1]);
        fuzz_check(m.line_starts[i] <= size && body[m.line_starts[i] - 1] == '\n');
    }
    size_t sentences = 0;
    for (size_t p = 0; p < m.n_paragraphs; p++) {
        const text_paragraph *para = &m.paragraphs[p];
        fuzz_check(para->start < para->end && para->end <= size);
        if (p) fuzz_check(para->start >= m.paragraphs[p - 1].end);
        fuzz_check(para->first_sentence == sentences);
        sentences += para->n_sentences;
    }
    fuzz_check(sentences == m.n_sentences);
    for (size_t s = 0; s < m.n_sentences; s++) {
        const text_sentence *sen = &m.sentences[s];
        fuzz_check(sen->start < sen->end && sen->end <= size);
        if (s) fuzz_check(sen->start >= m.sentences[s - 1].end);
        fuzz_check(sen->paragraph < m.n_paragraphs);
        const text_paragraph *para = &m.paragraphs[sen->paragraph];
        fuzz_check(sen->start >= para->start && sen->end <= para->end);
        fuzz_check(!sen->quoted || sen->has_quote);
        fuzz_check(text_sentence_at(&m, sen->start) == s);
    }
    for (size_t q = 0; q < m.n_quotes; q++) {
        fuzz_check(m.quotes[q].start < m.quotes[q].end && m.quotes[q].end <= size);
        if (q) fuzz_check(m.quotes[q].start >= m.quotes[q - 1].end);
    }
    size_t step = size / 64 + 1;
    for (size_t off = 0; off <= size + 1; off += step) {
        int line, col;
        text_position(&m, off, &line, &col);
        fuzz_check(line >= 1 && (size_t)line <= m.n_lines && col >= 1);
        size_t at = text_sentence_at(&m, off);
        fuzz_check(at == (size_t)-1 || at < m.n_sentences);
        (void)text_in_quote(&m, off);
    }
    text_model_free(&m);
    text_model_free(&m);   /* safe twice */
    return 0;
}
