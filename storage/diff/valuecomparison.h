#pragma once

#include "core/comparison.h"

#include <QByteArrayView>

namespace pmkv {

// Compares two string values as the application reads them: equal bytes are Same; otherwise
// both are parsed with JSON.parse's semantics (JsonParser) and compared as documents:
// EqualJson or Changed. A value that is not JSON makes the pair Unreadable. The validator and
// the GUI's sync states decide with this one rule; the diff adds its ignore rules on top.
// Pure and thread-safe.
class ValueComparison final
{
public:
    static Comparison of(QByteArrayView left, QByteArrayView right);
};

} // namespace pmkv
