#pragma once

#include "connections/connectionprofile.h"
#include "core/result.h"

#include <QCommandLineParser>

namespace pmkv {

// The key space a `pmkv` command works on, named the same way by every command (options to
// a profile; the workflows open it and apply the write rule):
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
    // True for fromOptions()'s refusals of the command line itself (no target, several):
    // a usage error (exit 64), not a failure of the command.
    static bool isCommandLineError(const Error& error);
    // A key space in one word (conn:NAME, http(s)://..., redis://...): see TargetSpec.
    static Result<ConnectionProfile> fromSpec(const QString& spec);

    // What the user typed to confirm a write to a PROD connection (--confirm-prod).
    static QString confirmation(const QCommandLineParser& parser);
};

} // namespace pmkv
