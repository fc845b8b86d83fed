#pragma once

// What the window tests against a real key space share: the keys a migration writes for a
// folder, opening a folder and a connection and waiting until both are compared, waiting for a
// write's outcome, and selecting a key in the aligned pane until its value is shown.
#include "alignedfilterproxymodel.h"
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "alignment.h"
#include "files/pmreader.h"
#include "folderloader.h"
#include "kvloader.h"
#include "kvpane.h"
#include "mainwindow.h"
#include "redisserver.h"

#include <QSignalSpy>
#include <QTest>

namespace pmkv::test {

// Writes into `redis` what a migration writes for `folder` (the repository layout, lists
// included), key by key with redis-cli; the keys written.
inline QStringList writeAsMigrated(const RedisServer& redis, const QString& folder)
{
    auto index = PmReader::read(folder);
    if (!index)
        return {};
    const auto alignment =
        Alignment::build(FileTreeSnapshot::build(std::move(index).value()),
                         KeyLayout::preset(QStringLiteral("repository")).value());
    QStringList keys;
    for (int i = 0; i < alignment->entries().size(); ++i) {
        keys << alignment->entries().at(i).key;
        redis.cli(
            {QStringLiteral("SET"), keys.constLast(), QString::fromUtf8(alignment->valueOf(i))});
    }
    return keys;
}

// A profile for the redis-server at `url`.
inline ConnectionProfile redisProfile(const QString& url)
{
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = url;
    return p;
}

// Opens `folder`, connects to `profile` and waits until the keys are scanned and compared.
inline void openAndConnect(MainWindow& window, const QString& folder,
                           const ConnectionProfile& profile, const QByteArray& token = {})
{
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(folder);
    QVERIFY(loaded.wait(20000));
    QSignalSpy compared(window.kvLoader(), &KvLoader::comparisonFinished);
    QSignalSpy scanned(window.kvLoader(), &KvLoader::scanFinished);
    window.connectTo(profile, token);
    QTRY_VERIFY_WITH_TIMEOUT(window.alignment() && compared.count() > 0 && scanned.count() > 0 &&
                                 window.kvLoader()->isIdle(),
                             20000);
}

// The aligned pane's row of `key`, as shown (invalid when filtered out).
inline QModelIndex shownRow(MainWindow& window, const QByteArray& key)
{
    AlignedPane* pane = window.alignedPane();
    return pane->proxy()->mapFromSource(pane->model()->indexForKey(key));
}

// The outcome of the write numbered `before` (0: the first the spy saw): ok, and its message.
inline QPair<bool, QString> waitWrite(QSignalSpy& done, qsizetype before)
{
    if (done.count() <= before && !done.wait(15000))
        return {false, QStringLiteral("no writeFinished")};
    return {done.at(before).at(0).toBool(), done.at(before).at(1).toString()};
}

// Selects the row of `key` in the aligned pane and waits for its value.
inline void selectAndLoad(MainWindow& window, const QByteArray& key)
{
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.alignedPane()->selectKey(key));
    QCOMPARE(window.kvPane()->currentKey(), key);
    QVERIFY(!value.isEmpty() || value.wait(10000));
}

} // namespace pmkv::test
