#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pmkv {

// Appends `bytes` as a JSON string literal, quotes included. Valid UTF-8 is written as it is
// (quote, backslash and control characters escaped). A byte that is not part of valid UTF-8
// becomes a lone low surrogate "\udc80".."\udcff" (as Python's surrogateescape does): no
// valid text produces those, so any bytes are carried losslessly.
void appendJsonString(QByteArray& out, QByteArrayView bytes);

} // namespace pmkv
