#!/bin/zsh -f
# zsh-complete.zsh LINE FOLDER: what zsh's completion offers for the command line LINE, with
# the completion functions of FOLDER, one candidate a line. An interactive zsh on a pseudo
# terminal (zpty) gets LINE and a TAB; its compadd prints what it is given.
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell "fpath=($2 \$fpath); PROMPT=; autoload -U compinit; compinit -u -D"
zpty -w shell 'compadd () { local -a hits; builtin compadd -A hits "$@"; local h;
  for h in $hits; do print -r -- "<hit>$IPREFIX$h</hit>"; done; builtin compadd "$@"; }'
zpty -w shell 'bindkey "^I" complete-word'
zpty -w shell "$1"$'\t'
zpty -w shell $'\C-u'"print -r -- '<done''>'"
local line out=""
while zpty -r shell line; do
  out+=$line
  [[ $out == *'<done>'* ]] && break
done
zpty -d shell
# The typed definition of compadd echoes a "<hit>" too: it holds a '$'.
print -r -- "$out" | tr '\r' '\n' | grep -o '<hit>[^<$]*</hit>' | sed 's/<hit>//; s/<\/hit>//' |
  sort -u
