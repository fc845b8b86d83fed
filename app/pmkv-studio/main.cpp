#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pmkv-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("PMKV Studio"));
    QApplication::setOrganizationName(QStringLiteral("pmkv-studio"));
    QApplication::setApplicationVersion(QStringLiteral(PMKV_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("pmkv-studio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Browse, check and migrate a pm/ JSON tree to Redis / Upstash."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("folder"),
                                 QStringLiteral("A pm/ folder to open (default: the last one)."));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QStringLiteral("Select this file once the folder is read (path relative to the folder)."),
        QStringLiteral("path"));
    parser.addOption(select);
    parser.process(app);

    pmkv::MainWindow window;
    window.show();
    const QStringList folders = parser.positionalArguments();
    const QString folder = folders.isEmpty()
                               ? QSettings().value(QStringLiteral("files/lastFolder")).toString()
                               : folders.first();
    if (!folder.isEmpty())
        window.openFolder(folder, parser.value(select));
    return app.exec();
}
