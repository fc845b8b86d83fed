#pragma once

#include "connections/connectionprofile.h"

#include <QLabel>

namespace pmkv {

// The band over the trees once a key space is open: environment, connection, where it points
// and whether it is read-only, in the profile's colour (PROD red and bold by default), so
// nobody mistakes production for a test database.
class EnvironmentBand final : public QLabel
{
    Q_OBJECT

public:
    explicit EnvironmentBand(QWidget* parent = nullptr);

    void showConnection(const ConnectionProfile& profile, const QString& description,
                        bool readOnly);
    void clearConnection();
    // The band's text, empty while hidden.
    QString bandText() const;
};

} // namespace pmkv
