#include "diffsidespage.h"

#include "pathfield.h"
#include "statustone.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace pmkv {

namespace {

QStringList patterns(const QLineEdit* edit)
{
    return edit->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

} // namespace

DiffSidesPage::DiffSidesPage(const JobTarget& target, QWidget* parent)
    : QWizardPage(parent), m_left(new PathField(PathField::Kind::FolderOrFile, this)),
      m_right(new PathField(PathField::Kind::FolderOrFile, this)), m_layout(new QLineEdit(this)),
      m_ignore(new QLineEdit(this)), m_sets(new QLineEdit(this)),
      m_whitespace(new QCheckBox(tr("Ignore differences in whitespace inside strings"), this)),
      m_error(new QLabel(this))
{
    setTitle(tr("Compare two sides"));
    setSubTitle(tr("A side is a pm/ folder, a backup archive (.tar.gz), a snapshot file, a saved "
                   "connection (conn:NAME) or an address (https://..., redis://...; a REST "
                   "token comes from PMKV_TOKEN)."));
    m_left->setPath(target.root);
    // (a connection of this session only, given with --url say, is saved under no name)
    if (target.profile)
        m_right->setPath(target.profileSaved ? QStringLiteral("conn:") + target.profile->name
                                             : target.profile->address);
    if (target.profile && !target.profileSaved)
        m_sessionConnection = SideOpener::SessionConnection{
            target.profile->address, *target.profile, target.sessionOptions()};
    m_layout->setText(target.profile ? target.profile->layout : QStringLiteral("repository"));
    m_prefix = target.profile ? target.profile->prefix : QString();
    m_ignore->setPlaceholderText(QStringLiteral("/updatedAt, /metadata/lastEditedBy"));
    m_sets->setPlaceholderText(QStringLiteral("/tags"));
    m_error->setWordWrap(true);
    StatusTone::apply(m_error, StatusTone::Tone::Bad);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Left:"), m_left);
    form->addRow(tr("&Right:"), m_right);
    form->addRow(tr("Key &layout:"), m_layout);
    form->addRow(tr("&Ignore fields:"), m_ignore);
    form->addRow(tr("Arrays as &sets:"), m_sets);
    form->addRow(m_whitespace);
    form->addRow(m_error);

    for (PathField* field : {m_left, m_right})
        connect(field, &PathField::pathChanged, this, &DiffSidesPage::update);
    for (QLineEdit* edit : {m_layout, m_ignore, m_sets})
        connect(edit, &QLineEdit::textChanged, this, &DiffSidesPage::update);
    connect(m_whitespace, &QCheckBox::toggled, this, &DiffSidesPage::update);
    update();
}

Result<DiffWorkflow::Request> DiffSidesPage::request() const
{
    DiffWorkflow::Request request;
    request.left = m_left->path();
    request.right = m_right->path();
    if (request.left.isEmpty() || request.right.isEmpty())
        return makeError(QStringLiteral("diff.sides"), tr("Name both sides."));
    auto layout = KeyLayout::fromSpec(m_layout->text().trimmed(), m_prefix);
    if (!layout)
        return layout.error();
    request.leftLayout = layout.value();
    request.rightLayout = layout.value();
    request.sessionConnection = m_sessionConnection;
    QString error;
    if (!DiffOptions::fromLists(patterns(m_ignore), patterns(m_sets), m_whitespace->isChecked(),
                                request.options, error))
        return makeError(QStringLiteral("diff.options"), error);
    return request;
}

bool DiffSidesPage::isComplete() const
{
    return bool(request());
}

QString DiffSidesPage::errorText() const
{
    return m_error->text();
}

void DiffSidesPage::update()
{
    const auto made = request();
    // An empty side is not an error yet: the user has not named it.
    m_error->setText(made || m_left->path().isEmpty() || m_right->path().isEmpty()
                         ? QString()
                         : made.error().message);
    Q_EMIT completeChanged();
}

} // namespace pmkv
