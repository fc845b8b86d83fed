#include "core/naturalorder.h"

namespace pmkv {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

int NaturalOrder::compare(QByteArrayView a, QByteArrayView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Skip leading zeros, then the longer run is the bigger number; same length:
            // the first differing digit decides.
            qsizetype zi = i;
            qsizetype zj = j;
            while (zi < a.size() && a[zi] == '0')
                ++zi;
            while (zj < b.size() && b[zj] == '0')
                ++zj;
            qsizetype ei = zi;
            qsizetype ej = zj;
            while (ei < a.size() && isDigit(a[ei]))
                ++ei;
            while (ej < b.size() && isDigit(b[ej]))
                ++ej;
            if (ei - zi != ej - zj)
                return ei - zi < ej - zj ? -1 : 1;
            for (qsizetype k = 0; k < ei - zi; ++k) {
                if (a[zi + k] != b[zj + k])
                    return a[zi + k] < b[zj + k] ? -1 : 1;
            }
            if (ei - i != ej - j) // same value: fewer leading zeros first
                return ei - i < ej - j ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return quint8(a[i]) < quint8(b[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

} // namespace pmkv
