#pragma once

#include "files/problem.h"
#include "files/problemgroup.h"

#include <QTreeWidget>
#include <QVector>

namespace pmkv {

// Problems as `pmkv` prints them (ProblemGroup: same severity, code and message), errors
// first: one row per group with its count, expandable to its files. A group's files are made
// when it is first expanded, so a tree with 100,000 warnings shows at once. Activating a file
// row emits fileActivated() with the file's path relative to the folder.
class ProblemGroupTree final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit ProblemGroupTree(QWidget* parent = nullptr);

    // `errorNote` / `warningNote` follow each group's count ("left out of the migration").
    void setProblems(const QVector<Problem>& problems, const QString& errorNote = QString(),
                     const QString& warningNote = QString());
    int groupCount() const { return int(m_groups.size()); }
    const QVector<ProblemGroup>& groups() const { return m_groups; }

Q_SIGNALS:
    void fileActivated(const QString& relativePath);

private:
    void fillGroup(QTreeWidgetItem* item);

    QVector<ProblemGroup> m_groups;
};

} // namespace pmkv
