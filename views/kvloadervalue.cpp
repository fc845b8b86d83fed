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
                    if (TypedValue::isTyped(v.type)) {
                        fetchTyped(std::move(v), valueGeneration);
                        return;
                    }
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

void KvLoader::fetchTyped(KvValue value, quint64 valueGeneration)
{
    const quint64 generation = m_generation;
    const QByteArray key = value.key;
    const QByteArray type = value.type;
    auto finish = [this, generation, valueGeneration](KvValue v, Result<TypedValue> typed) {
        if (generation != m_generation || valueGeneration != m_valueGeneration)
            return;
        if (typed) {
            v.typed = std::move(typed).value();
            v.size = v.typed.total;
            v.truncated = v.typed.isPartial();
        } else {
            v.error = typed.error().message;
        }
        Q_EMIT valueLoaded(v);
    };
    m_store->execute(TypedValueRead::commands(key, type, kTypedRows))
        .then(postTo<Result<KvStore::Replies>>(this, [this, generation, valueGeneration, key, type,
                                                      value,
                                                      finish](Result<KvStore::Replies> r) mutable {
            if (generation != m_generation || valueGeneration != m_valueGeneration)
                return;
            if (!r)
                return finish(std::move(value), r.error());
            const KvCommand whole = TypedValueRead::completion(key, type, r.value(), kTypedRows);
            if (whole.isEmpty() || !m_store)
                return finish(std::move(value), TypedValueRead::parse(type, r.value(), kTypedRows));
            // A hash or set within the cap that one SCAN page did not bring whole.
            KvStore::Replies first = r.value();
            m_store->execute({whole}).then(postTo<Result<KvStore::Replies>>(
                this, [type, value, first, finish](Result<KvStore::Replies> w) mutable {
                    if (!w)
                        return finish(std::move(value), w.error());
                    first[1] = w.value().value(0);
                    finish(std::move(value), TypedValueRead::parse(type, first, kTypedRows));
                }));
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
