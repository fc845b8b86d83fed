#include "testtree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace pmkv::test {

TestTree::TestTree() = default;

QString TestTree::path(const QString& relative) const
{
    return relative.isEmpty() ? m_dir.path() : m_dir.filePath(relative);
}

void TestTree::write(const QString& relative, const QByteArray& bytes) const
{
    const QString file = path(relative);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write test file %s", qPrintable(file));
}

QString quirksTreePath()
{
    return QDir::cleanPath(QStringLiteral(PMKV_TEST_DATA_DIR "/quirks/pm"));
}

QString binaryPath(const QString& name)
{
    QDirIterator it(QStringLiteral(PMKV_BINARY_DIR "/app"), {name}, QDir::Files | QDir::Executable,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace pmkv::test
