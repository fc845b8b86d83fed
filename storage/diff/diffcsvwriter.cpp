#include "diff/diffcsvwriter.h"

namespace pmkv {
namespace {

QByteArray cell(const QByteArray& text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    QByteArray out = text;
    out.replace('"', "\"\"");
    return '"' + out + '"';
}

QByteArray cell(const QString& text)
{
    return cell(text.toUtf8());
}

QByteArray cell(const std::string& text)
{
    return cell(QByteArray::fromStdString(text));
}

} // namespace

QByteArray DiffCsvWriter::write(const DiffReport& report)
{
    QByteArray out = "entity,state,left,right,change,path,from,left_value,right_value,note\r\n";
    for (const EntityDiff& d : report.entities) {
        const QByteArray head = cell(entityTitle(d.ref)) + ',' + comparisonKey(d.state) + ',' +
                                cell(d.leftLocation) + ',' + cell(d.rightLocation) + ',';
        QStringList notes;
        if (!d.leftUnreadable.isEmpty())
            notes << QStringLiteral("left unreadable: ") + d.leftUnreadable;
        if (!d.rightUnreadable.isEmpty())
            notes << QStringLiteral("right unreadable: ") + d.rightUnreadable;
        if (d.typeDiffers)
            notes << QStringLiteral("type %1 vs %2").arg(d.leftType, d.rightType);
        if (d.ttlDiffers)
            notes << QStringLiteral("TTL %1 vs %2")
                         .arg(d.leftTtl.value_or(-1))
                         .arg(d.rightTtl.value_or(-1));
        const QByteArray note = cell(notes.join(QStringLiteral("; ")));
        if (d.changes.empty()) {
            out += head + ",,,,," + note + "\r\n";
            continue;
        }
        for (const FieldChange& c : d.changes) {
            out += head + fieldChangeKindName(c.kind) + ',' + cell(c.path) + ',' + cell(c.from) +
                   ',' + (c.hasLeft ? cell(c.left.compact()) : QByteArray()) + ',' +
                   (c.hasRight ? cell(c.right.compact()) : QByteArray()) + ',' + note + "\r\n";
        }
    }
    return out;
}

} // namespace pmkv
