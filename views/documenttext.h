#pragma once

#include <QByteArray>
#include <QString>

namespace pmkv {

// The text the detail pane shows for a value: formatted JSON (every digit of big integers)
// when it is complete JSON, a hex dump when it is not UTF-8, else the raw text. Thread-safe
// (no widgets): large values are prepared on a pool thread.
class DocumentText final
{
public:
    // Raw (non-JSON) text beyond this is cut, with a line saying how much was left out: a
    // text editor lays out one line of megabytes very slowly.
    static constexpr qsizetype kRawLimit = 256 * 1024;

    static QString forValue(const QByteArray& bytes, bool truncated);
};

} // namespace pmkv
