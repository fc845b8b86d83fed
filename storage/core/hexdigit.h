#pragma once

namespace pmkv {

// The value of one hexadecimal digit (either case), or -1 when `c` is not one.
int hexDigitValue(char c);

} // namespace pmkv
