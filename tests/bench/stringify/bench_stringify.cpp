// JsStringify (what every migrated value goes through) over the JSON files of a tree, in
// memory, on one thread; next to nlohmann::json parse + dump of the same files, the obvious
// library way to make compact JSON (which does not follow JavaScript's property order).
#include "files/jsstringify.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

using namespace pmkv;

namespace {

// Best of `repeats` passes over `files`: seconds.
double bestOf(int repeats, const std::vector<QByteArray>& files,
              const std::function<qsizetype(const QByteArray&)>& convert, qint64* written)
{
    double best = 1e9;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer clock;
        clock.start();
        qint64 out = 0;
        for (const QByteArray& file : files)
            out += convert(file);
        best = qMin(best, double(clock.nsecsElapsed()) / 1e9);
        *written = out;
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        QTextStream(stderr) << "usage: bench_stringify <pm-folder> [repeats]\n";
        return 64;
    }
    const int repeats = argc > 2 ? qMax(1, atoi(argv[2])) : 5;
    std::vector<QByteArray> files;
    qint64 bytes = 0;
    QDirIterator it(QString::fromLocal8Bit(argv[1]), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        files.push_back(f.readAll());
        bytes += files.back().size();
    }
    qint64 ours = 0;
    const double jsSeconds = bestOf(
        repeats, files,
        [](const QByteArray& file) {
            const auto value = JsStringify::fromJsonText(file);
            return value ? value.value().size() : 0;
        },
        &ours);
    qint64 theirs = 0;
    const double nlSeconds = bestOf(
        repeats, files,
        [](const QByteArray& file) {
            const auto doc =
                nlohmann::ordered_json::parse(file.constBegin(), file.constEnd(), nullptr, false);
            return qsizetype(doc.is_discarded() ? 0 : doc.dump().size());
        },
        &theirs);
    const double mb = double(bytes) / 1e6;
    QTextStream out(stdout);
    out << files.size() << " files, " << QString::number(mb, 'f', 1) << " MB, best of " << repeats
        << ", one thread\n";
    out << "JsStringify::fromJsonText    " << QString::number(jsSeconds, 'f', 3) << " s  "
        << QString::number(mb / jsSeconds, 'f', 0) << " MB/s  (" << ours << " bytes out)\n";
    out << "nlohmann parse + dump        " << QString::number(nlSeconds, 'f', 3) << " s  "
        << QString::number(mb / nlSeconds, 'f', 0) << " MB/s  (" << theirs << " bytes out)\n";
    out << "ratio: JsStringify = " << QString::number(nlSeconds / jsSeconds, 'f', 2)
        << " x nlohmann parse + dump\n";
    return 0;
}
