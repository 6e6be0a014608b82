#!/bin/bash
# run-print-tests.sh: the print suite's harness. Starts a private cupsd on a
# loopback port and a socket in a temporary directory, creates the test queues
# and runs the C test program against it with CUPS_SERVER set; the daemon is
# stopped and the directory removed on every exit (PITFALLS 26-28, 32).
#
# What cupsd 2.4.2-3+deb12u10 (Debian 12 with its security updates) asks:
# every directive has a value (a bare `Printcap` stops it: the printcap goes
# to the state directory instead, never to /etc/printcap); the configuration
# is checked with `cupsd -t` before the daemon starts; a file: device is
# opened without O_CREAT or O_TRUNC, so each queue's output file is created
# here, empty, and the tests empty it rather than remove it. Filters run as
# lp: the directories they go through are 0755, the output folder is lp's.
#
# Queues, all on file: devices in the temporary directory:
#   roneo-duplex    Generic PDF PPD (PJL + PDF, Duplex option)
#   roneo-simplex   the same PPD without its Duplex option (sides-supported one-sided)
#   roneo-broken    the same PPD whose filter exits 1
#   roneo-slow      the same PPD whose filter takes 30 s (for the timeout)
#   roneo-stopped   Generic PDF, accepting jobs but disabled (cupsdisable)
#   roneo-rejecting Generic PDF, enabled but rejecting jobs (cupsreject)
#   roneo-denied    Generic PDF, whose users may not include the one running
#                   the tests (lpadmin -u deny:USER): the server refuses the job
#
# usage: run-print-tests.sh TEST-PROGRAM [GTEST-ARGS...]
set -u

if [ "$(id -u)" != 0 ]; then
  echo "SKIP: a private cupsd must run as root (filters run as lp); run the print suite as root"
  exit 77
fi
for tool in cupsd lpadmin lpstat cupsenable cupsaccept cupsreject cupsdisable; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: '$tool' not found; install cups, cups-client and cups-filters"
    exit 77
  fi
done
ppd=/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd
if [ ! -r "$ppd" ]; then
  echo "SKIP: '$ppd' not found; install cups-filters"
  exit 77
fi

test_program=$1
shift

dir=$(mktemp -d /tmp/roneo-cups.XXXXXX) || exit 1
chmod 0755 "$dir"
cupsd_pid=
cleanup () {
  if [ -n "$cupsd_pid" ]; then
    kill "$cupsd_pid" 2>/dev/null
    wait "$cupsd_pid" 2>/dev/null
  fi
  if [ -n "${RONEO_KEEP_CUPS_DIR:-}" ]; then
    echo "kept $dir"
  else
    rm -rf "$dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$dir/root/ppd" "$dir/state" "$dir/cache" "$dir/spool/tmp" "$dir/log" "$dir/out"
chmod 0755 "$dir/root" "$dir/root/ppd" "$dir/state" "$dir/cache" "$dir/log" "$dir/out"
chmod 0710 "$dir/spool"
chgrp lp "$dir/spool" "$dir/spool/tmp" || exit 1
chmod 1770 "$dir/spool/tmp"
chown lp:lp "$dir/out" || exit 1

cat > "$dir/root/cups-files.conf" <<CONF
ServerRoot $dir/root
StateDir $dir/state
CacheDir $dir/cache
RequestRoot $dir/spool
TempDir $dir/spool/tmp
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
Printcap $dir/state/printcap
FileDevice Yes
User lp
Group lp
SystemGroup root
CONF

# What cupsd said about its start: the configuration check, then its log.
show_cupsd_log () {
  echo "cupsd -t -c $dir/root/cupsd.conf -s $dir/root/cups-files.conf:"
  cat "$dir/check.txt" 2>/dev/null
  echo "cupsd's errors and warnings ($dir/log/error_log):"
  grep -E '^[EW] ' "$dir/log/error_log" 2>/dev/null | tail -40
}

# Starts cupsd on a free loopback port; FALSE if it died or did not answer.
start_cupsd () {
  # A free port (python3 comes with meson); another process may take it
  # before cupsd binds it, hence the retries below.
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
  write_cupsd_conf
  if ! cupsd -t -c "$dir/root/cupsd.conf" -s "$dir/root/cups-files.conf" >"$dir/check.txt" 2>&1; then
    echo "cupsd refuses the test configuration"
    show_cupsd_log
    exit 1
  fi
  cupsd -f -c "$dir/root/cupsd.conf" -s "$dir/root/cups-files.conf" &
  cupsd_pid=$!
  export CUPS_SERVER=127.0.0.1:$port
  for _ in $(seq 1 100); do
    if lpstat -r 2>/dev/null | grep -q 'is running'; then
      return 0
    fi
    kill -0 "$cupsd_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$cupsd_pid" 2>/dev/null
  wait "$cupsd_pid" 2>/dev/null
  cupsd_pid=
  return 1
}

write_cupsd_conf () {
  cat > "$dir/root/cupsd.conf" <<CONF
LogLevel debug
Listen 127.0.0.1:$port
Listen $dir/cups.sock
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
DefaultEncryption Never
<Location />
  Order allow,deny
  Allow from 127.0.0.1
  Allow from @LOCAL
</Location>
<Policy default>
  <Limit All>
    AuthType None
    Order allow,deny
    Allow from all
  </Limit>
</Policy>
CONF
}

started=
for _ in 1 2 3; do
  if start_cupsd; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  echo "cupsd did not answer on $CUPS_SERVER"
  show_cupsd_log
  exit 1
fi

# The broken filter: root-owned, not writable by others, or cupsd refuses it.
cat > "$dir/fail-filter" <<'FILTER'
#!/bin/sh
echo "ERROR: roneo test filter fails on purpose" >&2
exit 1
FILTER
cat > "$dir/slow-filter" <<'FILTER'
#!/bin/sh
sleep 30
cat
FILTER
chmod 0755 "$dir/fail-filter" "$dir/slow-filter"
sed '/^\*JCLOpenUI \*Duplex/,/^\*JCLCloseUI: \*Duplex/d' "$ppd" > "$dir/simplex.ppd"
sed "s|^\*cupsFilter:.*|*cupsFilter: \"application/vnd.cups-pdf 0 $dir/fail-filter\"|" "$ppd" \
  > "$dir/broken.ppd"
sed "s|^\*cupsFilter:.*|*cupsFilter: \"application/vnd.cups-pdf 0 $dir/slow-filter\"|" "$ppd" \
  > "$dir/slow.ppd"

add_queue () {
  local out
  # cupsd (running as root) writes only into an existing file; lp owns it
  # like the folder, so a backend or filter running as lp could too.
  install -m 0644 -o lp -g lp /dev/null "$dir/out/$1.prn" || return 1
  if ! out=$(lpadmin -p "$1" -v "file://$dir/out/$1.prn" -P "$2" \
               -o printer-error-policy=stop-printer 2>&1); then
    echo "lpadmin -p $1 failed: $out"
    return 1
  fi
  cupsenable "$1" && cupsaccept "$1"
}
add_queue roneo-duplex "$ppd" || exit 1
add_queue roneo-simplex "$dir/simplex.ppd" || exit 1
add_queue roneo-broken "$dir/broken.ppd" || exit 1
add_queue roneo-slow "$dir/slow.ppd" || exit 1
add_queue roneo-stopped "$ppd" || exit 1
cupsdisable -r "stopped by the roneo test" roneo-stopped || exit 1
add_queue roneo-rejecting "$ppd" || exit 1
cupsreject -r "rejecting by the roneo test" roneo-rejecting || exit 1
add_queue roneo-denied "$ppd" || exit 1
lpadmin -p roneo-denied -u "deny:$(id -un)" || exit 1
lpstat -p >/dev/null || exit 1

# The test's own files go under $dir too, so the trap removes them after a crash.
mkdir "$dir/tmp"
export RONEO_PRINT_OUT_DIR=$dir/out
TMPDIR=$dir/tmp "$test_program" "$@"
status=$?
if [ "$status" != 0 ]; then
  echo "lpstat -W all -l:"
  lpstat -W all -l 2>&1 | tail -40
  show_cupsd_log
fi
exit $status
