#pragma once

// What the window tests against a real key space share: waiting for a write's outcome, and
// selecting a key in the aligned pane until its value is shown.
#include "alignedpane.h"
#include "kvloader.h"
#include "kvpane.h"
#include "mainwindow.h"

#include <QSignalSpy>
#include <QTest>

namespace pmkv::test {

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
