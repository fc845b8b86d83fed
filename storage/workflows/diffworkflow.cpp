#include "workflows/diffworkflow.h"

#include "diff/diffcsvwriter.h"
#include "diff/diffhtmlwriter.h"
#include "diff/diffjsonwriter.h"
#include "diff/sidecomparer.h"
#include "workflows/sideopener.h"

#include <QSaveFile>

namespace pmkv {

namespace {

Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(
            QStringLiteral("report.write"),
            QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

Result<DiffReport> DiffWorkflow::run(const Request& request, const WorkflowContext& context)
{
    Q_UNUSED(context) // the readers report no progress yet
    SideOpener opener(request.sessionConnection);
    auto left = opener.open(request.left, request.leftLayout);
    if (!left)
        return left.error();
    auto right = opener.open(request.right, request.rightLayout);
    if (!right)
        return right.error();
    SideComparer::Options options;
    options.diff = request.options;
    options.keepSame = request.keepSame;
    const DiffReport report = SideComparer::compare(left.value().side, right.value().side, options);
    if (!request.htmlPath.isEmpty()) {
        if (auto w = exportReport(report, request.htmlPath, Format::Html); !w)
            return w.error();
    }
    if (!request.csvPath.isEmpty()) {
        if (auto w = exportReport(report, request.csvPath, Format::Csv); !w)
            return w.error();
    }
    return report;
}

Result<void> DiffWorkflow::exportReport(const DiffReport& report, const QString& path,
                                        Format format)
{
    switch (format) {
    case Format::Html:
        return writeFile(path, DiffHtmlWriter::write(report));
    case Format::Json:
        return writeFile(path, DiffJsonWriter::write(report));
    case Format::Csv:
        return writeFile(path, DiffCsvWriter::write(report));
    }
    return {};
}

} // namespace pmkv
