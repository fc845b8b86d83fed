// KvLoader's loading of one key's value (chunked, with progress and cancel for large
// values), kept apart from the scanning and comparing in kvloader.cpp.
#include "documenttext.h"
#include "kvloader.h"
#include "postto.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

void KvLoader::fetchValue(const QByteArray& key)
{
    if (!m_store)
        return;
    const quint64 generation = m_generation;
    const quint64 valueGeneration = ++m_valueGeneration;
    m_valueLoading = false;
    m_valueKey = key;
    m_store
        ->execute({{QByteArrayLiteral("TYPE"), key},
                   {QByteArrayLiteral("PTTL"), key},
                   {QByteArrayLiteral("STRLEN"), key},
                   {QByteArrayLiteral("GETRANGE"), key, "0", QByteArray::number(kLargeValue - 1)}})
        .then(postTo<Result<KvStore::Replies>>(
            this, [this, generation, valueGeneration, key](Result<KvStore::Replies> r) {
                if (generation != m_generation || valueGeneration != m_valueGeneration)
                    return;
                KvValue v;
                v.key = key;
                if (!r || r.value().size() != 4) {
                    v.error = r ? tr("unexpected reply") : r.error().message;
                } else {
                    const auto& replies = r.value();
                    v.type = replies.at(0).bytes;
                    v.ttlMs = replies.at(1).integer;
                    v.size = replies.at(2).isError() ? -1 : replies.at(2).integer;
                    if (replies.at(3).isError()) {
                        v.error = v.type == "string" ? QString::fromUtf8(replies.at(3).bytes)
                                                     : tr("a %1, not a string: PMKV keeps every "
                                                          "document as a string")
                                                           .arg(QString::fromUtf8(v.type));
                    } else {
                        v.bytes = replies.at(3).bytes;
                        v.truncated = v.size > v.bytes.size();
                    }
                }
                if (v.error.isEmpty() && v.truncated && v.bytes.size() == kLargeValue) {
                    // A large value: the rest in chunks, cancellable between them.
                    m_valueLoading = true;
                    m_valueTotal = v.size;
                    m_valueLoaded = v.bytes.size();
                    Q_EMIT valueProgress(key, m_valueLoaded, v.size);
                    fetchChunk(std::move(v), valueGeneration);
                    return;
                }
                Q_EMIT valueLoaded(v);
            }));
}

void KvLoader::fetchChunk(KvValue value, quint64 valueGeneration)
{
    const qint64 offset = value.bytes.size();
    if (!m_store || offset >= qMin(value.size, kValueLimit)) {
        finishValue(std::move(value), valueGeneration);
        return;
    }
    const qint64 last = qMin(offset + kLargeValue, kValueLimit) - 1;
    const quint64 generation = m_generation;
    const QByteArray key = value.key;
    m_store
        ->execute({{QByteArrayLiteral("GETRANGE"), key, QByteArray::number(offset),
                    QByteArray::number(last)}})
        .then(postTo<Result<KvStore::Replies>>(this, [this, generation, valueGeneration,
                                                      value](Result<KvStore::Replies> r) mutable {
            if (generation != m_generation || valueGeneration != m_valueGeneration)
                return; // cancelled, another key, or another connection
            if (!r || r.value().isEmpty() || r.value().first().isError()) {
                m_valueLoading = false;
                value.error =
                    !r ? r.error().message
                       : tr("reading the value failed: %1")
                             .arg(r.value().isEmpty() ? tr("no reply")
                                                      : QString::fromUtf8(r.value().first().bytes));
                Q_EMIT valueLoaded(value);
                return;
            }
            const QByteArray chunk = r.value().first().bytes;
            value.bytes += chunk;
            m_valueLoaded = value.bytes.size();
            Q_EMIT valueProgress(value.key, m_valueLoaded, value.size);
            if (chunk.isEmpty()) // the value shrank meanwhile
                value.size = value.bytes.size();
            fetchChunk(std::move(value), valueGeneration);
        }));
}

// The text of a large value is prepared on a pool thread: formatting 16 MB of JSON would
// hold the GUI thread for seconds.
void KvLoader::finishValue(KvValue value, quint64 valueGeneration)
{
    value.truncated = value.size > value.bytes.size();
    QtConcurrent::run([value]() mutable {
        value.text = DocumentText::forValue(value.bytes, value.truncated, true);
        return value;
    }).then(postTo<KvValue>(this, [this, valueGeneration](KvValue v) {
        if (valueGeneration != m_valueGeneration)
            return;
        m_valueLoading = false;
        Q_EMIT valueLoaded(v);
    }));
}

void KvLoader::cancelValue()
{
    if (!m_valueLoading)
        return;
    ++m_valueGeneration;
    m_valueLoading = false;
    Q_EMIT valueCancelled(m_valueKey, m_valueLoaded, m_valueTotal);
}

} // namespace pmkv
