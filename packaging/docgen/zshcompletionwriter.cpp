#include "zshcompletionwriter.h"

#include "valuecompletion.h"

namespace pmkv {

namespace {

const char* const kHelpers = R"sh(#compdef %1
# zsh completion for %1. Made by pmkv-docgen from `%1 --help` and each command's --help:
# change those, not this file.

# Saved connection names: the first column of `%1 conn list`.
_%2_profile_names()
{
    reply=(${(f)"$(command %1 conn list 2>/dev/null | cut -f1)"})
}

# Run ids: the journals (runs/RUN.sqlite) in the state folder, --state-dir's or the default
# $XDG_DATA_HOME/pmkv-studio.
_%2_run_ids()
{
    local dir=${XDG_DATA_HOME:-$HOME/.local/share}/pmkv-studio i
    for ((i = 1; i < $#words; i++)); do
        case $words[i] in
        --state-dir) dir=$words[i+1] ;;
        --state-dir=*) dir=${words[i]#--state-dir=} ;;
        esac
    done
    dir=${~dir}
    reply=($dir/runs/*.sqlite(N:t:r))
}

# Offers the values of one kind list ($1: files,dirs,profiles,runs,sides) and words ($2...).
_%2_values()
{
    local -a kinds alternatives reply
    kinds=(${(s:,:)1})
    shift
    (( $# )) && alternatives+=("words:word:($*)")
    if (( $kinds[(I)profiles] )); then
        _%2_profile_names
        alternatives+=("profiles:saved connection:(${(q)reply})")
    fi
    if (( $kinds[(I)runs] )); then
        _%2_run_ids
        alternatives+=("runs:run id:(${(q)reply})")
    fi
    if (( $kinds[(I)sides] )); then
        _%2_profile_names
        alternatives+=("profiles:saved connection:(${(q)reply/#/conn:})"
                       "urls:key space:(redis:// http:// https://)" "files:file:_files")
    fi
    (( $kinds[(I)files] )) && alternatives+=("files:file:_files")
    (( $kinds[(I)dirs] )) && alternatives+=("directories:folder:_files -/")
    _alternative $alternatives
}

)sh";

// Text inside a single-quoted word of the script.
QString quotedText(QString text)
{
    return text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
}

// A description in an _arguments spec's brackets: brackets escaped.
QString descriptionText(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('['), QStringLiteral("\\["));
    text.replace(QLatin1Char(']'), QStringLiteral("\\]"));
    return quotedText(text);
}

// A name or message between an _arguments spec's colons (or before _describe's): colons
// escaped.
QString fieldText(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char(':'), QStringLiteral("\\:"));
    return quotedText(text);
}

QString action(const QString& id, const ValueCompletion& value)
{
    if (value.isEmpty())
        return QStringLiteral(" ");
    // In braces: evaluated as it is (a plain action gets compadd options put before the
    // arguments).
    return QStringLiteral("{_%1_values %2}").arg(id, value.helperArguments());
}

QString optionSpecs(const QString& id, const HelpDocument& help)
{
    QString specs;
    for (const HelpOption& option : help.options) {
        const QString description =
            descriptionText(HelpDocument::firstSentence(option.description));
        const ValueCompletion value = ValueCompletion::forOption(option);
        const QString argument =
            option.valueName.isEmpty()
                ? QString()
                : QStringLiteral(":%1:%2").arg(fieldText(option.valueName), action(id, value));
        if (option.names.size() == 1) {
            const QString equals = option.valueName.isEmpty() ? QString() : QStringLiteral("=");
            specs += QStringLiteral("            '%1%2[%3]%4' \\\n")
                         .arg(option.names.first(), equals, description, argument);
        } else {
            const QString exclusive = option.names.join(QLatin1Char(' '));
            QStringList forms;
            for (const QString& name : option.names)
                forms.append(name.startsWith(QLatin1String("--")) && !option.valueName.isEmpty()
                                 ? name + QLatin1Char('=')
                                 : name);
            specs += QStringLiteral("            '(%1)'{%2}'[%3]%4' \\\n")
                         .arg(exclusive, forms.join(QLatin1Char(',')), description, argument);
        }
    }
    return specs;
}

QString argumentSpecs(const QString& id, const HelpDocument& help)
{
    QString specs;
    for (qsizetype i = 0; i < help.arguments.size(); ++i) {
        const HelpItem& argument = help.arguments[i];
        const bool repeats = i + 1 == help.arguments.size() && help.lastArgumentRepeats();
        specs +=
            QStringLiteral("            '%1:%2:%3' \\\n")
                .arg(repeats ? QStringLiteral("*") : QString::number(i + 1),
                     fieldText(argument.name), action(id, ValueCompletion::forArgument(argument)));
    }
    return specs;
}

} // namespace

QString ZshCompletionWriter::write(const ProgramManual& manual)
{
    const QString program = manual.name;
    const QString id = manual.shellIdentifier();
    QString script = QString::fromUtf8(kHelpers).arg(program, id);

    QString commandList;
    QString commandCases;
    for (const CommandManual& command : manual.commands) {
        commandList += QStringLiteral("        '%1:%2'\n")
                           .arg(fieldText(command.name),
                                quotedText(HelpDocument::firstSentence(command.help.description)));
        QString specs = optionSpecs(id, command.help) + argumentSpecs(id, command.help);
        specs.chop(QStringLiteral(" \\\n").size());
        commandCases += QStringLiteral("        %1)\n            _arguments -s -S \\\n%2\n"
                                       "            ;;\n")
                            .arg(command.name, specs);
    }
    script += QStringLiteral(R"sh(_%1()
{
    local curcontext=$curcontext state line
    typeset -A opt_args
    _arguments -C \
        '(- *)--help[Show the help and exit.]' \
        '(- *)--version[Show the version and exit.]' \
        '1: :->command' \
        '*:: :->argument'
    case $state in
    command)
        local -a commands
        commands=(
%2        )
        _describe -t commands '%3 command' commands
        ;;
    argument)
        curcontext=${curcontext%:*:*}:%3-$words[1]:
        case $words[1] in
%4        esac
        ;;
    esac
}

_%1 "$@"
)sh")
                  .arg(id, commandList, program, commandCases);
    return script;
}

} // namespace pmkv
