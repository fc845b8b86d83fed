#pragma once

#include "clicommand.h"
#include "workflows/syncworkflow.h"

namespace pmkv {

// `pmkv sync SOURCE TARGET`: makes TARGET match SOURCE (missing entities, or all differences
// with --overwrite, or only some fields), through a journal; --undo and --resume act on a
// recorded run.
class SyncCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    QString epilog() const override;
    int execute(const QCommandLineParser& parser) override;

private:
    int again(const QCommandLineParser& parser, const QString& targetSpec, bool undo);
    int watch(const QCommandLineParser& parser, const SyncWorkflow::Request& request);
};

} // namespace pmkv
