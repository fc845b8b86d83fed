#include "connections/readonlystore.h"

#include "kv/commandallowlist.h"

#include <QFuture>

namespace pmkv {

ReadOnlyStore::ReadOnlyStore(KvStore* inner, QString profileName, QObject* parent)
    : KvStore(parent), m_inner(inner), m_profileName(std::move(profileName))
{
    m_inner->setParent(this);
}

ReadOnlyStore::~ReadOnlyStore() = default;

std::optional<Error> ReadOnlyStore::refusal(const QVector<KvCommand>& batch) const
{
    const int index = CommandAllowList::firstWrite(batch);
    if (index < 0)
        return std::nullopt;
    const KvCommand& command = batch.at(index);
    QString label = command.isEmpty() ? QStringLiteral("(empty command)")
                                      : QString::fromUtf8(command.first().toUpper());
    if (command.size() > 1)
        label += QLatin1Char(' ') + QString::fromUtf8(command.at(1).left(200));
    return makeError(
        QStringLiteral("read-only"),
        QStringLiteral("connection \"%1\" is read-only: refused %2 (command %3 of %4); "
                       "nothing of the batch was sent. Use a connection that may "
                       "write, or clear its read-only flag.")
            .arg(m_profileName, label)
            .arg(index + 1)
            .arg(batch.size()));
}

QFuture<Result<KvStore::Replies>> ReadOnlyStore::execute(QVector<KvCommand> batch)
{
    if (auto error = refusal(batch))
        return QtFuture::makeReadyFuture(Result<Replies>(*error));
    return m_inner->execute(std::move(batch));
}

QFuture<Result<KvStore::Replies>> ReadOnlyStore::executeAtomic(QVector<KvCommand> batch)
{
    if (auto error = refusal(batch))
        return QtFuture::makeReadyFuture(Result<Replies>(*error));
    return m_inner->executeAtomic(std::move(batch));
}

KvStore::Capabilities ReadOnlyStore::capabilities() const
{
    Capabilities caps = m_inner->capabilities();
    caps.canWrite = false;
    return caps;
}

QString ReadOnlyStore::describe() const
{
    return m_inner->describe() + QStringLiteral(" (read-only)");
}

} // namespace pmkv
