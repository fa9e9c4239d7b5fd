#!/usr/bin/env bash
# Runs a Slurm batch script as a job array on a throwaway one-host Slurm cluster.
#
#   tests/cluster/slurm-onehost.sh [--tasks N] [--timeout SECONDS] [--cpus-per-task N] \
#       -- SBATCH_SCRIPT [sbatch script args...]
#
# Everything lives in a fresh $TMPDIR/slurm-XXXX folder: its own munge key and munged,
# a slurm.conf on free loopback ports, slurmctld and slurmd (run as root, like CI does).
# The system's Slurm and munge configuration and daemons are never used or touched.
# The script is submitted as `sbatch --array=0-(N-1)` from a work folder in there, with
# this environment passed through (so MPLUG2_* and the like reach the tasks).
# --cpus-per-task (default 1) overrides the script's own request, so that scripts written
# for big nodes fit on this one.
#
# Prints each array task's final state and output, then stops everything it started.
# Exit: 0 every task COMPLETED; 1 otherwise (or timeout); 2 bad usage;
#       77 skip: Slurm/munge not installed, or the daemons would not start
#       (with CI=true a start failure is an error, exit 1).
# KEEP=1 keeps the temporary folder (configuration, logs, outputs) for a look afterwards.
# shellcheck disable=SC2317 # cleanup and the helpers it calls run from traps
set -euo pipefail

usage() {
  sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

tasks=2
timeout=120
cpus_per_task=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --tasks) tasks=${2:?}; shift 2 ;;
    --timeout) timeout=${2:?}; shift 2 ;;
    --cpus-per-task) cpus_per_task=${2:?}; shift 2 ;;
    --) shift; break ;;
    -h | --help) usage ;;
    *) echo "slurm-onehost: unknown option '$1'" >&2; usage ;;
  esac
done
[ "$#" -ge 1 ] || usage
script=$1
shift
[ -r "$script" ] || { echo "slurm-onehost: cannot read sbatch script '$script'" >&2; exit 2; }
script=$(cd "$(dirname "$script")" && pwd)/$(basename "$script")
case "$tasks$timeout$cpus_per_task" in
  *[!0-9]*) echo "slurm-onehost: --tasks, --timeout and --cpus-per-task take whole numbers" >&2; exit 2 ;;
esac
[ "$tasks" -ge 1 ] || { echo "slurm-onehost: --tasks must be at least 1" >&2; exit 2; }

log() { echo "slurm-onehost: $*"; }

skip() {
  log "SKIP: $*"
  exit 77
}

for tool in munged slurmctld slurmd sbatch squeue scontrol scancel; do
  command -v "$tool" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin command -v "$tool" >/dev/null 2>&1 ||
    skip "'$tool' is not installed (Debian: apt-get install slurm-wlm munge)"
done
PATH=$PATH:/usr/sbin:/sbin

started=$(date +%s.%N)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/slurm-XXXX")
chmod 0700 "$tmp"
conf=$tmp/slurm.conf
work=$tmp/work
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/log" "$work"
jobid=

# Every client and daemon is pointed at this cluster's configuration only. The daemons and,
# through sbatch, the jobs inherit SLURM_CONF too, which marks them as this cluster's own.
sl() { SLURM_CONF=$conf "$@"; }

# The pid in pidfile $1 when it is alive and its command line mentions our folder.
ours() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(<"$1")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$tmp" || return 1
  echo "$pid"
}

# Processes of this cluster: a command line naming our folder or SLURM_CONF=our conf in the
# environment (slurmstepd and job processes). Never this script itself. Bash builtins only:
# forks are slow in some sandboxes.
leftovers() {
  local dir pid args env var
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    if [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ]; then continue; fi
    mapfile -d "" -t args 2>/dev/null <"$dir/cmdline" || continue
    mapfile -d "" -t env 2>/dev/null <"$dir/environ" || env=()
    case " ${args[*]} " in *"$tmp"*) echo "$pid"; continue ;; esac
    for var in "${env[@]}"; do
      if [ "$var" = "SLURM_CONF=$conf" ]; then echo "$pid"; break; fi
    done
  done
}

# Stops the daemons named by pid files "$@" (only if they are ours): SIGTERM to all at
# once, up to 10 s grace, then SIGKILL.
stop() {
  local file pid pids=() i
  for file in "$@"; do
    pid=$(ours "$file") && kill "$pid" 2>/dev/null && pids+=("$pid")
  done
  for ((i = 0; i < 100 && ${#pids[@]} > 0; i++)); do
    sleep 0.1
    for pid in "${!pids[@]}"; do
      kill -0 "${pids[$pid]}" 2>/dev/null || unset "pids[$pid]"
    done
  done
  if [ "${#pids[@]}" -gt 0 ]; then
    log "killing ${pids[*]}: SIGTERM did not stop them"
    kill -9 "${pids[@]}" 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$? i pids
  trap - EXIT INT TERM
  set +e
  if [ -n "$jobid" ]; then
    sl scancel "$jobid" 2>/dev/null
    for ((i = 0; i < 50; i++)); do
      [ -z "$(sl squeue -h -j "$jobid" -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  # Neither daemon needs munge to shut down, so all three go at once (munged alone takes ~2 s).
  stop "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munged.pid"
  pids=$(leftovers)
  if [ -n "$pids" ]; then
    log "killing leftover processes: ${pids//$'\n'/ }"
    # shellcheck disable=SC2086 # a list of pids
    kill -9 $pids 2>/dev/null
    sleep 0.2
  fi
  if [ "${KEEP:-0}" = 1 ]; then
    log "kept $tmp"
  else
    rm -rf "$tmp"
  fi
  log "finished in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s, exit $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_failed() {
  local f
  log "could not start the cluster: $*"
  for f in "$tmp"/log/*; do
    [ -s "$f" ] || continue
    echo "---- tail of $(basename "$f")"
    tail -n 20 "$f"
  done
  if [ "${CI:-}" = true ]; then
    log "FAIL (CI=true)"
    exit 1
  fi
  skip "the Slurm/munge daemons would not start here"
}

wait_for() { # wait_for SECONDS COMMAND...: poll every 0.2 s
  local i
  for ((i = 0; i < $1 * 5; i++)); do
    "${@:2}" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

# A TCP port nobody listens on (going by /proc/net/tcp*), not in $*.
free_port() {
  local used=" $* " f line fields port
  for f in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$f" ] || continue
    while read -r line; do
      read -r -a fields <<<"$line"
      # fields: sl local_address rem_address st ...; st 0A is LISTEN
      if [ "${fields[3]:-}" = 0A ]; then used+="$((16#${fields[1]##*:})) "; fi
    done <"$f"
  done
  for ((;;)); do
    port=$((20000 + RANDOM % 40000))
    case "$used" in *" $port "*) continue ;; esac
    echo "$port"
    return
  done
}

# --- munge, with its own key and socket
key=$tmp/munge.key
socket=$tmp/munge.socket
if command -v mungekey >/dev/null 2>&1; then
  mungekey --create --keyfile="$key" >"$tmp/log/mungekey.log" 2>&1 || start_failed "mungekey failed"
else
  dd if=/dev/urandom of="$key" bs=1024 count=1 status=none
fi
chmod 0400 "$key"
# --force: munged otherwise refuses a socket in a folder others cannot enter (ours is 0700,
# which is fine: only root talks to it).
munged --force --socket="$socket" --key-file="$key" --pid-file="$tmp/munged.pid" \
  --log-file="$tmp/log/munged.log" --seed-file="$tmp/munged.seed" >"$tmp/log/munged.out" 2>&1 ||
  start_failed "munged failed to start"
wait_for 10 test -S "$socket" || start_failed "munged did not create $socket"
if command -v munge >/dev/null 2>&1; then
  munge --socket="$socket" -n | unmunge --socket="$socket" >/dev/null 2>&1 ||
    start_failed "munge/unmunge through $socket failed"
fi

# --- slurm.conf for this host, on loopback
# slurmd -C prints "NodeName=HOST CPUs=.. Boards=.. ... RealMemory=..": the node as it really is.
node=$(slurmd -C 2>/dev/null | grep -m1 '^NodeName=') || start_failed "slurmd -C failed"
host=${node%% *}
host=${host#NodeName=}
ctld_port=$(free_port)
slurmd_port=$(free_port "$ctld_port")
me=$(id -un)
cat >"$conf" <<EOF
# Throwaway one-host cluster made by $0
ClusterName=onehost
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
# Bind to the configured (loopback) addresses instead of all interfaces.
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=$me
SlurmdUser=$me
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# No cgroups in a container.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$tmp/jobcomp.txt
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
# Start tasks as soon as a CPU frees up, rather than on the production cadence.
SchedulerParameters=batch_sched_delay=0,sched_interval=1,bf_interval=1
MailProg=/bin/true
ReturnToService=2
KillWait=5
MinJobAge=3600
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

# --- the daemons (they fork into the background and write their pid files)
sl slurmctld -f "$conf" -c >>"$tmp/log/slurmctld.out" 2>&1 || start_failed "slurmctld failed to start"
wait_for 20 sl scontrol ping || start_failed "slurmctld does not answer"
sl slurmd -f "$conf" -N "$host" >>"$tmp/log/slurmd.out" 2>&1 || start_failed "slurmd failed to start"
node_up() { sl scontrol show node -o "$host" | grep -Eq 'State=(IDLE|MIXED|ALLOCATED)( |$)'; }
wait_for 30 node_up || start_failed "node $host did not come up: $(sl scontrol show node -o "$host" 2>&1 | grep -o 'State=[^ ]*')"
log "cluster up in $tmp: node $host ($node), slurmctld :$ctld_port, slurmd :$slurmd_port"

# --- the job array
jobid=$(cd "$work" && sl sbatch --array="0-$((tasks - 1))" --parsable --chdir="$work" \
  --cpus-per-task="$cpus_per_task" "$script" "$@") || { log "sbatch failed"; exit 1; }
jobid=${jobid%%;*}
log "submitted job array $jobid ($tasks tasks): $script $*"

timed_out=0
deadline=$((SECONDS + timeout))
while [ -n "$(sl squeue -h -j "$jobid" -o %i 2>/dev/null)" ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    timed_out=1
    log "timed out after ${timeout}s; still queued or running:"
    sl squeue -j "$jobid" -o '%.18i %.10T %.20R' || true
    break
  fi
  sleep 0.5
done

# --- report: one line per array task, then the outputs
records=$(sl scontrol show job -o "$jobid" 2>/dev/null || true)
if [ -z "$records" ] && [ -r "$tmp/jobcomp.txt" ]; then
  records=$(grep " ArrayJobId=$jobid " "$tmp/jobcomp.txt" || true) # no StdOut= there
fi
completed=0
lines=()
outputs=()
while IFS= read -r rec; do
  [ -n "$rec" ] || continue
  declare -A f=()
  read -r -a pairs <<<"$rec"
  for kv in "${pairs[@]}"; do f[${kv%%=*}]=${kv#*=}; done
  state=${f[JobState]:-?}
  lines+=("$(printf 'slurm-onehost: task %-5s %-12s exit %-6s %s' "${f[ArrayTaskId]:-?}" "$state" \
    "${f[ExitCode]:-?}" "${f[StdOut]:-}")")
  if [ "$state" = COMPLETED ]; then completed=$((completed + 1)); fi
  if [ -n "${f[StdOut]:-}" ]; then outputs+=("${f[StdOut]}"); fi
  unset f
done <<<"$records"
[ "${#lines[@]}" -gt 0 ] || lines=("slurm-onehost: no record of job $jobid")
printf '%s\n' "${lines[@]}" | sort -k3,3n
while IFS= read -r out; do
  [ -n "$out" ] || continue
  echo "---- $out"
  if [ -r "$out" ]; then cat "$out"; else echo "(no output file)"; fi
done < <(printf '%s\n' ${outputs[@]+"${outputs[@]}"} | sort -uV)
echo "----"

if [ "$timed_out" = 0 ] && [ "$completed" -eq "$tasks" ]; then
  log "PASS: all $tasks tasks COMPLETED"
  exit 0
fi
log "FAIL: $completed of $tasks tasks COMPLETED"
exit 1
