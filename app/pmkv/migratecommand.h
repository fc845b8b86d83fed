#pragma once

#include "clicommand.h"
#include "problemlines.h"
#include "workflows/migrationworkflow.h"

namespace pmkv {

class MigrateCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("migrate"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    QString epilog() const override;
    int execute(const QCommandLineParser& parser) override;

private:
    int print(const MigrationWorkflow::RunOutcome& outcome, bool json,
              ProblemLines::Listing listing);
};

} // namespace pmkv
