#pragma once

#include "clicommand.h"

namespace pmkv {

// `pmkv diff A B`: compares two sides (folders, backups, snapshots, live key spaces) entity by
// entity and field by field, and writes a terminal summary, JSON, HTML or CSV.
class DiffCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("diff"); }
    QString summary() const override;

protected:
    void configure(QCommandLineParser& parser) override;
    QString epilog() const override;
    int execute(const QCommandLineParser& parser) override;
};

} // namespace pmkv
