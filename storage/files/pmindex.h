#pragma once

#include "files/entity.h"
#include "files/problem.h"

#include <QHash>
#include <QVector>

namespace pmkv {

// What a scan of a pm/ root found: every file as an Entity, every problem, and the folders
// that were skipped on purpose (.git, node_modules, hidden folders, symlinked folders).
class PmIndex final
{
public:
    QString root;
    QVector<Entity> entities;  // sorted by relativePath
    QVector<Problem> problems; // sorted by path, then line
    QStringList skippedFolders;
    qint64 totalBytes = 0;

    int count(EntityKind kind) const;
    int errorCount() const;
    int warningCount() const;
    // Problems of one file or folder, in order.
    QVector<Problem> problemsFor(const QString& relativePath) const;
    const Entity* findByPath(const QString& relativePath) const;

    // Called once the vectors are final: sorts and builds the look-up tables.
    void finish();

private:
    QHash<QString, int> m_entityByPath;
    QHash<QString, QVector<int>> m_problemsByPath;
};

} // namespace pmkv
