#include "files/jsobjectmembers.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace pmkv {

namespace {

QByteArrayView nameOf(const char* text, const JsMember& m)
{
    return QByteArrayView(text + m.start, m.keyEnd - m.start);
}

// Of the name's length and its first and last eight bytes: names are short, two loads beat a
// loop over the bytes, and names equal in those but not the middle are told apart by the
// comparison that follows every equal hash.
quint64 keyHash(QByteArrayView key)
{
    const qsizetype n = key.size();
    quint64 head = 0;
    quint64 tail = 0;
    if (n >= 8) {
        std::memcpy(&head, key.data(), 8);
        std::memcpy(&tail, key.data() + n - 8, 8);
    } else {
        std::memcpy(&head, key.data(), size_t(n));
    }
    quint64 h = (head ^ quint64(n)) * 0x9E3779B97F4A7C15ull;
    h = (h ^ (h >> 29) ^ tail) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

} // namespace

bool JsObjectMembers::isArrayIndex(QByteArrayView key, quint32* index)
{
    const QByteArrayView digits = key.sliced(1, key.size() - 2);
    if (digits.isEmpty() || digits.size() > 10)
        return false;
    if (digits.size() > 1 && digits[0] == '0')
        return false;
    quint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + quint64(c - '0');
    }
    if (value >= 0xFFFFFFFFull)
        return false;
    *index = quint32(value);
    return true;
}

bool JsObjectMembers::wasSeen(KeysSeen& seen, const char* text, Range before, JsMember& member)
{
    const QByteArrayView key = nameOf(text, member);
    member.keyHash = keyHash(key);
    if (before.size() < 256) {
        const unsigned bit = unsigned(member.keyHash >> 56);
        quint64& word = seen.filter[bit >> 6];
        const quint64 mask = quint64(1) << (bit & 63);
        const bool maybe = (word & mask) != 0;
        word |= mask;
        if (!maybe)
            return false;
        for (const JsMember& m : before) {
            if (m.keyHash == member.keyHash && nameOf(text, m) == key)
                return true;
        }
        return false;
    }
    if (seen.set.isEmpty()) {
        for (const JsMember& m : before)
            seen.set.insert(nameOf(text, m).toByteArray());
    }
    const QByteArray owned = key.toByteArray();
    if (seen.set.contains(owned))
        return true;
    seen.set.insert(owned);
    return false;
}

QByteArray JsObjectMembers::inPropertyOrder(const char* text, Range members)
{
    struct Slot
    {
        QByteArrayView key;
        const JsMember* value; // the last member with this key
        const JsMember* first;
    };
    std::vector<Slot> slots;
    qsizetype bytes = 0;
    for (const JsMember& m : members) {
        const QByteArrayView key = nameOf(text, m);
        auto it =
            std::find_if(slots.begin(), slots.end(), [&](const Slot& s) { return s.key == key; });
        if (it == slots.end())
            slots.push_back(Slot{key, &m, &m});
        else
            it->value = &m;
        bytes += m.end - m.start + 1;
    }
    std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
        if (a.first->arrayIndex != b.first->arrayIndex)
            return a.first->arrayIndex;
        if (a.first->arrayIndex)
            return a.first->index < b.first->index;
        return false;
    });
    QByteArray ordered;
    ordered.reserve(bytes);
    for (const Slot& slot : slots) {
        if (!ordered.isEmpty())
            ordered.append(',');
        ordered.append(text + slot.value->start, slot.value->end - slot.value->start);
    }
    return ordered;
}

} // namespace pmkv
