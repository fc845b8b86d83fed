#include "jobs/sourcevalues.h"

#include "files/filebatchreader.h"
#include "files/jsstringify.h"
#include "files/sha256.h"

#include <QFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cstring>
#include <optional>
#include <vector>

namespace pmkv {

namespace {

// Fewer items than this are not worth a thread of their own.
constexpr int kItemsPerPartAtLeast = 256;

// The reader's limit (PmReader::Options::maxFileBytes): a file the plan read is never larger.
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

// What to do is the caller's to say: plan again, resume or roll back a run, validate again.
Error changed(const PlanItem& item, const QString& why)
{
    return makeError(QStringLiteral("plan.stale"),
                     QStringLiteral("%1 (key %2) %3 since it was read for the plan")
                         .arg(item.source, item.key, why));
}

} // namespace

Result<QVector<QByteArray>> SourceValues::of(const QString& root,
                                             const QVector<const PlanItem*>& items)
{
    QVector<QByteArray> values(items.size());
    std::vector<QByteArray> paths;
    std::vector<int> pathOf; // the item of each path
    for (int i = 0; i < items.size(); ++i) {
        const PlanItem& item = *items.at(i);
        if (item.valueHeld()) {
            values[i] = item.value;
            continue;
        }
        if (item.isList())
            return makeError(QStringLiteral("plan.values"),
                             QStringLiteral("the plan holds no value for the list key %1: load "
                                            "its values first (Planner::loadValues)")
                                 .arg(item.key));
        paths.push_back(QFile::encodeName(root + QLatin1Char('/') + item.source));
        pathOf.push_back(i);
    }
    std::optional<Error> failure;
    FileBatchReader::read(paths, kMaxFileBytes, [&](size_t p, const FileBatchReader::File& file) {
        if (failure)
            return;
        const int i = pathOf[p];
        const PlanItem& item = *items.at(i);
        if (file.error != 0) {
            failure = makeError(
                QStringLiteral("plan.source"),
                QStringLiteral("%1 (key %2) cannot be read any more (%3)")
                    .arg(item.source, item.key, QString::fromLocal8Bit(std::strerror(file.error))));
            return;
        }
        if (file.tooLarge) {
            failure = changed(item, QStringLiteral("grew over the size limit"));
            return;
        }
        auto value = JsStringify::fromJsonText(file.bytes);
        if (!value) {
            failure = changed(
                item, QStringLiteral("is no longer valid JSON (%1)").arg(value.error().message));
            return;
        }
        if (value.value().size() != item.size || Sha256::hex(value.value()) != item.sha256) {
            failure = changed(item, QStringLiteral("changed"));
            return;
        }
        values[i] = std::move(value).value();
    });
    if (failure)
        return *failure;
    return values;
}

QFuture<Result<QVector<QByteArray>>>
SourceValues::start(const QString& root, const QVector<const PlanItem*>& items, QThreadPool* pool)
{
    using Values = Result<QVector<QByteArray>>;
    const int parts = std::clamp(int(items.size() / kItemsPerPartAtLeast), 1,
                                 std::max(1, pool->maxThreadCount()));
    if (parts == 1)
        return QtConcurrent::run(pool, [root, items] { return of(root, items); });
    QList<QFuture<Values>> running;
    const qsizetype perPart = (items.size() + parts - 1) / parts;
    for (qsizetype from = 0; from < items.size(); from += perPart) {
        running.append(QtConcurrent::run(
            pool, [root, part = items.mid(from, perPart)] { return of(root, part); }));
    }
    return QtFuture::whenAll(running.begin(), running.end())
        .then([](const QList<QFuture<Values>>& done) -> Values {
            QVector<QByteArray> values;
            for (const QFuture<Values>& part : done) {
                Values partValues = part.result();
                if (!partValues)
                    return partValues.error();
                values.append(std::move(partValues).value());
            }
            return values;
        });
}

} // namespace pmkv
