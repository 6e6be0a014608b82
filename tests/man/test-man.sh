#!/bin/bash
# The man pages as a reader gets them: each renders without a groff warning,
# the pages together name every command and every option that --help lists
# (so they cannot drift from the program), and the French pages are French.
#
#   test-man.sh ROONEO EN-PAGES... -- FR-PAGES...
set -euo pipefail
roneo=${1:?usage: test-man.sh RONEO EN-PAGES... -- FR-PAGES...}; shift
en=() fr=()
while [ "$1" != -- ]; do en+=("$1"); shift; done; shift
fr=("$@")
fail () { echo "FAIL: $*" >&2; exit 1; }

# render PAGE: the page as man shows it on an 80-column terminal, plain text;
# fails if man or groff (all warnings on) say anything on stderr.
render () {
  local err
  err=$(groff -k -ww -man -Tutf8 -z "$1" 2>&1) || fail "groff failed on $1"
  [ -z "$err" ] || fail "groff -ww warns on $1: $err"
  err=$(MANWIDTH=80 man --warnings -l -Tutf8 "$1" 2>&1 >/dev/null) || fail "man -l failed on $1"
  [ -z "$err" ] || fail "man -l warns on $1: $err"
  MANWIDTH=80 man -l -Tutf8 "$1" 2>/dev/null | col -bx
}

# flat TEXT: one line, words hyphenated at a line end joined again
flat () { sed -z 's/‐\n *//g; s/\n/ /g; s/  */ /g' <<<"$1"; }

# page_of LIST COMMAND: the page of COMMAND (roneo.1 for "") in LIST.
page_of () {
  local -n list=$1
  local name=roneo${2:+-$2}.1 page
  for page in "${list[@]}"; do [ "$(basename "$page")" = "$name" ] && { echo "$page"; return; }; done
  fail "no page $name among: ${list[*]}"
}

commands=$("$roneo" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
[ "$(wc -w <<<"$commands")" -ge 7 ] || fail "roneo --help lists too few commands: $commands"
[ "${#en[@]}" -eq $(($(wc -w <<<"$commands") + 1)) ] || fail "not one English page a command"
[ "${#fr[@]}" -eq "${#en[@]}" ] || fail "not one French page for each English one"

main=$(render "$(page_of en '')")
for command in $commands; do
  grep -qE "^       $command( |$)" <<<"$main" || fail "roneo.1 does not list '$command'"
  grep -q "roneo-$command(1)" <<<"$(flat "$main")" || fail "roneo.1 does not refer to roneo-$command(1)"
done

for command in $commands; do
  for lang in en fr; do
    text=$(render "$(page_of $lang "$command")")
    grep -qE "^       roneo-$command +- " <<<"$text" || fail "$lang roneo-$command.1: no NAME line"
    # every option of --help, long and short, as its own tagged paragraph
    while read -r option; do
      grep -qE -- "^       (-[A-Za-z], )?$option(=| |$)|^       -[A-Za-z], $option" <<<"$text" \
        || fail "$lang roneo-$command.1 does not describe $option"
    done < <("$roneo" "$command" --help | sed -n 's/^  *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p')
    for code in 0 1 2 3 4 5 6; do
      grep -q "^       $code      " <<<"$text" || fail "$lang roneo-$command.1: exit code $code missing"
    done
  done
done

# The French pages: French headings and the French text written for them,
# nothing of the English sections.
for page in "${fr[@]}"; do
  text=$(render "$page")
  # roneo.1 has no OPTIONS; its commands' heading is roneo --help's, the catalogue's
  options=OPTIONS; [ "$(basename "$page")" = roneo.1 ] && options=SYNOPSIS
  for heading in NOM SYNOPSIS DESCRIPTION "$options" "CODES DE SORTIE" ENVIRONNEMENT FICHIERS \
                 EXEMPLES "VOIR AUSSI"; do
    grep -q "^$heading\$" <<<"$text" || fail "$page: no section '$heading'"
  done
  for heading in NAME "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    ! grep -q "^$heading\$" <<<"$text" || fail "$page: an English section '$heading'"
  done
  for phrase in "Chaque commande se termine par l'un de ces codes" \
                "Vos propres polices : déposez-y des fichiers OTF ou TTF"; do
    grep -q "$phrase" <<<"$(flat "$text")" || fail "$page lacks '$phrase'"
  done
done
banner=$(flat "$(render "$(page_of fr banner)")")
grep -q "mettre en page un slogan en banderole" <<<"$banner" || fail "roneo-banner.1 (fr): NOM not French"
grep -q "réimprimer deux feuilles" <<<"$banner" || fail "roneo-banner.1 (fr): EXEMPLES not French"
echo "ok: ${#en[@]} English and ${#fr[@]} French pages render cleanly and name all of --help"
