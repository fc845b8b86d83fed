#include "redis/clusterredirect.h"

#include "kv/hashslot.h"

#include <QtGlobal>

namespace pmkv {

ClusterRedirect ClusterRedirect::of(const KvReply& reply)
{
    return reply.isError() ? ofText(reply.bytes) : ClusterRedirect{};
}

ClusterRedirect ClusterRedirect::ofText(const QByteArray& text)
{
    ClusterRedirect r;
    if (text.startsWith("TRYAGAIN") || text.startsWith("CLUSTERDOWN") ||
        text.startsWith("LOADING")) {
        r.kind = Kind::Later;
        return r;
    }
    const bool moved = text.startsWith("MOVED ");
    if (!moved && !text.startsWith("ASK "))
        return r;
    // "MOVED 3999 127.0.0.1:6381"
    const QList<QByteArray> words = text.split(' ');
    if (words.size() < 3)
        return r;
    bool ok = false;
    const int slot = words.at(1).toInt(&ok);
    const ClusterEndpoint to = ClusterEndpoint::fromText(words.at(2));
    if (!ok || slot < 0 || slot >= HashSlot::count || to.port == 0)
        return r;
    r.kind = moved ? Kind::Moved : Kind::Ask;
    r.slot = slot;
    r.to = to;
    return r;
}

int ClusterRedirect::backoffMs(int attempt)
{
    return qMin(1000, 50 << qMin(attempt, 5));
}

} // namespace pmkv
