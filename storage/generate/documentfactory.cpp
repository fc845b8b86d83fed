#include "generate/documentfactory.h"

namespace pmkv {
namespace {

using Json = nlohmann::ordered_json;

const QStringList& vocabulary()
{
    static const QStringList words = {
        QStringLiteral("patient"),   QStringLiteral("clinical"),   QStringLiteral("record"),
        QStringLiteral("dashboard"), QStringLiteral("sync"),       QStringLiteral("latency"),
        QStringLiteral("audit"),     QStringLiteral("consent"),    QStringLiteral("model"),
        QStringLiteral("inference"), QStringLiteral("export"),     QStringLiteral("report"),
        QStringLiteral("alert"),     QStringLiteral("schedule"),   QStringLiteral("triage"),
        QStringLiteral("workflow"),  QStringLiteral("encryption"), QStringLiteral("session"),
        QStringLiteral("search"),    QStringLiteral("cache"),      QStringLiteral("review"),
        QStringLiteral("threshold"), QStringLiteral("pipeline"),   QStringLiteral("summary"),
        QStringLiteral("clinician"), QStringLiteral("medication"), QStringLiteral("allergy"),
        QStringLiteral("imaging"),   QStringLiteral("referral"),   QStringLiteral("billing"),
        QStringLiteral("role"),      QStringLiteral("permission"), QStringLiteral("offline"),
        QStringLiteral("mobile"),    QStringLiteral("accessible"), QStringLiteral("metric")};
    return words;
}

Json toJson(const QStringList& list)
{
    Json array = Json::array();
    for (const QString& s : list)
        array.push_back(s.toStdString());
    return array;
}

std::string s(const QString& text)
{
    return text.toStdString();
}

} // namespace

QByteArray toPrettyJson(const nlohmann::ordered_json& document)
{
    const std::string text = document.dump(2);
    return QByteArray(text.data(), qsizetype(text.size()));
}

QString DocumentFactory::pick(const QStringList& from)
{
    return from.at(int(m_random.below(quint64(from.size()))));
}

QString DocumentFactory::words(int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << pick(vocabulary());
    return out.join(QLatin1Char(' '));
}

QString DocumentFactory::sentence()
{
    QString text = words(m_random.between(6, 14));
    text[0] = text[0].toUpper();
    return text + QLatin1Char('.');
}

QString DocumentFactory::markdown(int paragraphs)
{
    QStringList parts;
    parts << QStringLiteral("## Context");
    for (int p = 0; p < paragraphs; ++p)
        parts << sentence() + QLatin1Char(' ') + sentence();
    parts << QStringLiteral("## Notes");
    for (int i = 0; i < 3; ++i)
        parts << QStringLiteral("- ") + sentence();
    return parts.join(QStringLiteral("\n\n"));
}

QString DocumentFactory::timestamp()
{
    return QStringLiteral("2025-%1-%2T%3:%4:00Z")
        .arg(m_random.between(1, 12), 2, 10, QLatin1Char('0'))
        .arg(m_random.between(1, 28), 2, 10, QLatin1Char('0'))
        .arg(m_random.between(0, 23), 2, 10, QLatin1Char('0'))
        .arg(m_random.between(0, 59), 2, 10, QLatin1Char('0'));
}

nlohmann::ordered_json DocumentFactory::person(int index)
{
    static const QStringList first = {QStringLiteral("Ana"),   QStringLiteral("Kofi"),
                                      QStringLiteral("Mei"),   QStringLiteral("Lars"),
                                      QStringLiteral("Priya"), QStringLiteral("Tomás")};
    static const QStringList last = {QStringLiteral("Okafor"), QStringLiteral("Lindqvist"),
                                     QStringLiteral("Tanaka"), QStringLiteral("García"),
                                     QStringLiteral("Rao")};
    const QString name =
        first.at(index % first.size()) + QLatin1Char(' ') + last.at(index % last.size());
    Json p;
    p["id"] = s(QStringLiteral("person-17652578%1-%2").arg(59386 + index).arg(100 + index * 7));
    p["name"] = s(name);
    p["email"] = s(name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) +
                   QStringLiteral("@example.org"));
    p["designation"] = s(pick({QStringLiteral("Engineer"), QStringLiteral("Product Manager"),
                               QStringLiteral("Designer")}));
    p["roleInProject"] = s(pick({QStringLiteral("owner"), QStringLiteral("contributor")}));
    return p;
}

nlohmann::ordered_json DocumentFactory::project(const QString& folder,
                                                const QStringList& epicFolders,
                                                const QString& manager,
                                                const QStringList& contributors)
{
    Json p;
    QString name = folder;
    name.replace(QLatin1Char('-'), QLatin1Char(' '));
    name[0] = name[0].toUpper();
    p["name"] = s(name);
    p["summary"] = s(sentence());
    p["description"] = s(markdown(3));
    p["epicIds"] = toJson(epicFolders);
    p["defaultStatuses"] = Json::array({"todo", "in_progress", "blocked", "done"});
    p["defaultPriorities"] = Json::array({"low", "medium", "high", "critical"});
    p["createdAt"] = s(timestamp());
    p["updatedAt"] = s(timestamp());
    p["metadata"] = {{"manager", s(manager)},
                     {"contributors", toJson(contributors)},
                     {"repoUrl", s(QStringLiteral("https://git.example.org/") + folder)},
                     {"custom", Json::object()}};
    return p;
}

nlohmann::ordered_json DocumentFactory::epic(const QString& id, const QString& folder,
                                             const QStringList& storyIds, const QString& manager)
{
    static const QStringList statuses = {QStringLiteral("todo"), QStringLiteral("in_progress"),
                                         QStringLiteral("blocked"), QStringLiteral("done")};
    static const QStringList priorities = {QStringLiteral("low"), QStringLiteral("medium"),
                                           QStringLiteral("high"), QStringLiteral("critical")};
    Json e;
    e["id"] = s(id);
    QString title = folder;
    title.replace(QLatin1Char('-'), QLatin1Char(' '));
    e["title"] = s(title);
    e["summary"] = s(sentence());
    e["description"] = s(markdown(2));
    e["status"] = s(pick(statuses));
    e["priority"] = s(pick(priorities));
    e["manager"] = s(manager);
    e["createdAt"] = s(timestamp());
    e["updatedAt"] = s(timestamp());
    e["targetRelease"] = m_random.below(2)
                             ? Json(s(QStringLiteral("2026-0%1-15").arg(m_random.between(1, 9))))
                             : Json();
    e["storyIds"] = toJson(storyIds);
    const int total = int(storyIds.size()) * 3;
    e["metrics"] = {{"totalStoryPoints", total}, {"completedStoryPoints", total / 2}};
    e["metadata"] = {{"createdBy", s(manager)}, {"custom", Json::object()}};
    return e;
}

nlohmann::ordered_json DocumentFactory::story(const QString& id, const QString& epicFolder,
                                              const QString& manager, const QStringList& siblings)
{
    static const QStringList statuses = {QStringLiteral("todo"), QStringLiteral("in_progress"),
                                         QStringLiteral("blocked"), QStringLiteral("done")};
    static const QStringList priorities = {QStringLiteral("low"), QStringLiteral("medium"),
                                           QStringLiteral("high"), QStringLiteral("critical")};
    Json st;
    st["id"] = s(id);
    st["requirementType"] = id.startsWith(QLatin1String("NFR")) ? "non-functional" : "functional";
    st["epicId"] = s(epicFolder);
    st["title"] = s(sentence().chopped(1));
    st["summary"] = s(sentence());
    st["description"] = s(markdown(m_random.between(1, 3)));
    Json criteria = Json::array();
    for (int i = m_random.between(2, 5); i > 0; --i)
        criteria.push_back(s(QStringLiteral("Given ") + words(3) + QStringLiteral(", when ") +
                             words(3) + QStringLiteral(", then ") + words(4)));
    st["acceptanceCriteria"] = criteria;
    st["status"] = s(pick(statuses));
    st["priority"] = s(pick(priorities));
    st["manager"] = s(manager);
    st["createdAt"] = s(timestamp());
    st["updatedAt"] = s(timestamp());
    st["plannedStartDate"] =
        s(QStringLiteral("2025-0%1-0%2").arg(m_random.between(1, 9)).arg(m_random.between(1, 9)));
    st["plannedDueDate"] = m_random.below(3) ? Json(s(QStringLiteral("2025-1%1-1%2")
                                                          .arg(m_random.between(0, 2))
                                                          .arg(m_random.between(0, 9))))
                                             : Json();
    st["actualStartDate"] = Json();
    st["actualDueDate"] = Json();
    st["dueDate"] = Json();
    st["tags"] = toJson(QStringList{pick(vocabulary()), pick(vocabulary())});
    st["estimate"] = {{"storyPoints", m_random.between(1, 13)},
                      {"confidence", s(pick({QStringLiteral("low"), QStringLiteral("medium"),
                                             QStringLiteral("high")}))}};
    Json related = Json::array();
    if (!siblings.isEmpty() && m_random.below(2))
        related.push_back(s(pick(siblings)));
    st["relatedStories"] = related;
    st["mentions"] = Json::array();
    st["files"] =
        Json::array({{{"path", s(QStringLiteral("src/") + words(1) + QStringLiteral(".ts"))},
                      {"role", "primary"}}});
    st["metadata"] = {
        {"createdBy", s(manager)}, {"lastEditedBy", s(manager)}, {"custom", Json::object()}};
    st["deleted"] = m_random.below(50) == 0;
    st["archived"] = false;
    return st;
}

} // namespace pmkv
