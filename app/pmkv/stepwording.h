#pragma once

#include "core/nextstep.h"

#include <QString>

namespace pmkv {

// How `pmkv` words a next step (the core hands it over as data, see core/nextstep.h): as the
// command line that takes it, or as a short sentence for stderr.
class StepWording final
{
public:
    // "pmkv migrate --resume RUN", "--confirm-prod=NAME", ...; empty when no command takes
    // the step (or for None).
    static QString commandLine(const NextStep& step);
    // "pmkv migrate --resume RUN (or undo it: pmkv rollback RUN)", ...; empty for None.
    static QString sentence(const NextStep& step);
};

} // namespace pmkv
