#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace pmkv::test {

// A throw-away self-signed certificate (its own CA) made by `openssl` for one test, valid for
// the given subjectAltName entries ("DNS:localhost", "IP:127.0.0.1", ...). The key and
// certificate files stay in `dir` (certificateFile / keyFile) for servers that read files.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    QString certificateFile;
    QString keyFile;
    QString error; // why none was made (no openssl, ...)

    static TestCertificate make(const QString& dir, const QStringList& altNames);
    bool isNull() const { return certificate.isNull() || key.isNull(); }
};

} // namespace pmkv::test
