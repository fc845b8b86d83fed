#include "core/comparison.h"

namespace pmkv {

const char* comparisonKey(Comparison comparison, ComparisonSides sides)
{
    const bool filesKv = sides == ComparisonSides::FilesKv;
    switch (comparison) {
    case Comparison::Same:
        return "same";
    case Comparison::EqualJson:
        return "equal-json";
    case Comparison::Changed:
        return "changed";
    case Comparison::OnlyLeft:
        return filesKv ? "only-files" : "only-left";
    case Comparison::OnlyRight:
        return filesKv ? "only-kv" : "only-right";
    case Comparison::Unreadable:
        return "unreadable";
    }
    return "same";
}

std::optional<Comparison> comparisonFromKey(QStringView key)
{
    for (int i = 0; i < kComparisonCount; ++i) {
        const auto c = Comparison(i);
        if (key == QLatin1String(comparisonKey(c, ComparisonSides::LeftRight)) ||
            key == QLatin1String(comparisonKey(c, ComparisonSides::FilesKv)))
            return c;
    }
    return std::nullopt;
}

bool differsInBytes(Comparison comparison)
{
    return comparison != Comparison::Same;
}

bool differsInContent(Comparison comparison)
{
    return comparison != Comparison::Same && comparison != Comparison::EqualJson;
}

qint64 ComparisonCounts::total() const
{
    qint64 sum = 0;
    for (qint64 v : n)
        sum += v;
    return sum;
}

qint64 ComparisonCounts::differing() const
{
    qint64 sum = 0;
    for (int i = 0; i < kComparisonCount; ++i) {
        if (differsInContent(Comparison(i)))
            sum += n[size_t(i)];
    }
    return sum;
}

ComparisonCounts& ComparisonCounts::operator+=(const ComparisonCounts& other)
{
    for (size_t i = 0; i < n.size(); ++i)
        n[i] += other.n[i];
    return *this;
}

} // namespace pmkv
