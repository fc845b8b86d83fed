#include "connections/profilestore.h"
#include "darkpalette.h"
#include "mainwindow.h"
#include "translations.h"
#include "workflows/targetspec.h"

#include <QApplication>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>

#include <optional>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("pmkv-studio"));
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PMKV_VERSION));
}

bool asksForHelpOrVersion(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

// The command line, the same for --help (without a display) and a real start.
struct CommandLine
{
    explicit CommandLine(QCommandLineParser& parser)
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Browse, check and migrate a pm/ JSON tree to Redis / Upstash."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(
            QStringLiteral("folder"),
            QCoreApplication::translate("main", "A pm/ folder to open (default: the last one)."));
        parser.addOptions({select, conn, url, redis, layout, readOnly, env, dark});
    }

    const QCommandLineOption select{
        QStringLiteral("select"),
        QCoreApplication::translate("main", "Select this file once the folder is read (path "
                                            "relative to the folder)."),
        QStringLiteral("path")};
    const QCommandLineOption conn{
        QStringLiteral("conn"),
        QCoreApplication::translate("main", "Connect to this saved connection (default: the last "
                                            "one)."),
        QStringLiteral("name")};
    const QCommandLineOption url{
        QStringLiteral("url"),
        QCoreApplication::translate("main", "Connect to this Upstash-compatible REST endpoint "
                                            "(http(s)://host[:port]); the token is read from the "
                                            "PMKV_TOKEN environment variable."),
        QStringLiteral("url")};
    const QCommandLineOption redis{
        QStringLiteral("redis"),
        QCoreApplication::translate("main",
                                    "Connect to this Redis server (redis://host:port[/db])."),
        QStringLiteral("url")};
    const QCommandLineOption layout{
        QStringLiteral("layout"),
        QCoreApplication::translate("main", "Key layout for --url and --redis: repository "
                                            "(default), strategy or a layout file."),
        QStringLiteral("layout"), QStringLiteral("repository")};
    const QCommandLineOption readOnly{
        QStringLiteral("read-only"),
        QCoreApplication::translate("main", "Open the --url or --redis connection read-only.")};
    const QCommandLineOption env{
        QStringLiteral("env"),
        QCoreApplication::translate("main", "Environment of the --url or --redis connection: "
                                            "DEV, STAGING or PROD."),
        QStringLiteral("env")};
    const QCommandLineOption dark{
        QStringLiteral("dark"),
        QCoreApplication::translate("main", "Use a dark palette whatever the desktop's theme.")};
};

} // namespace

int main(int argc, char** argv)
{
#ifdef __GLIBC__
    // Two malloc arenas instead of one per thread: memory freed by the workers (the folder's
    // reading, the alignment) is reused by the GUI thread's trees instead of staying in the
    // workers' arenas (about 70 MiB less at 1,000,000 keys).
    mallopt(M_ARENA_MAX, 2);
#endif
    if (asksForHelpOrVersion(argc, argv)) {
        // Answered without a display: QApplication aborts when it finds none.
        QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        const CommandLine options(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("PMKV Studio"));
    // The system's language where a translation exists (PMKV_TRANSLATIONS: another folder).
    pmkv::Translations::install(
        app, QLocale(),
        qEnvironmentVariable("PMKV_TRANSLATIONS").split(QLatin1Char(':'), Qt::SkipEmptyParts));
    QApplication::setDesktopFileName(QStringLiteral("pmkv-studio"));

    QCommandLineParser parser;
    const CommandLine options(parser);
    parser.process(app);
    const QCommandLineOption& select = options.select;
    const QCommandLineOption& conn = options.conn;
    const QCommandLineOption& url = options.url;
    const QCommandLineOption& redis = options.redis;
    const QCommandLineOption& layout = options.layout;
    const QCommandLineOption& readOnly = options.readOnly;
    const QCommandLineOption& env = options.env;
    const QCommandLineOption& dark = options.dark;

    // Checked before a window shows: a wrong word is an error, never silently ignored.
    std::optional<pmkv::ConnectionProfile::Environment> environment =
        pmkv::ConnectionProfile::Environment::None;
    if (parser.isSet(env)) {
        environment = pmkv::ConnectionProfile::environmentFromName(parser.value(env));
        if (!environment) {
            QTextStream(stderr) << "pmkv-studio: --env " << parser.value(env)
                                << ": expected DEV, STAGING or PROD\n";
            return 2;
        }
    }
    if (parser.isSet(url) && parser.isSet(redis)) {
        QTextStream(stderr) << "pmkv-studio: give --url or --redis, not both\n";
        return 2;
    }
    if (parser.isSet(dark)) {
        pmkv::DarkPalette::apply();
    }

    pmkv::MainWindow window;
    window.show();
    const QStringList folders = parser.positionalArguments();
    const QString folder = folders.isEmpty()
                               ? QSettings().value(QStringLiteral("files/lastFolder")).toString()
                               : folders.first();
    if (!folder.isEmpty())
        window.openFolder(folder, parser.value(select));

    if (parser.isSet(url) || parser.isSet(redis)) {
        // A connection of this start only: not saved, and not the one the next start opens.
        pmkv::ConnectionProfile profile =
            pmkv::TargetSpec::forAddress(parser.value(parser.isSet(url) ? url : redis));
        profile.layout = parser.value(layout);
        profile.readOnly = parser.isSet(readOnly);
        profile.environment = *environment;
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
