#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

namespace pmkv {

// The bytes the deployed application writes for a document: what
// `JSON.stringify(JSON.parse(text))` yields in JavaScript, computed without a JS engine.
//
// The rule, and its edge cases:
// * Compact output: no whitespace between tokens.
// * Object member order is JavaScript's: keys that are array indices ("0", "7", up to
//   2^32-2, no leading zeros) first in ascending numeric order, then the other keys in the
//   order they appear. A duplicate key keeps its first position and takes its last value.
// * Strings: `"` `\` and the control characters U+0008/9/A/C/D are escaped as \" \\ \b \t
//   \n \f \r, other control characters as \u00xx (lowercase hex); everything else,
//   including `/`, U+2028/2029 and all non-ASCII text, is written as raw UTF-8, so
//   `\u00e9` in a file becomes the two bytes of "é". A lone surrogate (`\ud800`) stays an
//   escape, as the well-formed JSON.stringify of ES2019 writes it.
// * Numbers with a fraction or an exponent are read as IEEE doubles and printed like
//   JavaScript's Number#toString: shortest round-trip digits, fixed notation from 1e-7 to
//   1e21, otherwise `1.5e+21` / `1e-7`; `-0` prints as `0`; a value too large for a
//   double (1e400) becomes `null`, as Infinity does in JSON.stringify.
// * Integers written without fraction or exponent are kept digit for digit. Up to 2^53
//   that is exactly what JavaScript prints. Beyond it JavaScript would round them; we keep
//   the digits instead (never lose data) and report it in `notes`, because the
//   application's own JSON.parse rounds the value the same way whether it reads the file
//   or the key.
// * Input must be RFC 8259 JSON in UTF-8 without a byte-order mark (JSON.parse rejects a
//   BOM); nesting deeper than 512 levels is refused rather than risking the stack.
class JsStringify final
{
public:
    // On a parse error, the Error's message names line and column; `errorOffset` (if given)
    // receives the byte offset. `duplicates` (if given) gets a note for every member name an
    // object has twice (its last value is the one kept, as JSON.parse keeps it).
    static Result<QByteArray> fromJsonText(QByteArrayView json, QStringList* notes = nullptr,
                                           qsizetype* errorOffset = nullptr,
                                           QStringList* duplicates = nullptr);

    // JavaScript's Number#toString for a finite double (JsNumber::toString).
    static QByteArray formatDouble(double value);
};

} // namespace pmkv
