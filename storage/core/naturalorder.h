#pragma once

#include <QByteArrayView>

namespace pmkv {

// "Natural" order of names as people expect it in a tree: runs of ASCII digits compare by
// their value ("story:2" before "story:10"), everything else byte by byte. Equal values
// with a different number of leading zeros order the shorter run first, so the order stays
// total. No locale and no allocation: it sorts a million keys.
class NaturalOrder final
{
public:
    static int compare(QByteArrayView a, QByteArrayView b);
    static bool less(QByteArrayView a, QByteArrayView b) { return compare(a, b) < 0; }
};

} // namespace pmkv
