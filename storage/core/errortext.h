#pragma once

#include "core/result.h"

#include <QString>

namespace pmkv {

// An error's message, then `sentence` after one full stop, whether or not the message ended
// with its own (a transport's sentence often does): "... not sent again. The run X stopped".
inline QString followedBy(const Error& error, const QString& sentence)
{
    QString joined = error.message;
    if (joined.endsWith(QLatin1Char('.')))
        joined.chop(1);
    return joined + QStringLiteral(". ") + sentence;
}

} // namespace pmkv
