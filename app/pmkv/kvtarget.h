#pragma once

#include "connections/connectionprofile.h"
#include "connections/storethread.h"
#include "core/result.h"
#include "kv/kvstore.h"

#include <QCommandLineParser>

#include <memory>

namespace pmkv {

// The key space a `pmkv` command works on, named the same way by every command:
//   --conn NAME          a saved profile (secrets from the keychain, env or session)
//   --url http(s)://...  an Upstash-compatible REST endpoint, token in $PMKV_TOKEN
//   --redis redis://...  Redis directly (`redis://[user:pass@]host:port[/db]` or a socket)
// and, as one word (diff and sync sides): `conn:NAME`, `http(s)://...`, `redis://...`.
class KvTarget final
{
public:
    // Adds --conn, --url, --redis and --confirm-prod.
    static void addOptions(QCommandLineParser& parser);
    // True when one of --conn/--url/--redis is set.
    static bool isGiven(const QCommandLineParser& parser);
    // The profile the options name; exactly one of --conn/--url/--redis must be set.
    static Result<ConnectionProfile> fromOptions(const QCommandLineParser& parser);
    // True when `spec` names a connection rather than a path.
    static bool isConnectionSpec(const QString& spec);
    static Result<ConnectionProfile> fromSpec(const QString& spec);

    // Refuses writes to a PROD profile unless --confirm-prod=NAME names it.
    static Result<void> checkWriteAllowed(const ConnectionProfile& profile,
                                          const QCommandLineParser& parser);

    // Resolves the profile's secret and opens the store on `thread` (the store is destroyed
    // with the thread's context). Waits for the keychain; never prints the secret.
    static Result<KvStore*> open(const ConnectionProfile& profile, StoreThread& thread);
};

} // namespace pmkv
