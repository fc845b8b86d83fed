#pragma once

#include "core/nextstep.h"

#include <QCoreApplication>
#include <QString>

namespace pmkv {

// How the GUI words a next step: the caption of the button that takes it ("Resume the run",
// "Roll back the run" ...). The core gives the step as data; `pmkv` words it as a command.
class StepCaption final
{
    Q_DECLARE_TR_FUNCTIONS(pmkv::StepCaption)

public:
    static QString text(const NextStep& step);
};

} // namespace pmkv
