#include "keysearchmarks.h"

#include "kvnodetable.h"
#include "kvtreenode.h"

namespace pmkv {
namespace {

char folded(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

} // namespace

KeySearchMarks::KeySearchMarks(const QByteArray& needle, quint64 epoch)
    : m_needle(needle), m_epoch(epoch)
{
}

KeySearchMarks KeySearchMarks::compute(const KvNodeTable& nodes, const QByteArray& needle,
                                       const std::atomic<bool>* cancel)
{
    KeySearchMarks marks(needle, nodes.epoch());
    const int count = nodes.size();
    if (needle.isEmpty() || count == 0)
        return marks;
    const char* text = needle.constData();
    const int n = int(needle.size());
    // The KMP failure function: how much of the text is still matched after a mismatch.
    std::vector<int> fail(size_t(n), 0);
    for (int i = 1, k = 0; i < n; ++i) {
        while (k > 0 && text[i] != text[k])
            k = fail[size_t(k - 1)];
        if (text[i] == text[k])
            ++k;
        fail[size_t(i)] = k;
    }
    auto step = [&](int state, char c) {
        c = folded(c);
        while (state > 0 && text[state] != c)
            state = fail[size_t(state - 1)];
        return text[state] == c ? state + 1 : state;
    };
    // state[id]: how much of the text the end of the node's path matches.
    std::vector<int> state(size_t(count), 0);
    marks.m_holds.assign(size_t(count), false);
    marks.m_hit.assign(size_t(count), false);
    for (int id = 1; id < count; ++id) {
        if ((id & 0xFFFF) == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return marks;
        const KvTreeNode* node = nodes.at(id);
        const int parent = node->parent->id;
        if (marks.m_holds[size_t(parent)]) {
            marks.m_holds[size_t(id)] = true;
            continue;
        }
        int s = state[size_t(parent)];
        bool found = false;
        if (parent != 0) { // the separator between the parent's path and this name
            s = step(s, ':');
            found = s == n;
        }
        const char* name = node->name.constData();
        for (qsizetype i = 0, size = node->name.size(); i < size && !found; ++i) {
            s = step(s, name[i]);
            found = s == n;
        }
        marks.m_holds[size_t(id)] = found;
        state[size_t(id)] = s;
    }
    // Children come after their parents: one pass backwards carries every hit up.
    for (int id = count - 1; id > 0; --id) {
        if (marks.m_holds[size_t(id)] || marks.m_hit[size_t(id)])
            marks.m_hit[size_t(id)] = marks.m_hit[size_t(nodes.at(id)->parent->id)] = true;
    }
    return marks;
}

bool KeySearchMarks::holds(const QByteArray& path, qsizetype from, const QByteArray& needle)
{
    const qsizetype n = needle.size();
    const char* hay = path.constData();
    for (qsizetype i = from; i + n <= path.size(); ++i) {
        qsizetype j = 0;
        while (j < n && folded(hay[i + j]) == needle[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

void KeySearchMarks::add(bool holdsText)
{
    if (!isActive())
        return;
    m_holds.push_back(holdsText);
    m_hit.push_back(holdsText);
}

void KeySearchMarks::restart(quint64 epoch)
{
    m_epoch = epoch;
    m_holds.clear();
    m_hit.clear();
}

} // namespace pmkv
