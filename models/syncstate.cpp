#include "syncstate.h"

#include <QCoreApplication>

namespace pmkv {

int SyncCounts::differences() const
{
    return (*this)[SyncState::EqualJson] + (*this)[SyncState::Changed] +
           (*this)[SyncState::OnlyFiles] + (*this)[SyncState::OnlyKv] +
           (*this)[SyncState::Unreadable];
}

int SyncCounts::oneSided() const
{
    return (*this)[SyncState::OnlyFiles] + (*this)[SyncState::OnlyKv];
}

int SyncCounts::compared() const
{
    int total = 0;
    for (size_t i = 0; i < n.size(); ++i) {
        if (SyncState(i) != SyncState::Unknown && SyncState(i) != SyncState::Unmapped)
            total += n[i];
    }
    return total;
}

QString syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::Unknown:
        return QCoreApplication::translate("pmkv::SyncState", "not compared yet");
    case SyncState::Same:
        return QCoreApplication::translate("pmkv::SyncState", "same");
    case SyncState::EqualJson:
        return QCoreApplication::translate("pmkv::SyncState", "equal JSON, other bytes");
    case SyncState::Changed:
        return QCoreApplication::translate("pmkv::SyncState", "changed");
    case SyncState::OnlyFiles:
        return QCoreApplication::translate("pmkv::SyncState", "only in files");
    case SyncState::OnlyKv:
        return QCoreApplication::translate("pmkv::SyncState", "only in KV");
    case SyncState::Unreadable:
        return QCoreApplication::translate("pmkv::SyncState", "unreadable");
    case SyncState::Unmapped:
        return QCoreApplication::translate("pmkv::SyncState", "not in the layout");
    }
    return {};
}

std::optional<Comparison> comparisonOf(SyncState state)
{
    if (state == SyncState::Unknown || state == SyncState::Unmapped)
        return std::nullopt;
    return Comparison(quint8(state) - 1);
}

bool isDifference(SyncState state)
{
    const auto comparison = comparisonOf(state);
    return comparison && differsInBytes(*comparison);
}

bool isOneSided(SyncState state)
{
    const auto comparison = comparisonOf(state);
    return comparison &&
           (*comparison == Comparison::OnlyLeft || *comparison == Comparison::OnlyRight);
}

} // namespace pmkv
