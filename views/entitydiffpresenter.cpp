#include "entitydiffpresenter.h"

#include "diffview.h"

#include <QCoreApplication>

namespace pmkv {

bool EntityDiffPresenter::show(DiffView& view, const EntityDiff& entity)
{
    if (entity.state == Comparison::OnlyLeft || entity.state == Comparison::OnlyRight ||
        entity.state == Comparison::Unreadable) {
        QString message =
            QCoreApplication::translate("pmkv::EntityDiffPresenter", "%1: %2")
                .arg(entityTitle(entity.ref), QString::fromLatin1(comparisonKey(entity.state)));
        for (const QString& why : {entity.leftUnreadable, entity.rightUnreadable}) {
            if (!why.isEmpty())
                message += QStringLiteral("\n") + why;
        }
        view.clear(message);
        return false;
    }
    return view.showDiff(entity.leftLocation, entity.leftValue, entity.rightLocation,
                         entity.rightValue);
}

} // namespace pmkv
