#include "ttltext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace pmkv {

QString TtlText::describe(qint64 pttlMs)
{
    if (pttlMs == -1)
        return QCoreApplication::translate("TtlText", "no expiry");
    if (pttlMs < 0)
        return QCoreApplication::translate("TtlText", "key does not exist");
    return QCoreApplication::translate("TtlText", "expires in %1").arg(duration(pttlMs));
}

QString TtlText::duration(qint64 ms)
{
    if (ms < 10000)
        return QStringLiteral("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    const qint64 days = s / 86400;
    const qint64 hours = s % 86400 / 3600;
    const qint64 minutes = s % 3600 / 60;
    const qint64 seconds = s % 60;
    // The two largest units are enough to read it at a glance.
    if (days > 0)
        return hours > 0 ? QStringLiteral("%1 d %2 h").arg(QLocale().toString(days)).arg(hours)
                         : QStringLiteral("%1 d").arg(QLocale().toString(days));
    if (hours > 0)
        return minutes > 0 ? QStringLiteral("%1 h %2 min").arg(hours).arg(minutes)
                           : QStringLiteral("%1 h").arg(hours);
    return seconds > 0 ? QStringLiteral("%1 min %2 s").arg(minutes).arg(seconds)
                       : QStringLiteral("%1 min").arg(minutes);
}

std::optional<qint64> TtlText::parseSeconds(const QString& text)
{
    const QString t = text.trimmed().toLower();
    bool plain = false;
    const qint64 number = t.toLongLong(&plain);
    if (plain)
        return number > 0 ? std::optional<qint64>(number) : std::nullopt;
    static const QRegularExpression part(QStringLiteral("\\s*(\\d+)\\s*(d|h|min|m|s)\\s*"));
    qint64 total = 0;
    qsizetype at = 0;
    while (at < t.size()) {
        const auto match = part.match(t, at, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const qint64 n = match.captured(1).toLongLong();
        const QString unit = match.captured(2);
        total += unit == QLatin1String("d")   ? n * 86400
                 : unit == QLatin1String("h") ? n * 3600
                 : unit == QLatin1String("s") ? n
                                              : n * 60;
        at += match.capturedLength(0);
    }
    return total > 0 ? std::optional<qint64>(total) : std::nullopt;
}

} // namespace pmkv
