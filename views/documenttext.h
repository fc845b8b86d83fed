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
    // For large values: a line longer than this is cut (with a note of what was left out):
    // laying out a 5 MB line (a base64 blob in a JSON string) took 2.5 s.
    static constexpr qsizetype kLineLimit = 4096;

    // `cutLines`: cut long lines (the text is then for reading only).
    static QString forValue(const QByteArray& bytes, bool truncated, bool cutLines);
};

} // namespace pmkv
