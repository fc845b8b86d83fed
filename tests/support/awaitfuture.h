#pragma once

#include <QFuture>
#include <QTest>

namespace pmkv::test {

// Waits for a future while the test thread's event loop runs (a store living on this thread
// needs it), and returns its result; a future that never finishes ends the test.
template <typename T> T await(QFuture<T> future, int timeoutMs = 60000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        qFatal("future did not finish");
    return future.result();
}

} // namespace pmkv::test
