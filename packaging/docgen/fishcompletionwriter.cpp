#include "fishcompletionwriter.h"

#include "valuecompletion.h"

namespace pmkv {

namespace {

const char* const kHelpers =
    R"sh(# fish completion for %1. Made by pmkv-docgen from `%1 --help` and each command's --help:
# change those, not this file.

# True when the command line's command (its first word after %1) is $argv[1].
function __%2_using_command
    set -l words (commandline -opc)
    test (count $words) -ge 2; and test "$words[2]" = "$argv[1]"
end

# True when the word being completed is argument $argv[2] (from 0; 'from N' for any from N
# on) of command $argv[1]; the words after it are the options that take a value.
function __%2_argument
    __%2_using_command $argv[1]; or return 1
    set -l words (commandline -opc)
    set -l valued $argv[3..-1]
    test "$argv[2]" = from; and set valued $argv[4..-1]
    set -l count 0
    set -l skip 0
    for word in $words[3..-1]
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $word
            contains -- $word $valued; and set skip 1
        else
            set count (math $count + 1)
        end
    end
    if test "$argv[2]" = from
        test $count -ge $argv[3]
    else
        test $count = $argv[2]
    end
end

# Saved connection names: the first column of `%1 conn list`.
function __%2_profiles
    command %1 conn list 2>/dev/null | string split -f1 \t
end

# Run ids: the journals (runs/RUN.sqlite) in the state folder, --state-dir's or the default
# $XDG_DATA_HOME/pmkv-studio.
function __%2_runs
    set -l dir $XDG_DATA_HOME
    test -n "$dir"; or set dir ~/.local/share
    set dir $dir/pmkv-studio
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if test "$words[$i]" = --state-dir; and test $i -lt (count $words)
            set dir $words[(math $i + 1)]
        else if string match -q -- '--state-dir=*' $words[$i]
            set dir (string replace -- '--state-dir=' '' $words[$i])
        end
    end
    for file in $dir/runs/*.sqlite
        basename $file .sqlite
    end
end

# The values of one kind list ($argv[1]: files,dirs,profiles,runs,sides) and words.
function __%2_values
    set -l kinds (string split , -- $argv[1])
    set -l token (commandline -ct)
    printf '%s\n' $argv[2..-1]
    contains profiles $kinds; and __%2_profiles
    contains runs $kinds; and __%2_runs
    if contains sides $kinds
        __%2_profiles | string replace -r '^' 'conn:'
        printf '%s\n' redis:// http:// https://
        __fish_complete_path $token
    else if contains files $kinds
        __fish_complete_path $token
    else if contains dirs $kinds
        __fish_complete_directories $token
    end
end

complete -c %1 -f
)sh";

// A single-quoted fish word.
QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString valuesCall(const QString& id, const ValueCompletion& value)
{
    return QStringLiteral("(__%1_values %2)").arg(id, value.helperArguments());
}

} // namespace

QString FishCompletionWriter::write(const ProgramManual& manual)
{
    const QString program = manual.name;
    const QString id = manual.shellIdentifier();
    QString script = QString::fromUtf8(kHelpers).arg(program, id);

    script += QStringLiteral("\n# The commands.\n");
    for (const CommandManual& command : manual.commands)
        script += QStringLiteral("complete -c %1 -n 'test (count (commandline -opc)) -eq 1' -a %2 "
                                 "-d %3\n")
                      .arg(program, command.name,
                           quoted(HelpDocument::firstSentence(command.help.description)));
    script += QStringLiteral("complete -c %1 -n 'test (count (commandline -opc)) -eq 1' -l help "
                             "-d 'Show the help and exit.'\n"
                             "complete -c %1 -n 'test (count (commandline -opc)) -eq 1' -l "
                             "version -d 'Show the version and exit.'\n")
                  .arg(program);

    for (const CommandManual& command : manual.commands) {
        script += QStringLiteral("\n# %1 %2\n").arg(program, command.name);
        const QString condition = QStringLiteral("'__%1_using_command %2'").arg(id, command.name);
        QStringList valued;
        for (const HelpOption& option : command.help.options) {
            QString line = QStringLiteral("complete -c %1 -n %2").arg(program, condition);
            for (const QString& name : option.names) {
                if (name.startsWith(QLatin1String("--")))
                    line += QStringLiteral(" -l ") + name.mid(2);
                else if (name.size() == 2)
                    line += QStringLiteral(" -s ") + name.mid(1);
            }
            if (!option.valueName.isEmpty()) {
                valued += option.names;
                line += QStringLiteral(" -x");
                const ValueCompletion value = ValueCompletion::forOption(option);
                if (!value.isEmpty())
                    line += QStringLiteral(" -a ") + quoted(valuesCall(id, value));
            }
            script += line + QStringLiteral(" -d ") +
                      quoted(HelpDocument::firstSentence(option.description)) + QLatin1Char('\n');
        }
        const QVector<HelpItem>& arguments = command.help.arguments;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const ValueCompletion value = ValueCompletion::forArgument(arguments[i]);
            if (value.isEmpty())
                continue;
            const bool repeats = i + 1 == arguments.size() && command.help.lastArgumentRepeats();
            const QString position =
                repeats ? QStringLiteral("from %1").arg(i) : QString::number(i);
            script += QStringLiteral("complete -c %1 -n '__%2_argument %3 %4 %5' -a %6\n")
                          .arg(program, id, command.name, position, valued.join(QLatin1Char(' ')),
                               quoted(valuesCall(id, value)));
        }
    }
    return script;
}

} // namespace pmkv
