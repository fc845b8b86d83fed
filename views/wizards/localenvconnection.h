#pragma once

#include "connections/connectionprofile.h"

#include <QCoreApplication>
#include <QString>

namespace pmkv {

// The connection to the local environment (`pmkv env`: the local Redis + pmkv-proxy pair),
// as the Local Environment panel hands it to the window: a DEV profile of this session only.
// It is kept apart from the saved connections: it has a name of its own (a saved connection
// is often called "local", and was taken for it), the Connections dialog does not save a
// connection under that name, and the GUI labels it as the local environment.
class LocalEnvConnection final
{
    Q_DECLARE_TR_FUNCTIONS(pmkv::LocalEnvConnection)

public:
    // The REST connection to the local proxy at `url`.
    static ConnectionProfile profile(const QString& url);
    static bool isLocalEnv(const ConnectionProfile& profile);
    // The name the local environment's connection goes by, kept from the saved ones.
    static QString reservedName();
    // What the GUI calls a connection: "Local environment (pmkv env)", or its name.
    static QString label(const ConnectionProfile& profile);
};

} // namespace pmkv
