#pragma once

#include "core/nextstep.h"

#include <QCoreApplication>
#include <QString>

namespace pmkv {

// How the studio words a next step the core hands over as data (core/nextstep.h): a sentence
// that names what to do in the window, never a command line. Empty for a step the window has
// no words for yet (the message alone is shown).
class NextStepText final
{
    Q_DECLARE_TR_FUNCTIONS(pmkv::NextStepText)

public:
    static QString sentence(const NextStep& step);
};

} // namespace pmkv
