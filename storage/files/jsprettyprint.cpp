#include "files/jsprettyprint.h"

namespace pmkv {

QByteArray JsPrettyPrint::indent(QByteArrayView compact, int spaces)
{
    QByteArray out;
    out.reserve(compact.size() + compact.size() / 2);
    int depth = 0;
    const auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(qsizetype(depth) * spaces, ' '));
    };
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (c == '"') { // copy the whole string, escapes included
            const qsizetype start = i++;
            while (i < compact.size() && compact[i] != '"')
                i += compact[i] == '\\' ? 2 : 1;
            out.append(compact.data() + start, i - start + 1);
            continue;
        }
        switch (c) {
        case '{':
        case '[': {
            const char close = c == '{' ? '}' : ']';
            if (i + 1 < compact.size() && compact[i + 1] == close) { // {} and [] stay on one line
                out.append(c);
                out.append(close);
                ++i;
                break;
            }
            out.append(c);
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ", 2);
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

} // namespace pmkv
