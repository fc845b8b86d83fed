#pragma once

#include <QByteArray>

namespace pmkv {

// How JavaScript writes a number: ECMAScript Number::toString (shortest digits that read
// back as the same double; plain notation from 1e-6 to 1e21, exponent form beyond). NaN and
// infinities give "null", as JSON.stringify writes them.
class JsNumber final
{
public:
    static QByteArray toString(double value);
};

} // namespace pmkv
