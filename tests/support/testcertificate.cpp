#include "testcertificate.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace pmkv::test {

TestCertificate TestCertificate::make(const QString& dir, const QStringList& altNames)
{
    TestCertificate made;
    made.certificateFile = QDir(dir).filePath(QStringLiteral("cert.pem"));
    made.keyFile = QDir(dir).filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   made.keyFile, QStringLiteral("-out"), made.certificateFile,
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=%1").arg(altNames.value(0).section(QLatin1Char(':'), 1)),
                   QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=") + altNames.join(QLatin1Char(','))});
    if (!openssl.waitForStarted(5000)) {
        made.error = QStringLiteral("openssl is not installed: cannot make a test certificate");
        return made;
    }
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        made.error = QStringLiteral("openssl failed: %1")
                         .arg(QString::fromLocal8Bit(openssl.readAllStandardError()));
        return made;
    }
    QFile certFile(made.certificateFile);
    QFile keyFile(made.keyFile);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        made.error = QStringLiteral("cannot read what openssl wrote");
        return made;
    }
    made.certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
    made.key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    return made;
}

} // namespace pmkv::test
