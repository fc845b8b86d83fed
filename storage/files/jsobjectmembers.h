#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>

namespace pmkv {

// One member of an object JsStringify has written, as offsets in its output.
struct JsMember
{
    qsizetype start; // the opening quote of the key
    qsizetype keyEnd;
    qsizetype end; // one past the value
    bool arrayIndex;
    quint32 index; // with arrayIndex
    quint64 keyHash;
};

// What JSON.stringify(JSON.parse(text)) does with an object's members beyond copying them:
// a duplicate name keeps its first place with its last value, and names that are array
// indices come first, ascending.
class JsObjectMembers final
{
public:
    struct Range
    {
        const JsMember* first;
        const JsMember* last;
        const JsMember* begin() const { return first; }
        const JsMember* end() const { return last; }
        size_t size() const { return size_t(last - first); }
    };
    // The names of one object so far: for up to a few hundred members (a story has about 25) a
    // 256-bit filter of their hashes, which rules out most names at once, and a scan of the
    // hashes for the rest; larger objects switch to a set.
    struct KeysSeen
    {
        quint64 filter[4] = {0, 0, 0, 0};
        QSet<QByteArray> set;
    };

    // `key` is the written name including quotes. Array indices are canonical decimal numbers
    // below 2^32 - 1.
    static bool isArrayIndex(QByteArrayView key, quint32* index);
    // Whether `member`'s name (in `text`) is one of `before`'s; sets member.keyHash.
    static bool wasSeen(KeysSeen& seen, const char* text, Range before, JsMember& member);
    // The members, written in `text`, in JavaScript's order, comma-separated.
    static QByteArray inPropertyOrder(const char* text, Range members);
};

} // namespace pmkv
