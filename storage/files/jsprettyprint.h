#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pmkv {

// JSON.stringify(value, null, indent) from the compact form JsStringify produces: the way
// the application saves documents. Works on tokens, so every number keeps its digits.
class JsPrettyPrint final
{
public:
    static QByteArray indent(QByteArrayView compact, int spaces = 2);
};

} // namespace pmkv
