#include "documenttext.h"

#include "core/utf8.h"
#include "documentview.h"
#include "files/jsprettyprint.h"
#include "files/jsstringify.h"

#include <QCoreApplication>

namespace pmkv {

QString DocumentText::forValue(const QByteArray& bytes, bool truncated)
{
    if (firstInvalidUtf8(bytes) >= 0)
        return hexDump(bytes);
    if (!truncated) {
        const auto compact = JsStringify::fromJsonText(bytes);
        if (compact.ok())
            return QString::fromUtf8(JsPrettyPrint::indent(compact.value()));
    }
    if (bytes.size() <= kRawLimit)
        return QString::fromUtf8(bytes);
    // Cut at a character boundary (a UTF-8 continuation byte is 10xxxxxx).
    qsizetype cut = kRawLimit;
    while (cut > 0 && (uchar(bytes.at(cut)) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(bytes.left(cut)) + QLatin1Char('\n') +
           QCoreApplication::translate("pmkv::DocumentText", "... (%1 more bytes are not shown)")
               .arg(bytes.size() - cut);
}

} // namespace pmkv
