#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pmkv {

// Decodes padded base64 (the standard alphabet, '=' only at the end, a length that is a
// multiple of 4) into `out`; false, with `out` untouched, for anything else. Written through
// a pointer, four characters a step: REST answers carry every value this way, megabytes per
// batch of reads, where QByteArray::fromBase64Encoding's byte-at-a-time loop showed.
bool decodeBase64(QByteArrayView text, QByteArray& out);

} // namespace pmkv
