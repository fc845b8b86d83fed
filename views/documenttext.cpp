#include "documenttext.h"

#include "core/utf8.h"
#include "documentview.h"
#include "files/jsprettyprint.h"
#include "files/jsstringify.h"

#include <QCoreApplication>

namespace pmkv {

namespace {

QString cutLongLines(const QString& text)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), 64 * 1024 * 1024));
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        const qsizetype length = end - start;
        if (length > DocumentText::kLineLimit) {
            qsizetype keep = DocumentText::kLineLimit;
            if (text.at(start + keep - 1).isHighSurrogate())
                --keep; // never half a character
            out += QStringView(text).mid(start, keep);
            out += QCoreApplication::translate("pmkv::DocumentText",
                                               " ... (%1 more characters on this line)")
                       .arg(length - keep);
        } else {
            out += QStringView(text).mid(start, length);
        }
        if (end < text.size())
            out += QLatin1Char('\n');
        start = end + 1;
    }
    return out;
}

} // namespace

QString DocumentText::forValue(const QByteArray& bytes, bool truncated, bool cutLines)
{
    if (firstInvalidUtf8(bytes) >= 0)
        return hexDump(bytes);
    if (!truncated) {
        const auto compact = JsStringify::fromJsonText(bytes);
        if (compact.ok()) {
            const QString pretty = QString::fromUtf8(JsPrettyPrint::indent(compact.value()));
            return cutLines ? cutLongLines(pretty) : pretty;
        }
    }
    if (bytes.size() <= kRawLimit)
        return cutLines ? cutLongLines(QString::fromUtf8(bytes)) : QString::fromUtf8(bytes);
    // Cut at a character boundary (a UTF-8 continuation byte is 10xxxxxx).
    qsizetype cut = kRawLimit;
    while (cut > 0 && (uchar(bytes.at(cut)) & 0xC0) == 0x80)
        --cut;
    const QString head = QString::fromUtf8(bytes.left(cut));
    return (cutLines ? cutLongLines(head) : head) + QLatin1Char('\n') +
           QCoreApplication::translate("pmkv::DocumentText", "... (%1 more bytes are not shown)")
               .arg(bytes.size() - cut);
}

} // namespace pmkv
