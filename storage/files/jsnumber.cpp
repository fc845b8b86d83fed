#include "files/jsnumber.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace pmkv {

QByteArray JsNumber::toString(double value)
{
    if (std::isnan(value) || std::isinf(value))
        return QByteArrayLiteral("null");
    if (value == 0)
        return QByteArrayLiteral("0");
    QByteArray result;
    if (value < 0) {
        result.append('-');
        value = -value;
    }
    // Shortest round-trip digits in scientific form, e.g. "1.2345e+02".
    char buf[64];
    const auto [end, ec] =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    Q_UNUSED(ec);
    const char* e = std::find(buf, end, 'e');
    QByteArray digits;
    for (const char* p = buf; p != e; ++p) {
        if (*p != '.')
            digits.append(*p);
    }
    int exponent = 0;
    std::from_chars(e[1] == '+' ? e + 2 : e + 1, end, exponent);
    // ECMAScript Number::toString: value = digits x 10^(n-k).
    const int k = int(digits.size());
    const int n = exponent + 1;
    if (k <= n && n <= 21) {
        result.append(digits);
        result.append(QByteArray(n - k, '0'));
    } else if (0 < n && n <= 21) {
        result.append(digits.left(n));
        result.append('.');
        result.append(digits.mid(n));
    } else if (-6 < n && n <= 0) {
        result.append("0.", 2);
        result.append(QByteArray(-n, '0'));
        result.append(digits);
    } else {
        result.append(digits[0]);
        if (k > 1) {
            result.append('.');
            result.append(digits.mid(1));
        }
        result.append('e');
        result.append(n - 1 >= 0 ? '+' : '-');
        result.append(QByteArray::number(std::abs(n - 1)));
    }
    return result;
}

} // namespace pmkv
