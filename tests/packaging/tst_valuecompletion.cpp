#include "programmanual.h"
#include "valuecompletion.h"

#include <QTest>

using namespace pmkv;

// What the completions offer for the values of the real pmkv's options and arguments: the
// rules read the help texts, so these pin them against what the commands print today.
class TstValueCompletion final : public QObject
{
    Q_OBJECT

private:
    ProgramManual m_pmkv;

    ValueCompletion option(const QString& command, const QString& name) const
    {
        const CommandManual* c = m_pmkv.command(command);
        if (!c)
            return {};
        for (const HelpOption& o : c->help.options) {
            if (o.names.contains(name))
                return ValueCompletion::forOption(o);
        }
        return {};
    }

    ValueCompletion argument(const QString& command, int index) const
    {
        const CommandManual* c = m_pmkv.command(command);
        if (!c || index >= c->help.arguments.size())
            return {};
        return ValueCompletion::forArgument(c->help.arguments[index]);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto manual = ProgramManual::read(QStringLiteral(PMKV_BINARY_DIR "/app/pmkv/pmkv"));
        QVERIFY2(manual.ok(), qPrintable(manual ? QString() : manual.error().message));
        m_pmkv = manual.value();
        QVERIFY(m_pmkv.commands.size() >= 10);
        QCOMPARE(m_pmkv.version, QStringLiteral(PMKV_VERSION));
    }

    void savedConnectionsForConnAndConfirmProd()
    {
        QCOMPARE(option(QStringLiteral("migrate"), QStringLiteral("--conn")).kinds,
                 unsigned(ValueCompletion::Profiles));
        QCOMPARE(option(QStringLiteral("migrate"), QStringLiteral("--confirm-prod")).kinds,
                 unsigned(ValueCompletion::Profiles));
        // --name names a new connection: nothing to offer.
        QVERIFY(option(QStringLiteral("conn"), QStringLiteral("--name")).isEmpty());
        // conn remove NAME / import FILE.
        QCOMPARE(argument(QStringLiteral("conn"), 1).kinds,
                 unsigned(ValueCompletion::Profiles | ValueCompletion::Files));
        QCOMPARE(argument(QStringLiteral("conn"), 0).words,
                 (QStringList{QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("test"),
                              QStringLiteral("remove"), QStringLiteral("import")}));
    }

    void runIdsForRollbackResumeAndUndo()
    {
        QCOMPARE(argument(QStringLiteral("rollback"), 0).kinds, unsigned(ValueCompletion::Runs));
        // migrate takes a folder, or with --resume a run id.
        QCOMPARE(argument(QStringLiteral("migrate"), 0).kinds,
                 unsigned(ValueCompletion::Runs | ValueCompletion::Directories));
        for (const QString& name : {QStringLiteral("--undo"), QStringLiteral("--resume")}) {
            const ValueCompletion value = option(QStringLiteral("sync"), name);
            QCOMPARE(value.kinds, unsigned(ValueCompletion::Runs));
            QCOMPARE(value.words, QStringList{QStringLiteral("last")});
        }
    }

    void foldersFilesAndSides()
    {
        QCOMPARE(argument(QStringLiteral("scan"), 0).kinds, unsigned(ValueCompletion::Directories));
        QCOMPARE(argument(QStringLiteral("generate"), 0).kinds,
                 unsigned(ValueCompletion::Directories));
        QCOMPARE(argument(QStringLiteral("verify"), 0).kinds, unsigned(ValueCompletion::Files));
        QCOMPARE(argument(QStringLiteral("restore"), 1).kinds,
                 unsigned(ValueCompletion::Directories));
        QCOMPARE(option(QStringLiteral("migrate"), QStringLiteral("--state-dir")).kinds,
                 unsigned(ValueCompletion::Directories));
        QCOMPARE(option(QStringLiteral("env"), QStringLiteral("--data-dir")).kinds,
                 unsigned(ValueCompletion::Directories));
        QCOMPARE(option(QStringLiteral("migrate"), QStringLiteral("--plan")).kinds,
                 unsigned(ValueCompletion::Files));
        QCOMPARE(option(QStringLiteral("backup"), QStringLiteral("-o")).kinds,
                 unsigned(ValueCompletion::Files));
        QCOMPARE(option(QStringLiteral("diff"), QStringLiteral("--html")).kinds,
                 unsigned(ValueCompletion::Files));
        const ValueCompletion layout = option(QStringLiteral("keys"), QStringLiteral("--layout"));
        QCOMPARE(layout.words,
                 (QStringList{QStringLiteral("repository"), QStringLiteral("strategy")}));
        for (const QString& command : {QStringLiteral("diff"), QStringLiteral("sync")}) {
            QCOMPARE(argument(command, 0).kinds, unsigned(ValueCompletion::Sides));
            QCOMPARE(argument(command, 1).kinds, unsigned(ValueCompletion::Sides));
        }
        QCOMPARE(argument(QStringLiteral("env"), 0).words,
                 (QStringList{QStringLiteral("up"), QStringLiteral("down"),
                              QStringLiteral("status"), QStringLiteral("flush")}));
    }

    void nothingForNumbersAndAddresses()
    {
        QVERIFY(option(QStringLiteral("migrate"), QStringLiteral("--batch-keys")).isEmpty());
        QVERIFY(option(QStringLiteral("migrate"), QStringLiteral("--url")).isEmpty());
        QVERIFY(option(QStringLiteral("migrate"), QStringLiteral("--json")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstValueCompletion)
#include "tst_valuecompletion.moc"
