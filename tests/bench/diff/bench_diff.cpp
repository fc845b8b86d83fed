// bench_diff N FRACTION: builds N story entities (realistic generated documents) on two
// in-memory KV sides, changes FRACTION of them on the right (one field each, a mix of
// scalar, text and array edits), then times SideComparer::compare and reads the process's
// peak resident memory (VmHWM, reset before the comparison where the kernel allows it).
#include "diff/diffsidebuilder.h"
#include "diff/jsonparser.h"
#include "diff/sidecomparer.h"
#include "generate/documentfactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace pmkv;

namespace {

qint64 statusKb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const double fraction = argc > 2 ? std::atof(argv[2]) : 0.01;

    QElapsedTimer timer;
    timer.start();
    DocumentFactory factory(99);
    QVector<DiffSideBuilder::KvItem> left;
    QVector<DiffSideBuilder::KvItem> right;
    left.reserve(n);
    right.reserve(n);
    const int perEpic = 500;
    const int epicsPerProject = 20;
    const QStringList siblings = {QStringLiteral("F-AB-001"), QStringLiteral("F-AB-002")};
    const int changeEvery = fraction > 0 ? int(1.0 / fraction) : 0;
    int changed = 0;
    for (int i = 0; i < n; ++i) {
        const QString project = QStringLiteral("project-%1").arg(i / (perEpic * epicsPerProject));
        const QString epic = QStringLiteral("epic-%1").arg((i / perEpic) % epicsPerProject);
        const QString story = QStringLiteral("F-AB-%1").arg(i % perEpic, 3, 10, QLatin1Char('0'));
        const QString key =
            QStringLiteral("pm:project:%1:epic:%2:story:%3").arg(project, epic, story);
        const nlohmann::ordered_json doc =
            factory.story(story, epic, QStringLiteral("person-1"), siblings);
        const std::string compact = doc.dump();
        QByteArray value(compact.data(), qsizetype(compact.size()));
        QByteArray other(value.constData(), value.size()); // a real copy: two sides in memory
        if (changeEvery && i % changeEvery == changeEvery / 2) {
            nlohmann::ordered_json edited = doc;
            switch (changed % 4) {
            case 0:
                edited["status"] = "bench-status"; // never a generated value
                break;
            case 1:
                edited["description"] =
                    edited["description"].get<std::string>() + "\nOne more line.";
                break;
            case 2:
                edited["tags"].push_back("bench");
                break;
            default:
                edited["estimate"]["storyPoints"] = 9007199254740993ull;
                break;
            }
            const std::string e = edited.dump();
            other = QByteArray(e.data(), qsizetype(e.size()));
            ++changed;
        }
        left.append({key, value, QStringLiteral("string"), -1});
        right.append({key, other, QStringLiteral("string"), -1});
    }
    const double genSeconds = double(timer.nsecsElapsed()) / 1e9;

    const KeyLayout layout = KeyLayout::preset(QStringLiteral("repository")).value();
    timer.restart();
    DiffSide l =
        DiffSideBuilder::fromKvItems(QStringLiteral("left"), QStringLiteral("left"), left, layout);
    DiffSide r = DiffSideBuilder::fromKvItems(QStringLiteral("right"), QStringLiteral("right"),
                                              right, layout);
    const double sideSeconds = double(timer.nsecsElapsed()) / 1e9;
    left.clear();
    left.squeeze();
    right.clear();
    right.squeeze();

    const qint64 dataBytes = l.valueBytes + r.valueBytes;
    const qint64 rssBefore = statusKb("VmRSS:");
    const bool peakReset = resetPeak();

    double best = 1e9;
    DiffReport report;
    for (int round = 0; round < 3; ++round) {
        timer.restart();
        report = SideComparer::compare(l, r, {});
        best = std::min(best, double(timer.nsecsElapsed()) / 1e9);
    }
    const qint64 peakKb = statusKb("VmHWM:");

    std::printf("entities: %d per side, %d changed (%.2f%%), data %.1f MB (both sides' values)\n",
                n, changed, 100.0 * changed / n, double(dataBytes) / 1e6);
    std::printf("setup: generate %.2f s, sides (key -> entity) %.2f s\n", genSeconds, sideSeconds);
    std::printf("compare: %.3f s (best of 3) = %.0f entities/s; found changed %d, same %d\n", best,
                n / best, report.count(EntityDiff::State::Changed),
                report.count(EntityDiff::State::Same));
    std::printf("memory: RSS before compare %.1f MB, peak %s %.1f MB = %.2f x data "
                "(compare added %.1f MB = %.3f x data)\n",
                rssBefore / 1024.0, peakReset ? "during compare" : "of the process",
                peakKb / 1024.0, peakKb * 1024.0 / double(dataBytes), (peakKb - rssBefore) / 1024.0,
                (peakKb - rssBefore) * 1024.0 / double(dataBytes));
    std::printf("targets: compare < 1 s -> %s; peak < 3x data -> %s\n",
                best < 1.0 ? "met" : "MISSED",
                peakKb * 1024.0 < 3.0 * double(dataBytes) ? "met" : "MISSED");
    const bool exact = report.count(EntityDiff::State::Changed) == changed;
    if (!exact)
        std::printf("ERROR: expected %d changed entities\n", changed);
    return exact ? 0 : 1;
}
