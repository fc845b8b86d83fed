#pragma once

#include <QByteArray>
#include <QStringList>

namespace pmkv {

// `JSON.stringify(names)` for an array of strings, written directly: the list keys of a large
// tree hold 100,000 names, and going through a JSON library and JsStringify took 40 ms.
// The escapes are JsStringify's (jsstringify.h): \" \\ \b \t \n \f \r, other control
// characters as \u00xx, a lone surrogate as \udxxx; all other text as raw UTF-8.
class JsStringArray final
{
public:
    static QByteArray of(const QStringList& strings);
};

} // namespace pmkv
