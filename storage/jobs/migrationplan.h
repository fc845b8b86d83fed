#pragma once

#include "core/result.h"
#include "files/problem.h"
#include "layout/entityref.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace pmkv {

// One key of a plan: what it will hold and what the migration will do with it.
struct PlanItem
{
    enum class Action { Create, Update, Skip, Conflict };

    QString key;
    KeyRole role = KeyRole::Story;
    QString source; // the file (or, for a list, the folder) the value comes from
    Action action = Action::Create;
    QString reason;     // "identical", "different", "same JSON, different bytes", ...
    QByteArray sha256;  // hex SHA-256 of the value bytes
    qint64 size = 0;    // value bytes
    QByteArray kvState; // stateHash() of the key when planned (empty: absent)
    QByteArray value;   // the bytes to write (loaded from the source; saved only for lists
                        // whose members depend on the key space, see Planner); null when
                        // the plan holds only their hash (SourceValues makes them again)
    bool valueSaved = false;

    bool writes() const { return action == Action::Create || action == Action::Update; }
    bool valueHeld() const { return !value.isNull() || size == 0; }
    bool isList() const
    {
        return role == KeyRole::ProjectsList || role == KeyRole::EpicsList ||
               role == KeyRole::StoriesList;
    }
};

QString planActionName(PlanItem::Action action);

// The dry run of a migration, saved as JSON so it can be executed later: execution refuses a
// plan whose source values or key-space values have changed (per-key SHA-256 and the
// checksums below), and the user re-plans.
class MigrationPlan final
{
public:
    enum class Policy { SkipExisting, Overwrite, AbortOnConflict };

    static QString policyName(Policy policy);
    static Result<Policy> policyFromName(const QString& name);

    QString root; // absolute pm/ folder
    QString layoutSpec;
    QString layoutName;
    QString prefix;
    QStringList projects; // empty: the whole tree
    Policy policy = Policy::AbortOnConflict;
    QString target; // the store's describe()
    QDateTime createdAt;
    QByteArray sourceChecksum; // over key + value hash of every item
    QByteArray kvChecksum;     // over key + kvState of every item
    QVector<PlanItem> items;   // sorted by key
    QVector<Problem> problems; // what the tree could not map (left out of the plan)

    struct Counts
    {
        qint64 create = 0;
        qint64 update = 0;
        qint64 skip = 0;
        qint64 conflict = 0;
        qint64 writeBytes = 0;
    };
    Counts counts() const;
    // Items in the order they are written: members first, list keys last (so a list never
    // names a key that is not there yet, even after a crash).
    QVector<int> writeOrder() const;
    // Recomputes both checksums from the items.
    void computeChecksums();

    // Items included only when asked: a report or a summary wants the header alone, and
    // building 100,000 QJsonObjects costs seconds.
    QJsonObject toJson(bool withItems = true) const;
    static Result<MigrationPlan> fromJson(const QJsonObject& json);
    // The plan file: the header as toJson(false), then the items, one per line, written
    // directly (the same document as toJson()), in pieces of about 1 MB: the whole file of
    // 100,000 items would be a 26 MB buffer.
    Result<void> save(const QString& path) const;
    static Result<MigrationPlan> load(const QString& path);
};

} // namespace pmkv
