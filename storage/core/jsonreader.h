#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pmkv {

// The tokens of a JSON text, read in place for the hand-made grammars of the REST wire format
// (commands in pmkv-proxy, replies in the REST store), where a general JSON parser costs a
// copy of every value byte by byte. The caller walks its grammar with peek/take; errors are
// kept (the first one wins) as a short English phrase for messages.
// Strings decode to UTF-8 bytes. A lone low surrogate \udc80..\udcff stands for the raw byte
// 0x80..0xff (the rule appendJsonString writes non-UTF-8 bytes with); other lone surrogates
// become their 3-byte (WTF-8) form.
class JsonReader
{
public:
    explicit JsonReader(QByteArrayView text) : m_p(text.data()), m_end(m_p + text.size()) {}

    const QByteArray& error() const { return m_error; }
    bool fail(const char* what);

    // Past spaces: the next byte, or 0 at the end.
    char next()
    {
        skipSpace();
        return m_p < m_end ? *m_p : '\0';
    }
    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }
    // Takes `c` if it comes next.
    bool take(char c)
    {
        if (next() != c) // never '\0': next() says '\0' at the end
            return false;
        ++m_p;
        return true;
    }
    // Takes `c`, or fails with "expected 'c'".
    bool expect(char c);
    // Takes the word (true, false, null) if it comes next.
    bool literal(QByteArrayView word);

    // A number's JSON text (checked against JSON's grammar).
    bool number(QByteArrayView& text);
    // A string at the next position. Without escapes `view` shows the bytes in the text
    // itself and `storage` is not touched; with escapes they are decoded into `storage`.
    bool string(QByteArrayView& view, QByteArray& storage);
    bool string(QByteArray& out);
    // Any value, nested at most `depth` levels; its JSON text in `text`.
    bool skipValue(QByteArrayView& text, int depth = 256);

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    const char* stringEnd(const char* p, bool& escaped) const;
    bool decodeEscapes(const char* end, QByteArray& out);
    int hex4();
    bool skipDigits();

    const char* m_p;
    const char* m_end;
    QByteArray m_error;
};

} // namespace pmkv
