#pragma once

#include <QModelIndex>

#include <functional>

class QAbstractItemModel;

namespace pmkv {

// The first row of `model`, depth first in the order a view shows them, that `holds` a match;
// the walk goes below a row only where `leadsToOne` says a match may be. Invalid if none.
QModelIndex firstMatchingRow(const QAbstractItemModel* model,
                             const std::function<bool(const QModelIndex&)>& holds,
                             const std::function<bool(const QModelIndex&)>& leadsToOne);

} // namespace pmkv
