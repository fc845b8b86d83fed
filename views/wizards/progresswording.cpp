#include "progresswording.h"

#include <QLocale>

namespace pmkv {

ProgressWording::Unit ProgressWording::unitOf(const QString& phase)
{
    // The phases the jobs report (storage/jobs: ProgressMeter's phase): the migration's
    // writes, a validation's comparisons, a rollback's and a snapshot restore's writes all
    // count keys. A backup of the folder counts files.
    for (const char* keys : {"write", "resume", "validate", "rollback", "restore", "snapshot"}) {
        if (phase == QLatin1String(keys))
            return Unit::Keys;
    }
    if (phase == QLatin1String("backup"))
        return Unit::Files;
    return Unit::None;
}

QString ProgressWording::countText(const JobProgress& progress)
{
    const QLocale locale;
    const QString done = locale.toString(progress.done);
    const QString count =
        progress.total > 0 ? tr("%1 of %2").arg(done, locale.toString(progress.total)) : done;
    switch (unitOf(progress.phase)) {
    case Unit::Keys:
        return tr("%1 keys").arg(count);
    case Unit::Files:
        return tr("%1 files").arg(count);
    case Unit::None:
        break;
    }
    return count;
}

QString ProgressWording::rateText(const JobProgress& progress)
{
    if (progress.itemsPerSecond <= 0)
        return QString();
    const QLocale locale;
    const QString items = locale.toString(qint64(progress.itemsPerSecond + 0.5));
    QString rate;
    switch (unitOf(progress.phase)) {
    case Unit::Keys:
        rate = tr("%1 keys/s").arg(items);
        break;
    case Unit::Files:
        rate = tr("%1 files/s").arg(items);
        break;
    case Unit::None:
        return QString(); // a rate of nothing named would only mislead
    }
    // Bytes per second from the same clock: the items' rate gives the time spent so far.
    if (progress.bytesDone > 0 && progress.done > 0) {
        const double seconds = double(progress.done) / progress.itemsPerSecond;
        rate += QStringLiteral(" \u00b7 ") +
                tr("%1/s").arg(locale.formattedDataSize(qint64(progress.bytesDone / seconds)));
    }
    return rate;
}

} // namespace pmkv
