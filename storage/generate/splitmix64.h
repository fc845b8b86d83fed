#pragma once

#include <QtGlobal>

namespace pmkv {

// A tiny PRNG with a fixed algorithm, so that a seed gives the same tree on every machine
// and compiler (the std:: distributions are implementation-defined).
class SplitMix64 final
{
public:
    explicit SplitMix64(quint64 seed) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound).
    quint64 below(quint64 bound) { return bound == 0 ? 0 : next() % bound; }
    int between(int low, int high) { return low + int(below(quint64(high - low + 1))); }

private:
    quint64 m_state;
};

} // namespace pmkv
