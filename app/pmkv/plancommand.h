#pragma once

#include "clicommand.h"

namespace pmkv {

class PlanCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("plan"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    QString epilog() const override;
    int execute(const QCommandLineParser& parser) override;
};

} // namespace pmkv
