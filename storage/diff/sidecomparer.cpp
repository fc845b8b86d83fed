#include "diff/sidecomparer.h"

#include "diff/jsonparser.h"
#include "diff/structuraldiff.h"

#include <QElapsedTimer>

#include <cstdlib>

namespace pmkv {
namespace {

DiffReport::SideInfo infoOf(const DiffSide& side)
{
    DiffReport::SideInfo info;
    info.spec = side.spec;
    info.kind = side.kind;
    info.description = side.description;
    info.layout = side.layout;
    info.entities = int(side.entries.size());
    info.valueBytes = side.valueBytes;
    info.unmappedKeys = side.unmappedKeys;
    info.problems = side.problems;
    return info;
}

QStringList patternTexts(const std::vector<PointerPattern>& patterns)
{
    QStringList out;
    for (const PointerPattern& p : patterns)
        out << QString::fromStdString(p.text());
    return out;
}

// Roll-ups in report order: for each project, the project total first, then its epics.
class Roller
{
public:
    explicit Roller(QVector<DiffRollup>& out) : m_out(out) {}

    void add(const EntityDiff& d)
    {
        const bool top = d.ref.role == KeyRole::People || d.ref.role == KeyRole::ProjectsList;
        const QString project = top ? QString() : d.ref.project;
        if (m_projectIndex < 0 || m_out[m_projectIndex].project != project) {
            m_out.append(DiffRollup{project, QString(), {}, 0});
            m_projectIndex = int(m_out.size()) - 1;
            m_epicIndex = -1;
        }
        bump(m_out[m_projectIndex], d);
        const bool epicLevel = d.ref.role == KeyRole::Epic || d.ref.role == KeyRole::StoriesList ||
                               d.ref.role == KeyRole::Story;
        if (!epicLevel)
            return;
        if (m_epicIndex < 0 || m_out[m_epicIndex].epic != d.ref.epic) {
            m_out.append(DiffRollup{project, d.ref.epic, {}, 0});
            m_epicIndex = int(m_out.size()) - 1;
        }
        bump(m_out[m_epicIndex], d);
    }

private:
    static void bump(DiffRollup& r, const EntityDiff& d)
    {
        ++r.counts[d.state];
        if (d.typeDiffers || d.ttlDiffers)
            ++r.typeOrTtl;
    }

    QVector<DiffRollup>& m_out;
    int m_projectIndex = -1;
    int m_epicIndex = -1;
};

} // namespace

EntityDiff SideComparer::compareEntry(const SideEntry* left, const SideEntry* right,
                                      const Options& options)
{
    EntityDiff d;
    d.ref = left ? left->ref : right->ref;
    if (left) {
        d.leftLocation = left->location;
        d.leftUnreadable = left->unreadable;
        d.leftType = left->kvType;
        d.leftTtl = left->ttl;
        d.leftValue = left->value;
    }
    if (right) {
        d.rightLocation = right->location;
        d.rightUnreadable = right->unreadable;
        d.rightType = right->kvType;
        d.rightTtl = right->ttl;
        d.rightValue = right->value;
    }
    if (!left || !right) {
        // What cannot be read is unreadable, whether or not the other side has it.
        const SideEntry* only = left ? left : right;
        d.state = !only->isReadable() ? EntityDiff::State::Unreadable
                  : left              ? EntityDiff::State::OnlyLeft
                                      : EntityDiff::State::OnlyRight;
        return d;
    }
    d.typeDiffers =
        !left->kvType.isEmpty() && !right->kvType.isEmpty() && left->kvType != right->kvType;
    if (left->ttl && right->ttl) {
        const qint64 a = *left->ttl;
        const qint64 b = *right->ttl;
        d.ttlDiffers = (a < 0) != (b < 0) || (a >= 0 && std::llabs(a - b) > options.ttlSlack);
    }
    if (!left->isReadable() || !right->isReadable()) {
        d.state = EntityDiff::State::Unreadable;
        return d;
    }
    if (left->value == right->value) {
        d.state = EntityDiff::State::Same;
        return d;
    }
    auto l = JsonParser::parse(left->value);
    auto r = JsonParser::parse(right->value);
    if (!l || !r) {
        d.state = EntityDiff::State::Unreadable;
        if (!l)
            d.leftUnreadable = l.error().message;
        if (!r)
            d.rightUnreadable = r.error().message;
        return d;
    }
    StructuralDiff::Outcome outcome = StructuralDiff::compare(l.value(), r.value(), options.diff);
    if (outcome.same()) {
        d.state = EntityDiff::State::EqualJson;
        return d;
    }
    d.state = EntityDiff::State::Changed;
    d.changes = std::move(outcome.changes);
    d.patch = std::move(outcome.patch);
    return d;
}

DiffReport SideComparer::compare(const DiffSide& left, const DiffSide& right,
                                 const Options& options)
{
    QElapsedTimer timer;
    timer.start();
    DiffReport report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    report.left = infoOf(left);
    report.right = infoOf(right);
    report.ignore = patternTexts(options.diff.ignore);
    report.sets = patternTexts(options.diff.sets);
    report.ignoreWhitespace = options.diff.ignoreWhitespace;

    Roller roller(report.rollups);
    auto keep = [&](EntityDiff&& d) {
        ++report.counts[d.state];
        if (d.typeDiffers || d.ttlDiffers)
            ++report.typeOrTtl;
        roller.add(d);
        if (options.keepSame || d.isDifferent() || d.state == EntityDiff::State::EqualJson)
            report.entities.append(std::move(d));
    };
    const auto& a = left.entries;
    const auto& b = right.entries;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() || j < b.size()) {
        if (j >= b.size() || (i < a.size() && entityRefLess(a[i].ref, b[j].ref))) {
            keep(compareEntry(&a[i++], nullptr, options));
        } else if (i >= a.size() || entityRefLess(b[j].ref, a[i].ref)) {
            keep(compareEntry(nullptr, &b[j++], options));
        } else {
            keep(compareEntry(&a[i++], &b[j++], options));
        }
    }
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace pmkv
