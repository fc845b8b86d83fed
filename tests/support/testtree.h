#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace pmkv::test {

// A throw-away folder for a test, removed when the object goes.
class TestTree final
{
public:
    TestTree();
    QString path(const QString& relative = QString()) const;
    // Writes bytes to a file below the folder, creating parent folders.
    void write(const QString& relative, const QByteArray& bytes) const;
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

// The hand-made tree with every quirk of pm-format.md, under tests/data.
QString quirksTreePath();
// Where the build put an executable (pmkv, pmkv-proxy ...).
QString binaryPath(const QString& name);

} // namespace pmkv::test
