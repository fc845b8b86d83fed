#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace pmkv {

enum class EntityKind { People, Project, Epic, Story, NonData };

QString entityKindName(EntityKind kind);

// One file of a pm/ tree. Keeps the raw bytes (the source of truth) and the few fields the
// tree needs; the full document is parsed on demand so memory stays close to the data size.
struct Entity
{
    EntityKind kind = EntityKind::NonData;
    QString relativePath; // e.g. "atlas/clinical-decision-support/F-AI-001.json"
    QString project;      // project folder name
    QString epic;         // epic folder name
    QString story;        // story id: the file name without ".json"
    QByteArray raw;
    QByteArray sha256Hex;
    qint64 size = 0;
    bool readable = false; // bytes were read
    bool parsed = false;   // valid JSON of the expected top-level type

    // Extracted while validating.
    QString documentId;     // the "id" field (epic, story)
    QString title;          // name (project, person list: empty), title (epic, story)
    QStringList childIds;   // project.epicIds or epic.storyIds
    QStringList personIds;  // people.json: every person id
    QStringList personRefs; // manager, contributors, createdBy ...: ids that must be people
    QString epicIdField;    // story.epicId
    bool deleted = false;

    // With PmReader::Options::keepValues: the bytes the application stores for the document
    // (JsStringify of raw, computed while checking it, so nobody parses the file twice) and
    // JsStringify's notes about it. Empty when the file is not valid JSON of the right kind.
    QByteArray value;
    QStringList valueNotes;
    bool hasValue = false;
    qint64 valueSize = 0; // bytes of `value`, also when PmReader::Options::hashOnlyValues
                          // dropped them
    // With PmReader::Options::hashValues: the hex SHA-256 of `value`.
    QByteArray valueSha256;

    bool isData() const { return kind != EntityKind::NonData; }
    // The parsed document (ordered, integers exact); a discarded value if it does not parse.
    nlohmann::ordered_json document() const;
};

} // namespace pmkv
