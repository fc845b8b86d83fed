#pragma once

#include "core/nextstep.h"

#include <QString>

namespace pmkv {

// How pmkv-studio words a next safe step: the label of the button that takes it (the CLI's
// StepWording gives a command line instead). Empty for NextStep::None.
class StepText final
{
public:
    static QString buttonLabel(const NextStep& step);
};

} // namespace pmkv
