#pragma once

#include <QList>
#include <QWidget>

namespace pmkv {

class StatusLabel;

// The parts of the main window's status bar (the folder's counts, the last write's outcome,
// the key space's counts), side by side in one widget that shares its width by what they
// say: each part as wide as its text when all fit (what is left goes to the middle one, so
// the last part ends at the right edge), otherwise the shorter ones whole and the others an
// equal share, cut with "…" (whole in their tooltips). An empty part takes no room. Fixed
// shares had cut the folder's and the key space's counts beside an empty message line.
class StatusBarParts final : public QWidget
{
    Q_OBJECT

public:
    explicit StatusBarParts(QWidget* parent = nullptr);

    // A new part, after the others.
    StatusLabel* addPart(const QString& objectName);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void place();

    QList<StatusLabel*> m_parts;
};

} // namespace pmkv
