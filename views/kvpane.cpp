#include "kvpane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pmkv {

KvPane::KvPane(QWidget* parent) : QWidget(parent)
{
    auto* label = new QLabel(
        tr("<h3>Key space</h3>"
           "<p>No connection yet.</p>"
           "<p>The keys of an Upstash database, a local proxy or a Redis server will appear here, "
           "aligned with the files on the left, each with its sync state.</p>"
           "<p>Until then, <tt>pmkv keys &lt;folder&gt;</tt> lists the key each file maps to.</p>"),
        this);
    label->setObjectName(QStringLiteral("kvPlaceholder"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
}

} // namespace pmkv
