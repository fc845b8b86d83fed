#include "stopjobquestion.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace pmkv {

void askToStopJob(QWidget* parent, const QString& text, const QString& objectName,
                  const std::function<void()>& onYes)
{
    auto* ask = new QMessageBox(QMessageBox::Question,
                                QCoreApplication::translate("pmkv", "A job is running"), text,
                                QMessageBox::Yes | QMessageBox::No, parent);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setObjectName(objectName);
    QObject::connect(ask, &QMessageBox::finished, ask, [onYes](int answer) {
        if (answer == QMessageBox::Yes)
            onYes();
    });
    ask->open();
}

} // namespace pmkv
