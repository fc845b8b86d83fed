#pragma once

#include "diff/diffreport.h"

#include <QByteArray>

namespace pmkv {

// The machine-readable report: run metadata (time, sides, layouts, rules), counts, roll-ups
// and per entity its state, locations, type/TTL, field changes and the RFC 6902 patch that
// turns the left value into the right one. Numbers in values and patches keep every digit.
// Pretty-printed with 2 spaces; the same report always gives the same bytes.
class DiffJsonWriter final
{
public:
    static QByteArray write(const DiffReport& report);
};

} // namespace pmkv
