#pragma once

#include "kv/kvstore.h"

#include <optional>

namespace pmkv {

// Wraps any store so that only read commands (CommandAllowList) get through: a batch with a
// write is refused whole, before anything is sent, with code "read-only". Used for every
// profile marked read-only, whatever the transport and whoever the caller.
class ReadOnlyStore final : public KvStore
{
    Q_OBJECT

public:
    // Takes ownership of `inner` (it becomes a child).
    ReadOnlyStore(KvStore* inner, QString profileName, QObject* parent = nullptr);
    ~ReadOnlyStore() override;

    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override;
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override;
    Capabilities capabilities() const override;
    QString describe() const override;

    KvStore* inner() const { return m_inner; }

private:
    std::optional<Error> refusal(const QVector<KvCommand>& batch) const;

    KvStore* m_inner;
    QString m_profileName;
};

} // namespace pmkv
