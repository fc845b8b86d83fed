#include "conncommand.h"

#include "connections/connectiontester.h"
#include "connections/envfileimport.h"
#include "connections/profilestore.h"
#include "connections/storethread.h"
#include "exitcode.h"
#include "kvtarget.h"
#include "workflows/connectionbook.h"
#include "workflows/targetsession.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace pmkv {

namespace {

QJsonObject profileJson(const ConnectionProfile& p)
{
    return QJsonObject{
        {QStringLiteral("name"), p.name},
        {QStringLiteral("kind"), ConnectionProfile::kindName(p.kind)},
        {QStringLiteral("address"), p.address},
        {QStringLiteral("database"), p.database},
        {QStringLiteral("layout"), p.layout},
        {QStringLiteral("prefix"), p.prefix},
        {QStringLiteral("readOnly"), p.readOnly},
        {QStringLiteral("environment"), ConnectionProfile::environmentName(p.environment)},
        {QStringLiteral("colour"), p.effectiveColour()},
        {QStringLiteral("hasReadOnlyToken"), p.hasReadOnlyToken},
        {QStringLiteral("user"), p.redisUser},
        {QStringLiteral("allowInsecureHttp"), p.allowInsecureHttp},
        {QStringLiteral("cluster"), p.isCluster()},
        {QStringLiteral("replicaReads"), p.replicaReads},
        {QStringLiteral("proxy"), p.proxy.toString()},
        {QStringLiteral("secret"), ConnectionProfile::secretSourceName(p.secretSource)},
        {QStringLiteral("secretVariable"), p.secretVariable},
    };
}

QString secretText(const ConnectionProfile& p)
{
    switch (p.secretSource) {
    case ConnectionProfile::SecretSource::Keychain:
        return p.hasReadOnlyToken ? QStringLiteral("keychain (+read-only token)")
                                  : QStringLiteral("keychain");
    case ConnectionProfile::SecretSource::EnvironmentVariable:
        return QStringLiteral("$") + p.secretVariable;
    case ConnectionProfile::SecretSource::Session:
        return QStringLiteral("session");
    case ConnectionProfile::SecretSource::None:
        break;
    }
    return QStringLiteral("none");
}

// One line of standard input, without its line end (a secret piped in by a script).
QByteArray readSecretLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

QString ConnCommand::summary() const
{
    return QStringLiteral("List, add, test, remove and import saved connections (profiles).");
}

void ConnCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list | add | test | remove | import"));
    parser.addPositionalArgument(QStringLiteral("args"), QStringLiteral("NAME [ADDRESS] or FILE"),
                                 QStringLiteral("[...]"));
    KvTarget::addOptions(parser);
    const auto opt = [&parser](const QString& name, const QString& help,
                               const QString& value = QString()) {
        parser.addOption(value.isEmpty() ? QCommandLineOption(name, help)
                                         : QCommandLineOption(name, help, value));
    };
    opt(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    opt(QStringLiteral("kind"),
        QStringLiteral("upstash, proxy or redis (default: guessed from "
                       "the address)."),
        QStringLiteral("kind"));
    opt(QStringLiteral("db"), QStringLiteral("Redis database number."), QStringLiteral("n"));
    opt(QStringLiteral("layout"), QStringLiteral("Key layout: repository, strategy or a file."),
        QStringLiteral("layout"));
    opt(QStringLiteral("prefix"), QStringLiteral("Key prefix."), QStringLiteral("prefix"));
    opt(QStringLiteral("read-only"), QStringLiteral("Refuse every write through this connection."));
    opt(QStringLiteral("env"), QStringLiteral("Environment label: PROD, STAGING or DEV."),
        QStringLiteral("label"));
    opt(QStringLiteral("colour"), QStringLiteral("Label colour, #rrggbb."), QStringLiteral("rgb"));
    opt(QStringLiteral("user"), QStringLiteral("Redis ACL user name."), QStringLiteral("user"));
    opt(QStringLiteral("cluster"),
        QStringLiteral("Redis: the address is a node of a Redis Cluster (implied by "
                       "redis+cluster://host:port,...)."));
    opt(QStringLiteral("replica-reads"),
        QStringLiteral("Redis Cluster: browsing may read from the masters' replicas (they can "
                       "lag behind); jobs always read the masters. Same as ?replicas=prefer in "
                       "a redis+cluster:// address."));
    opt(QStringLiteral("proxy"),
        QStringLiteral("REST: the HTTP proxy to go through: system (the desktop's setting or "
                       "https_proxy, the default), none, or http://host:port / "
                       "socks5://host:port."),
        QStringLiteral("proxy"));
    // --allow-insecure-http comes with KvTarget::addOptions (used by add and import too).
    opt(QStringLiteral("token-stdin"),
        QStringLiteral("Read the token (REST) or password (Redis) from the first line of "
                       "standard input and keep it in the keychain."));
    opt(QStringLiteral("read-only-token-stdin"),
        QStringLiteral("Read a read-only REST token from the next line of standard input."));
    opt(QStringLiteral("secret-env"),
        QStringLiteral("Read the secret from this environment variable each time instead of "
                       "the keychain."),
        QStringLiteral("VAR"));
    opt(QStringLiteral("from-env"),
        QStringLiteral("import: store no token; the profile reads the variable the file names "
                       "(e.g. KV_REST_API_TOKEN) from the environment at run time."));
    opt(QStringLiteral("name"), QStringLiteral("Name of the imported connection."),
        QStringLiteral("name"));
    opt(QStringLiteral("replace"), QStringLiteral("Replace a connection of the same name."));
}

QString ConnCommand::epilog() const
{
    return QStringLiteral(
        "Actions:\n"
        "  list                      the saved connections (no secrets)\n"
        "  add NAME ADDRESS          save a connection; ADDRESS is https://..., "
        "http://127.0.0.1:PORT\n"
        "                            (a local proxy) or redis://host:port[/db]\n"
        "  test NAME | --url/--redis latency, server kind, key count, whether it may write\n"
        "  remove NAME               forget a connection and its keychain secrets\n"
        "  import FILE               a .env.local with UPSTASH_REDIS_REST_URL/_TOKEN or\n"
        "                            KV_REST_API_URL/_TOKEN/_READ_ONLY_TOKEN\n"
        "\n"
        "Secrets are kept in the keychain (libsecret / Secret Service), or read from an\n"
        "environment variable each time (--secret-env); never in a file. Profiles live in\n"
        "$XDG_CONFIG_HOME/pmkv-studio/connections.ini.\n"
        "\n"
        "Examples:\n"
        "  echo \"$TOKEN\" | pmkv conn add prod-eu https://eu1-x.upstash.io --token-stdin --env "
        "PROD\n"
        "  pmkv conn add local http://127.0.0.1:8080 --secret-env PMKV_PROXY_TOKEN\n"
        "  pmkv conn add cache redis://127.0.0.1:6379/2 --read-only\n"
        "  pmkv conn import .env.local --name staging --env STAGING\n"
        "  pmkv conn import .env.local --from-env   (tokens stay in the environment)\n"
        "  pmkv conn test prod-eu --json\n"
        "\n"
        "Exit codes: 0 done, 2 failed (unreachable, refused, no keychain ...), 64 wrong command "
        "line.");
}

int ConnCommand::execute(const QCommandLineParser& parser)
{
    QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usageError(QStringLiteral("give an action: list, add, test, remove or import"));
    const QString action = args.takeFirst();
    ProfileStore profiles;
    if (action == QLatin1String("list"))
        return list(parser, profiles);
    if (action == QLatin1String("add"))
        return add(parser, args, profiles);
    if (action == QLatin1String("import"))
        return importEnv(parser, args, profiles);
    if (action == QLatin1String("remove") || action == QLatin1String("rm"))
        return remove(args, profiles);
    if (action == QLatin1String("test"))
        return test(parser, args);
    return usageError(
        QStringLiteral("unknown action \"%1\": use list, add, test, remove or import").arg(action));
}

int ConnCommand::list(const QCommandLineParser& parser, ProfileStore& profiles)
{
    const QList<ConnectionProfile> all = profiles.list();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ConnectionProfile& p : all)
            array.append(profileJson(p));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitClean;
    }
    if (all.isEmpty()) {
        err() << "no connections in " << profiles.fileName()
              << " (add one with 'pmkv conn add' or 'pmkv conn import')\n";
        return ExitClean;
    }
    for (const ConnectionProfile& p : all) {
        out() << p.name << '\t' << ConnectionProfile::kindName(p.kind) << '\t'
              << (ConnectionProfile::environmentName(p.environment).isEmpty()
                      ? QStringLiteral("-")
                      : ConnectionProfile::environmentName(p.environment))
              << '\t' << (p.readOnly ? "read-only" : "read-write") << '\t' << p.address;
        if (p.kind == ConnectionProfile::Kind::Redis && p.database != 0)
            out() << " (db " << p.database << ')';
        if (p.cluster)
            out() << " (cluster)";
        if (p.replicaReads)
            out() << " (replica reads)";
        if (p.proxy.mode != RestProxy::Mode::System)
            out() << " (proxy " << p.proxy.toString() << ')';
        out() << '\t' << secretText(p) << '\n';
    }
    return ExitClean;
}

bool ConnCommand::applyOptions(const QCommandLineParser& parser, ConnectionProfile& p,
                               QString& error)
{
    if (parser.isSet(QStringLiteral("db"))) {
        bool ok = false;
        p.database = parser.value(QStringLiteral("db")).toInt(&ok);
        if (!ok) {
            error = QStringLiteral("--db needs a number");
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("layout")))
        p.layout = parser.value(QStringLiteral("layout"));
    if (parser.isSet(QStringLiteral("prefix")))
        p.prefix = parser.value(QStringLiteral("prefix"));
    p.readOnly = parser.isSet(QStringLiteral("read-only"));
    if (parser.isSet(QStringLiteral("env"))) {
        const auto env =
            ConnectionProfile::environmentFromName(parser.value(QStringLiteral("env")));
        if (!env) {
            error = QStringLiteral("--env is PROD, STAGING or DEV");
            return false;
        }
        p.environment = *env;
    }
    if (parser.isSet(QStringLiteral("colour")))
        p.colour = parser.value(QStringLiteral("colour"));
    if (parser.isSet(QStringLiteral("user")))
        p.redisUser = parser.value(QStringLiteral("user"));
    p.cluster = parser.isSet(QStringLiteral("cluster"));
    if (p.cluster && p.kind != ConnectionProfile::Kind::Redis) {
        error = QStringLiteral("--cluster is for Redis connections (redis://host:port)");
        return false;
    }
    p.replicaReads = parser.isSet(QStringLiteral("replica-reads"));
    if (p.replicaReads && !p.isCluster()) {
        error = QStringLiteral("--replica-reads is for a Redis Cluster (redis+cluster://... or "
                               "--cluster)");
        return false;
    }
    p.allowInsecureHttp = parser.isSet(QStringLiteral("allow-insecure-http"));
    if (parser.isSet(QStringLiteral("proxy"))) {
        if (p.kind == ConnectionProfile::Kind::Redis) {
            error = QStringLiteral("--proxy is for REST connections (upstash, proxy); a Redis "
                                   "connection goes straight to the server");
            return false;
        }
        const auto proxy = RestProxy::parse(parser.value(QStringLiteral("proxy")));
        if (!proxy) {
            error = QStringLiteral("--proxy: ") + proxy.error().message;
            return false;
        }
        p.proxy = proxy.value();
    }
    return true;
}

int ConnCommand::add(const QCommandLineParser& parser, const QStringList& args,
                     ProfileStore& profiles)
{
    if (args.size() != 2)
        return usageError(QStringLiteral("add needs NAME and ADDRESS"));
    ConnectionProfile p;
    p.name = args.at(0);
    p.address = args.at(1);
    p.kind = ConnectionProfile::guessKind(p.address);
    if (parser.isSet(QStringLiteral("kind"))) {
        const auto kind = ConnectionProfile::kindFromName(parser.value(QStringLiteral("kind")));
        if (!kind)
            return usageError(QStringLiteral("--kind is upstash, proxy or redis"));
        p.kind = *kind;
    }
    QString error;
    if (!applyOptions(parser, p, error))
        return usageError(error);
    const bool tokenIn = parser.isSet(QStringLiteral("token-stdin"));
    const bool readOnlyIn = parser.isSet(QStringLiteral("read-only-token-stdin"));
    const bool fromEnv = parser.isSet(QStringLiteral("secret-env"));
    if (fromEnv && (tokenIn || readOnlyIn))
        return usageError(QStringLiteral("give either --secret-env or --token-stdin, not both"));
    if (fromEnv) {
        p.secretSource = ConnectionProfile::SecretSource::EnvironmentVariable;
        p.secretVariable = parser.value(QStringLiteral("secret-env"));
    } else if (tokenIn || readOnlyIn) {
        p.secretSource = ConnectionProfile::SecretSource::Keychain;
        p.hasReadOnlyToken = readOnlyIn;
    }
    ConnectionBook::Save request;
    request.token = tokenIn ? readSecretLine() : QByteArray();
    request.readOnlyToken = readOnlyIn ? readSecretLine() : QByteArray();
    if ((tokenIn && request.token.isEmpty()) || (readOnlyIn && request.readOnlyToken.isEmpty()))
        return failure(QStringLiteral("no secret on standard input (one line per secret)"));
    request.profile = p;
    request.replace = parser.isSet(QStringLiteral("replace"));
    // The keychain first, waited for; the profile only once the secrets are there.
    auto saved = ConnectionBook(profiles).save(request);
    if (!saved)
        return failure(saved.error());
    err() << "saved connection \"" << p.name << "\" (" << ConnectionProfile::kindName(p.kind)
          << ", secret: " << secretText(saved.value()) << ") in " << profiles.fileName() << '\n';
    return ExitClean;
}

int ConnCommand::importEnv(const QCommandLineParser& parser, const QStringList& args,
                           ProfileStore& profiles)
{
    if (args.size() != 1)
        return usageError(QStringLiteral("import needs one .env file"));
    auto imported = EnvFileImport::read(args.first());
    if (!imported)
        return failure(imported.error());
    const EnvFileImport& env = imported.value();
    ConnectionBook::Import request;
    ConnectionProfile& p = request.profile;
    p.name = parser.value(QStringLiteral("name")); // empty: named after the URL's host
    QString error;
    if (!applyOptions(parser, p, error))
        return usageError(error);
    request.fromEnvironment = parser.isSet(QStringLiteral("from-env"));
    request.replace = parser.isSet(QStringLiteral("replace"));
    auto saved = ConnectionBook(profiles).import(env, request);
    if (!saved)
        return failure(saved.error());
    err() << "imported connection \"" << saved.value().name << "\" from "
          << QFileInfo(args.first()).fileName() << " (" << env.urlVariable
          << ", secret: " << secretText(saved.value()) << "); the file was not changed\n";
    return ExitClean;
}

int ConnCommand::remove(const QStringList& args, ProfileStore& profiles)
{
    if (args.size() != 1)
        return usageError(QStringLiteral("remove needs a NAME"));
    // The keychain's secrets first, then the profile.
    auto removed = ConnectionBook(profiles).remove(args.first());
    if (!removed)
        return failure(removed.error());
    for (const QString& warning : removed.value())
        err() << "pmkv conn: warning: " << warning << '\n';
    err() << "removed connection \"" << args.first() << "\"\n";
    return ExitClean;
}

int ConnCommand::test(const QCommandLineParser& parser, const QStringList& args)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    Result<ConnectionProfile> profile =
        args.size() == 1 ? KvTarget::fromSpec(QStringLiteral("conn:") + args.first())
                         : KvTarget::fromOptions(parser);
    if (args.size() > 1 || (args.size() == 1 && KvTarget::isGiven(parser)))
        return usageError(QStringLiteral("test needs one NAME, or --url/--redis"));
    auto fail = [&](const Error& e) {
        if (json) {
            const QJsonObject o{
                {QStringLiteral("ok"), false},
                {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), e.code},
                                                      {QStringLiteral("message"), e.message}}}};
            out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
            out().flush();
        }
        return failure(e);
    };
    if (!profile)
        return KvTarget::isCommandLineError(profile.error()) ? usageError(profile.error().message)
                                                             : fail(profile.error());
    const ConnectionProfile& p = profile.value();
    auto opened = TargetSession::open(p);
    if (!opened)
        return fail(opened.error());
    KvStore* store = &opened.value()->store();
    auto running = opened.value()->thread().call([store] { return ConnectionTester::run(store); });
    running.waitForFinished();
    const Result<ConnectionTester::Report> report = running.result();
    if (!report)
        return fail(report.error());
    const ConnectionTester::Report& r = report.value();
    if (json) {
        QJsonObject o{
            {QStringLiteral("ok"), true},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("kind"), ConnectionProfile::kindName(p.kind)},
            {QStringLiteral("address"), store->describe()},
            {QStringLiteral("environment"), ConnectionProfile::environmentName(p.environment)},
            {QStringLiteral("readOnly"), p.readOnly},
            {QStringLiteral("serverKind"), r.serverKind},
            {QStringLiteral("connectMs"), r.connectMs},
            {QStringLiteral("latencyMs"), r.latencyMs},
            {QStringLiteral("keyCount"), r.keyCount},
            {QStringLiteral("canWrite"), r.canWrite},
            {QStringLiteral("writeNote"), r.writeNote},
            {QStringLiteral("canScan"), r.canScan}};
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitClean;
    }
    out() << "connection  " << p.name << " (" << ConnectionProfile::kindName(p.kind) << ", "
          << store->describe() << ")\n"
          << "server      " << r.serverKind << '\n'
          << "latency     " << QString::number(r.latencyMs, 'f', 2) << " ms (first request "
          << QString::number(r.connectMs, 'f', 2) << " ms)\n"
          << "keys        "
          << (r.keyCount < 0 ? QStringLiteral("unknown") : QString::number(r.keyCount)) << '\n'
          << "can write   " << (r.canWrite ? "yes" : "no") << " (" << r.writeNote << ")\n"
          << "can scan    " << (r.canScan ? "yes" : "no (browse by the layout's list keys)")
          << '\n';
    return ExitClean;
}

} // namespace pmkv
