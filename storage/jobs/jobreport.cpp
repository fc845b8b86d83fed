#include "jobs/jobreport.h"

#include "jobs/filesync.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

namespace {

QString mdEscape(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
}

QString undoWording(const JobReport::StepWording& wordStep, const QString& runId)
{
    if (!wordStep)
        return QString();
    const QString worded = wordStep(NextStep::forRun(NextStep::Action::RollbackRun, runId));
    return worded.isEmpty() ? QString() : QStringLiteral(" with `%1`").arg(worded);
}

} // namespace

JobReport::JobReport(QString title)
    : m_title(std::move(title)), m_createdAt(QDateTime::currentDateTimeUtc())
{
}

QVector<Problem> JobReport::problems() const
{
    if (m_validation)
        return m_validation->problems;
    if (m_plan)
        return m_plan->problems;
    return {};
}

QVector<JobReport::Recommendation> JobReport::recommendations() const
{
    QVector<Recommendation> r;
    int errors = 0;
    int warnings = 0;
    for (const Problem& p : problems())
        ++(p.severity == Severity::Error ? errors : warnings);
    if (errors > 0)
        r.append({QStringLiteral("Fix the %1 files with errors (listed below): they are not "
                                 "migrated until they parse and map to a safe key.")
                      .arg(errors),
                  {}});
    if (warnings > 0)
        r.append({QStringLiteral("Review the %1 warnings (dangling references, lists that "
                                 "disagree with folders); they block neither the migration nor "
                                 "the archive.")
                      .arg(warnings),
                  {}});
    if (m_plan) {
        const auto c = m_plan->counts();
        if (c.conflict > 0)
            r.append({QStringLiteral("%1 keys exist with other values: migrate with the policy "
                                     "overwrite (the journal keeps the old values for rollback) "
                                     "or skip-existing.")
                          .arg(c.conflict),
                      NextStep::forPath(NextStep::Action::MigrateOverwrite, m_plan->root)});
    }
    if (m_migration && m_migration->cancelled)
        r.append({QStringLiteral("The run was cancelled: finish it, or roll it back."),
                  NextStep::forRun(NextStep::Action::ResumeRun, m_migration->runId)});
    if (m_validation)
        r += validationRecommendations(*m_validation);
    return r;
}

QVector<JobReport::Recommendation> JobReport::validationRecommendations(const Validator::Outcome& v)
{
    QVector<Recommendation> r;
    auto count = [&v](Comparison state) { return v.counts[state]; };
    if (count(Comparison::OnlyLeft) > 0)
        r.append({QStringLiteral("%1 keys are missing from the key space: migrate them.")
                      .arg(count(Comparison::OnlyLeft)),
                  NextStep::forPath(NextStep::Action::Migrate, v.root)});
    if (count(Comparison::Changed) > 0)
        r.append({QStringLiteral("%1 keys differ from the files: compare them field by field, "
                                 "then migrate with the policy overwrite if the files are "
                                 "right.")
                      .arg(count(Comparison::Changed)),
                  NextStep::forPath(NextStep::Action::Diff, v.root)});
    if (count(Comparison::EqualJson) > 0)
        r.append({QStringLiteral("%1 keys hold the same JSON with other bytes (spacing or key "
                                 "order): harmless for the application; overwrite to make them "
                                 "byte-identical.")
                      .arg(count(Comparison::EqualJson)),
                  {}});
    if (count(Comparison::OnlyRight) > 0)
        r.append({QStringLiteral("%1 keys under the prefix have no file: check whether another "
                                 "writer (dual write) created them before archiving pm/.")
                      .arg(count(Comparison::OnlyRight)),
                  {}});
    if (count(Comparison::Unreadable) > 0)
        r.append({QStringLiteral("%1 keys are not JSON strings: the application cannot read "
                                 "them; delete or rename them.")
                      .arg(count(Comparison::Unreadable)),
                  {}});
    if (v.withTtl > 0)
        r.append({QStringLiteral("%1 keys have a TTL and will expire: remove it (PERSIST).")
                      .arg(v.withTtl),
                  {}});
    if (v.sampled)
        r.append({QStringLiteral("This was a sample: validate in full before archiving."),
                  NextStep::forPath(NextStep::Action::Validate, v.root)});
    const bool fileErrors =
        std::any_of(v.problems.cbegin(), v.problems.cend(),
                    [](const Problem& p) { return p.severity == Severity::Error; });
    if (v.matches() && !fileErrors && !v.sampled)
        r.append({QStringLiteral("Validation is clean: next, a verified backup, and then the "
                                 "archive."),
                  NextStep::forPath(NextStep::Action::Backup, v.root)});
    return r;
}

QJsonObject JobReport::toJson() const
{
    QJsonObject o{{QStringLiteral("title"), m_title},
                  {QStringLiteral("createdAt"), m_createdAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("exitCode"), exitCode()},
                  {QStringLiteral("recommendations"), recommendationsJson()}};
    if (m_plan) {
        o.insert(QStringLiteral("plan"), m_plan->toJson(false)); // the plan file has the items
    }
    if (m_migration) {
        const auto& m = *m_migration;
        o.insert(QStringLiteral("migration"),
                 QJsonObject{{QStringLiteral("runId"), m.runId},
                             {QStringLiteral("journal"), m.journalPath},
                             {QStringLiteral("plan"), m.planPath},
                             {QStringLiteral("written"), m.written},
                             {QStringLiteral("resent"), m.resent},
                             {QStringLiteral("skipped"), m.skipped},
                             {QStringLiteral("bytes"), m.bytes},
                             {QStringLiteral("batches"), m.batches},
                             {QStringLiteral("seconds"), m.seconds},
                             {QStringLiteral("keysPerSecond"),
                              m.seconds > 0 ? double(m.written) / m.seconds : 0.0},
                             {QStringLiteral("cancelled"), m.cancelled}});
    }
    if (m_validation)
        o.insert(QStringLiteral("validation"), m_validation->toJson(1000));
    return o;
}

QJsonArray JobReport::recommendationsJson() const
{
    QJsonArray array;
    for (const Recommendation& r : recommendations()) {
        QJsonObject o{{QStringLiteral("text"), r.text}};
        if (!r.next.isNone())
            o.insert(QStringLiteral("next"), r.next.toJson());
        array.append(o);
    }
    return array;
}

QString JobReport::toMarkdown(const StepWording& wordStep) const
{
    QString md;
    md += QStringLiteral("# %1\n\n").arg(m_title);
    md += QStringLiteral("Made %1. Exit code %2 (0 the key space matches or everything was "
                         "written, file warnings aside; 1 differences; 2 errors).\n\n")
              .arg(m_createdAt.toString(Qt::ISODate))
              .arg(exitCode());
    const QVector<Recommendation> recs = recommendations();
    if (!recs.isEmpty()) {
        md += QStringLiteral("## Recommendations\n\n");
        for (const Recommendation& r : recs) {
            md += QStringLiteral("* ") + r.text;
            const QString worded = wordStep && !r.next.isNone() ? wordStep(r.next) : QString();
            if (!worded.isEmpty())
                md += QStringLiteral(" (`%1`)").arg(worded);
            md += QLatin1Char('\n');
        }
        md += QLatin1Char('\n');
    }
    if (m_plan) {
        const auto c = m_plan->counts();
        md += QStringLiteral("## Plan\n\nSource `%1`, layout `%2` (prefix `%3`), policy `%4`, "
                             "target `%5`.\n\n")
                  .arg(m_plan->root, m_plan->layoutName, m_plan->prefix,
                       MigrationPlan::policyName(m_plan->policy), m_plan->target);
        md += QStringLiteral("| create | update | skip | conflict | bytes to write |\n"
                             "|---:|---:|---:|---:|---:|\n| %1 | %2 | %3 | %4 | %5 |\n\n")
                  .arg(c.create)
                  .arg(c.update)
                  .arg(c.skip)
                  .arg(c.conflict)
                  .arg(c.writeBytes);
    }
    if (m_migration) {
        const auto& m = *m_migration;
        md += QStringLiteral("## Migration\n\nRun `%1`: %2 keys written (%3 resent after an "
                             "interruption), %4 bytes in %5 batches, %6 s (%7 keys/s)%8.\n\n"
                             "The journal keeps what each key held before: the run can be "
                             "rolled back%9.\n\n")
                  .arg(m.runId)
                  .arg(m.written)
                  .arg(m.resent)
                  .arg(m.bytes)
                  .arg(m.batches)
                  .arg(m.seconds, 0, 'f', 2)
                  .arg(m.seconds > 0 ? double(m.written) / m.seconds : 0.0, 0, 'f', 0)
                  .arg(m.cancelled ? QStringLiteral(", cancelled") : QString())
                  .arg(undoWording(wordStep, m.runId));
    }
    if (m_validation) {
        const auto& v = *m_validation;
        md += QStringLiteral("## Validation\n\n%1 keys from files checked, %2 keys under the "
                             "prefix, %3 s (%4 keys/s)%5.\n\n")
                  .arg(v.checkedKeys)
                  .arg(v.kvKeys)
                  .arg(v.seconds, 0, 'f', 2)
                  .arg(v.keysPerSecond, 0, 'f', 0)
                  .arg(v.sampled ? QStringLiteral(", sampled") : QString());
        md += QStringLiteral("| kind |");
        for (int s = 0; s < kComparisonCount; ++s)
            md += QStringLiteral(" %1 |").arg(Validator::stateName(Comparison(s)));
        md += QStringLiteral("\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (auto it = v.byRole.cbegin(); it != v.byRole.cend(); ++it) {
            md += QStringLiteral("| %1 |").arg(it.key());
            for (qint64 n : it->n)
                md += QStringLiteral(" %1 |").arg(n);
            md += QLatin1Char('\n');
        }
        md += QLatin1Char('\n');
        for (const QString& n : v.notes)
            md += QStringLiteral("Note: ") + n + QStringLiteral("\n\n");
        if (!v.findings.isEmpty()) {
            md += QStringLiteral("### Differences (first 200)\n\n| key | state | source | detail "
                                 "|\n|---|---|---|---|\n");
            for (int i = 0; i < v.findings.size() && i < 200; ++i) {
                const auto& f = v.findings.at(i);
                md += QStringLiteral("| `%1` | %2 | %3 | %4 |\n")
                          .arg(mdEscape(f.key), Validator::stateName(f.state), mdEscape(f.source),
                               mdEscape(f.detail));
            }
            md += QLatin1Char('\n');
        }
    }
    const QVector<Problem> all = problems();
    if (!all.isEmpty()) {
        md += QStringLiteral("## Problems in the files\n\n");
        for (const Problem& p : all)
            md +=
                QStringLiteral("* %1 `%2`: %3\n").arg(severityName(p.severity), p.path, p.message);
        md += QLatin1Char('\n');
    }
    return md;
}

Result<QString> JobReport::save(const QString& folder, const QString& name,
                                const StepWording& wordStep) const
{
    if (!filesync::makeFolders(folder, filesync::kPrivateFolder))
        return makeError(QStringLiteral("report.folder"),
                         QStringLiteral("cannot create the folder %1").arg(folder));
    const QString base = folder + QLatin1Char('/') + name;
    auto json = filesync::writeAtomically(base + QStringLiteral(".json"),
                                          QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!json)
        return json.error();
    auto md =
        filesync::writeAtomically(base + QStringLiteral(".md"), toMarkdown(wordStep).toUtf8());
    if (!md)
        return md.error();
    return QString(base + QStringLiteral(".md"));
}

} // namespace pmkv
