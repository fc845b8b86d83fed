#include "connections/profilestore.h"
#include "mainwindow.h"

#include <QApplication>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QCommandLineParser>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>
#include <QTextStream>

namespace {

// A dark palette for --dark (desktops without a dark system theme, screenshots).
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7f, 0x82, 0x87));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7f, 0x82, 0x87));
    return p;
}

} // namespace

int main(int argc, char** argv)
{
#ifdef __GLIBC__
    // Two malloc arenas instead of one per thread: memory freed by the workers (the folder's
    // reading, the alignment) is reused by the GUI thread's trees instead of staying in the
    // workers' arenas (about 70 MiB less at 1,000,000 keys).
    mallopt(M_ARENA_MAX, 2);
#endif
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pmkv-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("PMKV Studio"));
    QApplication::setOrganizationName(QStringLiteral("pmkv-studio"));
    QApplication::setApplicationVersion(QStringLiteral(PMKV_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("pmkv-studio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse, check and migrate a pm/ JSON tree to Redis / "
                                        "Upstash."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("folder"),
        QApplication::translate("main", "A pm/ folder to open (default: the last one)."));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QApplication::translate("main", "Select this file once the folder is read (path "
                                        "relative to the folder)."),
        QStringLiteral("path"));
    const QCommandLineOption conn(
        QStringLiteral("conn"),
        QApplication::translate("main", "Connect to this saved connection (default: the last "
                                        "one)."),
        QStringLiteral("name"));
    const QCommandLineOption redis(
        QStringLiteral("redis"),
        QApplication::translate("main", "Connect to this Redis server (redis://host:port[/db])."),
        QStringLiteral("url"));
    const QCommandLineOption layout(
        QStringLiteral("layout"),
        QApplication::translate("main", "Key layout for --redis: repository (default), strategy "
                                        "or a layout file."),
        QStringLiteral("layout"), QStringLiteral("repository"));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only"),
        QApplication::translate("main", "Open the --redis connection read-only."));
    const QCommandLineOption env(
        QStringLiteral("env"),
        QApplication::translate("main", "Environment of the --redis connection: DEV, STAGING or "
                                        "PROD."),
        QStringLiteral("env"));
    const QCommandLineOption dark(
        QStringLiteral("dark"),
        QApplication::translate("main", "Use a dark palette whatever the desktop's theme."));
    parser.addOptions({select, conn, redis, layout, readOnly, env, dark});
    parser.process(app);

    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    pmkv::MainWindow window;
    window.show();
    const QStringList folders = parser.positionalArguments();
    const QString folder = folders.isEmpty()
                               ? QSettings().value(QStringLiteral("files/lastFolder")).toString()
                               : folders.first();
    if (!folder.isEmpty())
        window.openFolder(folder, parser.value(select));

    if (parser.isSet(redis)) {
        pmkv::ConnectionProfile profile;
        profile.name = QStringLiteral("redis");
        profile.kind = pmkv::ConnectionProfile::Kind::Redis;
        profile.address = parser.value(redis);
        profile.layout = parser.value(layout);
        profile.readOnly = parser.isSet(readOnly);
        if (parser.isSet(env)) {
            const auto e = pmkv::ConnectionProfile::environmentFromName(parser.value(env));
            if (e)
                profile.environment = *e;
        }
        window.connectTo(profile);
    } else {
        const QString name =
            parser.isSet(conn) ? parser.value(conn)
                               : QSettings().value(QStringLiteral("kv/lastConnection")).toString();
        if (!name.isEmpty()) {
            pmkv::ProfileStore profiles;
            auto profile = profiles.find(name);
            if (profile)
                window.connectTo(profile.value());
            else if (parser.isSet(conn))
                QTextStream(stderr) << profile.error().message << '\n';
        }
    }
    return app.exec();
}
