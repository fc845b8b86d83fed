#pragma once

#include "generate/splitmix64.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace pmkv {

// Builds realistic documents for generated trees: field sets, sizes (stories ~1-2 KB) and
// markdown text like the real data of pm-format.md.
class DocumentFactory final
{
public:
    explicit DocumentFactory(quint64 seed) : m_random(seed) {}

    nlohmann::ordered_json person(int index);
    nlohmann::ordered_json project(const QString& folder, const QStringList& epicFolders,
                                   const QString& manager, const QStringList& contributors);
    nlohmann::ordered_json epic(const QString& id, const QString& folder,
                                const QStringList& storyIds, const QString& manager);
    nlohmann::ordered_json story(const QString& id, const QString& epicFolder,
                                 const QString& manager, const QStringList& siblings);

    QString words(int count);
    QString sentence();
    QString timestamp();
    SplitMix64& random() { return m_random; }

private:
    QString markdown(int paragraphs);
    QString pick(const QStringList& from);

    SplitMix64 m_random;
};

// Pretty JSON exactly as the application saves it: JSON.stringify(doc, null, 2).
QByteArray toPrettyJson(const nlohmann::ordered_json& document);

} // namespace pmkv
