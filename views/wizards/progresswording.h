#pragma once

#include "jobs/jobprogress.h"

#include <QCoreApplication>
#include <QString>

namespace pmkv {

// The words of a job's progress on the run page: what a phase counts (keys, files or nothing
// known) and so the unit of its count and of its rate. The jobs report a phase name and plain
// numbers; only the front end knows that "write" counts keys and "backup" files.
class ProgressWording final
{
    Q_DECLARE_TR_FUNCTIONS(pmkv::ProgressWording)

public:
    enum class Unit { Keys, Files, None };

    // The unit of a phase's count: None for a phase whose count has no known meaning.
    static Unit unitOf(const QString& phase);
    // "1,200 of 5,000 keys"; the bare numbers when the unit is unknown.
    static QString countText(const JobProgress& progress);
    // "2,400 keys/s" (with the bytes per second when the job counts bytes); empty when the
    // rate is not known yet or the phase counts nothing a user could name.
    static QString rateText(const JobProgress& progress);
};

} // namespace pmkv
