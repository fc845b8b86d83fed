#include "environmentband.h"

#include "localenvconnection.h"

namespace pmkv {

EnvironmentBand::EnvironmentBand(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("environmentBand"));
    setAutoFillBackground(true);
    setContentsMargins(8, 3, 8, 3);
    hide();
}

void EnvironmentBand::showConnection(const ConnectionProfile& p, const QString& description,
                                     bool readOnly)
{
    QStringList parts;
    if (p.environment != ConnectionProfile::Environment::None)
        parts << ConnectionProfile::environmentName(p.environment);
    parts << LocalEnvConnection::label(p) << description;
    if (readOnly && !description.contains(QLatin1String("read-only")))
        parts << tr("read-only");
    setText(parts.join(QStringLiteral("  \u00b7  ")));
    QPalette pal = palette();
    const QColor colour =
        p.effectiveColour().isEmpty() ? pal.color(QPalette::Mid) : QColor(p.effectiveColour());
    pal.setColor(QPalette::Window, colour);
    pal.setColor(QPalette::WindowText, colour.lightness() < 140 ? Qt::white : Qt::black);
    setPalette(pal);
    QFont f = font();
    f.setBold(p.isProduction());
    setFont(f);
    show();
}

void EnvironmentBand::clearConnection()
{
    hide();
}

QString EnvironmentBand::bandText() const
{
    return isVisible() ? text() : QString();
}

} // namespace pmkv
