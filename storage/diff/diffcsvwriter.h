#pragma once

#include "diff/diffreport.h"

#include <QByteArray>

namespace pmkv {

// One CSV row per field change (RFC 4180 quoting, UTF-8): entity, state, left and right
// locations, change kind, JSON Pointer, moved-from pointer, left and right values (compact
// JSON). An entity without field changes (only on one side, unreadable, type/TTL) is one row.
class DiffCsvWriter final
{
public:
    static QByteArray write(const DiffReport& report);
};

} // namespace pmkv
