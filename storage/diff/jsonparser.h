#pragma once

#include "core/result.h"
#include "diff/jsonvalue.h"

#include <QByteArrayView>

namespace pmkv {

// Parses RFC 8259 JSON text into a JsonValue without losing a digit: integer literals keep
// their text whatever their size (no 2^53 or 2^64 limit), other numbers become JavaScript's
// Number#toString of their double (a number too large for a double becomes null, as
// JSON.stringify writes Infinity). Escapes are decoded to UTF-8; a lone surrogate escape is
// kept as its WTF-8 bytes and written back as the same escape. Raw bytes must be UTF-8.
// Nesting deeper than 512 levels is refused. Errors name the byte offset.
class JsonParser final
{
public:
    static Result<JsonValue> parse(QByteArrayView text);
};

} // namespace pmkv
