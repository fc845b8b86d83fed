#pragma once

#include <QByteArray>

namespace pmkv {

// Redis Cluster's hash slot of a key: CRC16 (XModem) of the key, or of its hash tag (the
// text between the first `{` and the next `}`, when that text is not empty), modulo 16384.
// A cluster serves each slot from one master, and takes a multi-key command only when all
// its keys share one slot; so the cluster transport routes by it and jobs that group keys
// into one command (a migration's MSETNX) group them by it (KvStore::Capabilities).
class HashSlot final
{
public:
    static constexpr int count = 16384;

    static int of(const QByteArray& key);
};

} // namespace pmkv
