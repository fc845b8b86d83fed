#include "legenddialog.h"

#include "entityicons.h"
#include "syncstyle.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <utility>

namespace pmkv {
namespace {

struct Entry
{
    QIcon icon;
    QString text;
};

QString stateMeaning(SyncState state)
{
    switch (state) {
    case SyncState::Same:
        return LegendDialog::tr("the key holds what the application would write for the file");
    case SyncState::EqualJson:
        return LegendDialog::tr("the same document, written differently (key order, spacing)");
    case SyncState::Changed:
        return LegendDialog::tr("a different document");
    case SyncState::OnlyFiles:
        return LegendDialog::tr("the key is missing");
    case SyncState::OnlyKv:
        return LegendDialog::tr("a key of the layout whose file is missing");
    case SyncState::Unreadable:
        return LegendDialog::tr("the file has errors, or the value is not JSON");
    case SyncState::Unmapped:
        return LegendDialog::tr("a key that is not an entity (sessions, caches ...)");
    case SyncState::Unknown:
        return LegendDialog::tr("not compared yet");
    }
    return {};
}

QVector<Entry> badges()
{
    return {{EntityIcons::forKind(EntityKind::People, false),
             EntityIcons::badgeText(EntityKind::People, false)},
            {EntityIcons::forKind(EntityKind::Project, false),
             EntityIcons::badgeText(EntityKind::Project, false)},
            {EntityIcons::forKind(EntityKind::Epic, false),
             EntityIcons::badgeText(EntityKind::Epic, false)},
            {EntityIcons::forKind(EntityKind::Story, false),
             EntityIcons::badgeText(EntityKind::Story, false)},
            {EntityIcons::list(), EntityIcons::listBadgeText()},
            {EntityIcons::forKind(EntityKind::NonData, true),
             EntityIcons::badgeText(EntityKind::NonData, true)},
            {EntityIcons::forKind(EntityKind::NonData, false),
             EntityIcons::badgeText(EntityKind::NonData, false)},
            {EntityIcons::error(), LegendDialog::tr("!: errors (round)")},
            {EntityIcons::warning(), LegendDialog::tr("!: warnings (triangle)")}};
}

QVector<Entry> states()
{
    QVector<Entry> entries;
    for (SyncState s :
         {SyncState::Same, SyncState::EqualJson, SyncState::Changed, SyncState::OnlyFiles,
          SyncState::OnlyKv, SyncState::Unreadable, SyncState::Unmapped, SyncState::Unknown})
        entries.append(
            {SyncStyle::icon(s), QStringLiteral("%1 %2: %3")
                                     .arg(SyncStyle::glyph(s), syncStateName(s), stateMeaning(s))});
    return entries;
}

} // namespace

LegendDialog::LegendDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("legendDialog"));
    setWindowTitle(tr("Legend"));
    auto* layout = new QVBoxLayout(this);
    const QList<std::pair<QString, QVector<Entry>>> groups{{tr("Badges"), badges()},
                                                           {tr("Sync states"), states()}};
    for (const auto& [title, entries] : groups) {
        auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
        layout->addWidget(heading);
        auto* grid = new QGridLayout;
        int row = 0;
        for (const Entry& e : entries) {
            auto* icon = new QLabel(this);
            icon->setPixmap(e.icon.pixmap(16, 16));
            grid->addWidget(icon, row, 0);
            grid->addWidget(new QLabel(e.text, this), row, 1);
            ++row;
        }
        grid->setColumnStretch(1, 1);
        layout->addLayout(grid);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString LegendDialog::legendText()
{
    QStringList lines;
    for (const Entry& e : badges() + states())
        lines << e.text;
    return lines.join(QLatin1Char('\n'));
}

} // namespace pmkv
