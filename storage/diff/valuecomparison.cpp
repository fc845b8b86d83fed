#include "diff/valuecomparison.h"

#include "diff/jsonparser.h"

namespace pmkv {

Comparison ValueComparison::of(QByteArrayView left, QByteArrayView right)
{
    if (left == right)
        return Comparison::Same;
    const auto l = JsonParser::parse(left);
    if (!l)
        return Comparison::Unreadable;
    const auto r = JsonParser::parse(right);
    if (!r)
        return Comparison::Unreadable;
    return l.value() == r.value() ? Comparison::EqualJson : Comparison::Changed;
}

} // namespace pmkv
