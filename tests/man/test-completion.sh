#!/bin/bash
# Bash completion as bash runs it: the completion file sourced, _roneo called
# with COMP_WORDS as bash would set them for a line typed so far.
#
#   test-completion.sh RONEO COMPLETION-FILE
set -euo pipefail
roneo=$(realpath "${1:?usage: test-completion.sh RONEO COMPLETION-FILE}")
completion=$(realpath "${2:?usage: test-completion.sh RONEO COMPLETION-FILE}")
fail () { echo "FAIL: $*" >&2; exit 1; }
export PATH=$(dirname "$roneo"):$PATH
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT

# complete WORD...: the candidates, one a line, for the line WORD... (the
# last word is the one being completed), in a fresh bash.
complete () {
  (cd "$scratch" && bash --norc -c 'source "$1"; shift
    complete -p roneo >/dev/null || exit 3
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"
    _roneo; printf "%s\n" "${COMPREPLY[@]}"' complete "$completion" "$@")
}
# offers LIST WORD...: every word of LIST is a candidate
offers () {
  local want=$1 got; shift
  got=$(complete "$@") || fail "completion of '$*' failed"
  for word in $want; do
    grep -qx -- "$word" <<<"$got" || fail "'$*' does not offer '$word' (offers: $(echo $got))"
  done
}

commands=$("$roneo" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
offers "$commands" roneo ''
offers "banner" roneo ba
[ "$(complete roneo ba)" = $'banner\nbatch' ] || fail "'roneo ba' offers more than banner, batch"

layouts=$("$roneo" layouts | awk '/^[a-z0-9]/ && NF > 3 { print $1 }')
for name in a5-flyer a4-tract banderole; do
  grep -qx "$name" <<<"$layouts" || fail "roneo layouts does not list $name"
done
offers "$layouts" roneo flyer -l ''
offers "$layouts" roneo banner --layout = ''
offers "a5-flyer a5-black" roneo check -l a5
[ -z "$(complete roneo check -l a5 | grep -v '^a5')" ] || fail "'-l a5' offers other layouts"

for command in $commands; do
  options=$("$roneo" "$command" --help | sed -n 's/^  *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\)\(=\)\{0,1\}.*/\2\3/p')
  offers "$options" roneo "$command" --
done

# the sheet IDs of the banner the line describes, after those already given
printf 'SAUVONS\nLA POSTE\n' >"$scratch/slogan.txt"
offers "A01 A02 B01" roneo banner slogan.txt --size 300x90cm --sheets ''
offers "A01,B01 A01,B02" roneo banner slogan.txt --sheets = A01,B
[ -z "$(complete roneo banner slogan.txt --sheets A01,B | grep -v '^A01,B[0-9][0-9]$')" ] \
  || fail "'--sheets A01,B' offers something else than A01,Bnn"
[ "$(ls "$scratch")" = slogan.txt ] || fail "completing --sheets left files: $(ls "$scratch")"

# files of the right kind for the arguments
touch "$scratch/tract.md" "$scratch/towns.csv" "$scratch/photo.jpg" "$scratch/tract.pdf"
offers "tract.md slogan.txt" roneo flyer ''
offers "towns.csv" roneo batch --data ''
offers "tract.pdf" roneo print ''
! complete roneo flyer '' | grep -qx photo.jpg || fail "'roneo flyer' offers a .jpg"
echo "ok: completion offers the commands, their options, the layouts, sheet IDs and files"
