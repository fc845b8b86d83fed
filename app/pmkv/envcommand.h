#pragma once

#include "clicommand.h"

namespace pmkv {

// `pmkv env up|down|status|flush`: the local Redis + pmkv-proxy pair (storage/env/localenv.h).
class EnvCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("env"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    QString epilog() const override;
    int execute(const QCommandLineParser& parser) override;
};

} // namespace pmkv
