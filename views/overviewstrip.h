#pragma once

#include "syncstate.h"

#include <QWidget>

namespace pmkv {

// A thin strip beside a tree, as in Meld: the whole list of entities from top to bottom, a
// mark where each difference is (its state's colour and a shape: full width for a change,
// the left half for "only in files", the right half for "only in KV", crossed for
// unreadable). Clicking near a mark jumps to it.
class OverviewStrip final : public QWidget
{
    Q_OBJECT

public:
    struct Mark
    {
        int position = 0; // index in the list of `count` entities
        SyncState state = SyncState::Unknown;
        QString path;
    };

    explicit OverviewStrip(QWidget* parent = nullptr);

    void setMarks(int count, QVector<Mark> marks);
    const QVector<Mark>& marks() const { return m_marks; }
    QSize sizeHint() const override { return {16, 100}; }
    // The mark nearest to a y coordinate, or nullptr.
    const Mark* markAt(int y) const;

Q_SIGNALS:
    void jumpRequested(const QString& path);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    int yFor(int position) const;

    int m_count = 0;
    QVector<Mark> m_marks;
};

} // namespace pmkv
