#include "syncfilter.h"

#include <QCoreApplication>

namespace pmkv {

bool SyncFilter::acceptsState(SyncState state) const
{
    switch (mode) {
    case Mode::All:
        return true;
    case Mode::Differences:
        return isDifference(state);
    case Mode::OneSided:
        return isOneSided(state);
    case Mode::OnlyFiles:
        return state == SyncState::OnlyFiles;
    case Mode::OnlyKv:
        return state == SyncState::OnlyKv;
    case Mode::Changed:
        return state == SyncState::Changed;
    case Mode::Unreadable:
        return state == SyncState::Unreadable;
    case Mode::EqualJson:
        return state == SyncState::EqualJson;
    }
    return true;
}

bool SyncFilter::acceptsCounts(const SyncCounts& counts) const
{
    switch (mode) {
    case Mode::All:
        return true;
    case Mode::Differences:
        return counts.differences() > 0;
    case Mode::OneSided:
        return counts.oneSided() > 0;
    case Mode::OnlyFiles:
        return counts[SyncState::OnlyFiles] > 0;
    case Mode::OnlyKv:
        return counts[SyncState::OnlyKv] > 0;
    case Mode::Changed:
        return counts[SyncState::Changed] > 0;
    case Mode::Unreadable:
        return counts[SyncState::Unreadable] > 0;
    case Mode::EqualJson:
        return counts[SyncState::EqualJson] > 0;
    }
    return true;
}

QString SyncFilter::modeName(Mode mode)
{
    const char* ctx = "pmkv::SyncFilter";
    switch (mode) {
    case Mode::All:
        return QCoreApplication::translate(ctx, "All rows");
    case Mode::Differences:
        return QCoreApplication::translate(ctx, "Only differences");
    case Mode::OneSided:
        return QCoreApplication::translate(ctx, "Only on one side");
    case Mode::OnlyFiles:
        return QCoreApplication::translate(ctx, "Only in files");
    case Mode::OnlyKv:
        return QCoreApplication::translate(ctx, "Only in KV");
    case Mode::Changed:
        return QCoreApplication::translate(ctx, "Changed");
    case Mode::Unreadable:
        return QCoreApplication::translate(ctx, "Unreadable");
    case Mode::EqualJson:
        return QCoreApplication::translate(ctx, "Equal JSON, other bytes");
    }
    return {};
}

} // namespace pmkv
