#pragma once

#include "clicommand.h"
#include "connections/connectionprofile.h"

namespace pmkv {

class ProfileStore;

// `pmkv conn list|add|test|remove|import`: the saved connection profiles shared with the
// desktop app, changed through the ConnectionBook workflow as the app's Connections dialog
// does. Secrets go to the keychain (or stay in an environment variable the profile names);
// they are never written to a file, printed or put in an error text.
class ConnCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("conn"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    QString epilog() const override;
    int execute(const QCommandLineParser& parser) override;

private:
    int list(const QCommandLineParser& parser, ProfileStore& profiles);
    int add(const QCommandLineParser& parser, const QStringList& args, ProfileStore& profiles);
    int importEnv(const QCommandLineParser& parser, const QStringList& args,
                  ProfileStore& profiles);
    int remove(const QStringList& args, ProfileStore& profiles);
    int test(const QCommandLineParser& parser, const QStringList& args);

    // Applies --db, --layout, --prefix, --read-only, --env, --colour, --user,
    // --allow-insecure-http to `profile`; false and a message when one is wrong.
    static bool applyOptions(const QCommandLineParser& parser, ConnectionProfile& profile,
                             QString& error);
};

} // namespace pmkv
