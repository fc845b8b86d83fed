// Scans a pm/ tree the way `pmkv scan` does and prints files/s, MB/s and peak memory.
// Usage: bench_scan <pm-folder> [repeats]
#include "files/pmreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <sys/resource.h>

using namespace pmkv;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: bench_scan <pm-folder> [repeats]\n";
        return 64;
    }
    const int repeats = args.size() > 2 ? args.at(2).toInt() : 3;
    double best = 1e300;
    qsizetype files = 0;
    qint64 bytes = 0;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto index = PmReader::read(args.at(1));
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!index) {
            QTextStream(stderr) << index.error().message << '\n';
            return 2;
        }
        files = index.value().entities.size();
        bytes = index.value().totalBytes;
        best = std::min(best, seconds);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    QTextStream(stdout) << "scan: " << files << " files, "
                        << QString::number(double(bytes) / 1e6, 'f', 1) << " MB, best of "
                        << repeats << ": " << QString::number(best, 'f', 3)
                        << " s = " << QString::number(double(files) / best, 'f', 0) << " files/s, "
                        << QString::number(double(bytes) / 1e6 / best, 'f', 1) << " MB/s, peak RSS "
                        << QString::number(double(usage.ru_maxrss) / 1024.0, 'f', 0) << " MiB\n";
    return 0;
}
