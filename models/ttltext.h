#pragma once

#include <QString>

#include <optional>

namespace pmkv {

// A key's TTL for people: "no expiry", "expires in 2 h 5 min", and back from what they type
// ("90", "90s", "15m", "2h", "1d 12h").
class TtlText final
{
public:
    // From PTTL's answer (-1 no expiry, -2 no key).
    static QString describe(qint64 pttlMs);
    // The duration alone: "3 d 4 h", "2 h 5 min", "45 s", "0.4 s".
    static QString duration(qint64 ms);
    // Seconds, or nothing when the text is not a positive duration.
    static std::optional<qint64> parseSeconds(const QString& text);
};

} // namespace pmkv
