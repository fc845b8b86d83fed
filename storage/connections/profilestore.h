#pragma once

#include "connections/connectionprofile.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <memory>

class QSettings;

namespace pmkv {

// The saved connection profiles, in QSettings (~/.config/pmkv-studio/connections.ini on
// Linux), shared by the desktop app and `pmkv`. Nothing secret is ever written here.
class ProfileStore final
{
public:
    // The user's profiles (organisation "pmkv-studio", file "connections").
    ProfileStore();
    // Profiles in a given settings file (tests, portable set-ups).
    explicit ProfileStore(const QString& iniPath);
    ~ProfileStore();
    ProfileStore(const ProfileStore&) = delete;
    ProfileStore& operator=(const ProfileStore&) = delete;

    QList<ConnectionProfile> list() const;
    Result<ConnectionProfile> find(const QString& name) const;
    bool contains(const QString& name) const;
    // Validates and writes the profile (replacing one of the same name when `replace`).
    Result<void> save(const ConnectionProfile& profile, bool replace);
    Result<void> remove(const QString& name);
    // Where the settings live, for messages.
    QString fileName() const;

private:
    static QString group(const QString& name);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace pmkv
