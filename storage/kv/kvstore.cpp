#include "kv/kvstore.h"

namespace pmkv {

KvStore::KvStore(QObject* parent) : QObject(parent) {}

KvStore::~KvStore() = default;

} // namespace pmkv
