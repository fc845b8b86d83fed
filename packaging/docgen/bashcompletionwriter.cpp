#include "bashcompletionwriter.h"

#include "valuecompletion.h"

#include <QRegularExpression>

namespace pmkv {

namespace {

// The functions every generated script shares; %1 is the program, %2 its identifier.
const char* const kHelpers =
    R"sh(# bash completion for %1. Made by pmkv-docgen from `%1 --help` and each command's
# --help: change those, not this file.

# Saved connection names: the first column of `%1 conn list`.
_%2_profiles()
{
    command %1 conn list 2>/dev/null | cut -f1
}

# Run ids: the journals (runs/RUN.sqlite) in the state folder, --state-dir's or the default
# $XDG_DATA_HOME/pmkv-studio.
_%2_runs()
{
    local dir=${XDG_DATA_HOME:-$HOME/.local/share}/pmkv-studio i f
    for ((i = 1; i < ${#_%2_words[@]} - 1; i++)); do
        case ${_%2_words[i]} in
        --state-dir) dir=${_%2_words[i + 1]} ;;
        --state-dir=*) dir=${_%2_words[i]#--state-dir=} ;;
        esac
    done
    dir=${dir/#\~/$HOME}
    for f in "$dir"/runs/*.sqlite; do
        [[ -e $f ]] || continue
        f=${f##*/}
        printf '%s\n' "${f%.sqlite}"
    done
}

# Offers the values of one kind list ($1: files,dirs,profiles,runs,sides) and words ($2...).
_%2_values()
{
    local kinds=,$1, cur=$_%2_cur candidate
    shift
    local -a candidates=("$@")
    [[ $kinds == *,profiles,* ]] && mapfile -t -O ${#candidates[@]} candidates < <(_%2_profiles)
    [[ $kinds == *,runs,* ]] && mapfile -t -O ${#candidates[@]} candidates < <(_%2_runs)
    if [[ $kinds == *,sides,* ]]; then
        while IFS= read -r candidate; do
            candidates+=("conn:$candidate")
        done < <(_%2_profiles)
        candidates+=(redis:// http:// https://)
    fi
    for candidate in "${candidates[@]}"; do
        [[ $candidate == "$cur"* ]] && COMPREPLY+=("$candidate")
    done
    if [[ $kinds == *,files,* || $kinds == *,sides,* ]]; then
        compopt -o filenames 2>/dev/null
        mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- "$cur")
    elif [[ $kinds == *,dirs,* ]]; then
        compopt -o filenames 2>/dev/null
        mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$cur")
    fi
    # bash replaces only the part after the last ':' (COMP_WORDBREAKS): "conn:pr" -> "pr".
    if [[ $COMP_WORDBREAKS == *:* && $cur == *:* ]]; then
        local prefix=${cur%"${cur##*:}"}
        COMPREPLY=("${COMPREPLY[@]#"$prefix"}")
    fi
}

)sh";

QString words(const QStringList& list)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._:/@+-]+$"));
    QStringList kept;
    for (const QString& word : list) {
        if (safe.match(word).hasMatch())
            kept.append(word);
    }
    return kept.join(QLatin1Char(' '));
}

QString valuesCall(const QString& id, const ValueCompletion& value)
{
    return QStringLiteral("_%1_values %2").arg(id, value.helperArguments());
}

} // namespace

QString BashCompletionWriter::write(const ProgramManual& manual)
{
    const QString program = manual.name;
    const QString id = manual.shellIdentifier();
    QString script = QString::fromUtf8(kHelpers).arg(program, id);

    QStringList commandNames;
    for (const CommandManual& command : manual.commands)
        commandNames.append(command.name);

    // The options of each command, and which of them take a value.
    QString optionCases;
    QString valueCases;
    QString positionalCases;
    for (const CommandManual& command : manual.commands) {
        QStringList options;
        QStringList valued;
        for (const HelpOption& option : command.help.options) {
            options += option.names;
            if (option.valueName.isEmpty())
                continue;
            valued += option.names;
            const ValueCompletion value = ValueCompletion::forOption(option);
            if (value.isEmpty())
                continue; // a number, a URL, a name: nothing to offer
            QStringList patterns;
            for (const QString& name : option.names)
                patterns.append(command.name + QLatin1Char(' ') + name);
            valueCases += QStringLiteral("    \"%1\") %2 ;;\n")
                              .arg(patterns.join(QStringLiteral("\" | \"")), valuesCall(id, value));
        }
        optionCases += QStringLiteral("    %1)\n        options=\"%2\"\n        valued=\" %3 \"\n"
                                      "        ;;\n")
                           .arg(command.name, words(options), words(valued));
        QString positions;
        const QVector<HelpItem>& arguments = command.help.arguments;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const ValueCompletion value = ValueCompletion::forArgument(arguments[i]);
            if (value.isEmpty())
                continue;
            const bool repeats = i + 1 == arguments.size() && command.help.lastArgumentRepeats();
            positions +=
                QStringLiteral("        %1) %2 ;;\n")
                    .arg(repeats ? QStringLiteral("*") : QString::number(i), valuesCall(id, value));
        }
        if (!positions.isEmpty())
            positionalCases += QStringLiteral("    %1)\n        case $2 in\n%2        esac\n"
                                              "        ;;\n")
                                   .arg(command.name, positions);
    }

    script += QStringLiteral("# Completes the value of option $2 of command $1.\n"
                             "_%1_option_value()\n{\n    case \"$1 $2\" in\n%2    esac\n}\n\n")
                  .arg(id, valueCases);
    script += QStringLiteral("# Completes argument number $2 (from 0) of command $1.\n"
                             "_%1_argument()\n{\n    case $1 in\n%2    esac\n}\n\n")
                  .arg(id, positionalCases);
    script += QStringLiteral(R"sh(_%1()
{
    local line=${COMP_LINE:0:COMP_POINT}
    local -a _%1_words
    read -ra _%1_words <<<"$line"
    [[ $line == *[[:space:]] || ${#_%1_words[@]} -eq 0 ]] && _%1_words+=("")
    local _%1_cur=${_%1_words[-1]} count=${#_%1_words[@]}
    COMPREPLY=()
    if ((count <= 2)); then
        mapfile -t COMPREPLY < <(compgen -W "%2 --help --version" -- "$_%1_cur")
        return
    fi
    local command=${_%1_words[1]} options="" valued=""
    case $command in
%3    *) return ;;
    esac
    # Walk the words before the current one: options, their values, and arguments.
    local i word argument=0 pending=""
    for ((i = 2; i < count - 1; i++)); do
        word=${_%1_words[i]}
        if [[ -n $pending ]]; then
            pending=""
        elif [[ $word == -* ]]; then
            [[ $word != *=* && $valued == *" $word "* ]] && pending=$word
        else
            ((argument++))
        fi
    done
    if [[ -n $pending ]]; then
        _%1_option_value "$command" "$pending"
    elif [[ $_%1_cur == --*=* ]]; then
        local option=${_%1_cur%%=*}
        _%1_cur=${_%1_cur#*=}
        _%1_option_value "$command" "$option"
    elif [[ $_%1_cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$_%1_cur")
    else
        _%1_argument "$command" "$argument"
    fi
}
complete -F _%1 %4
)sh")
                  .arg(id, words(commandNames), optionCases, program);
    return script;
}

} // namespace pmkv
