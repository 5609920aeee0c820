# shellcheck shell=bash
# scripts/testbed's shared part: where things live, logging and errors, the lock, templates
# and the process helpers every daemon-starting part uses. Sourced by scripts/testbed only.

readonly PREFIX=/opt/imagegate-testbed
readonly BIN=$PREFIX/bin
readonly STATE=/var/lib/imagegate-testbed
readonly CACHE=/var/cache/imagegate-testbed
readonly RUN_DIR=/run/imagegate-testbed
readonly DOCKER_SOCKET=/var/run/docker.sock
# The other parts use these: shellcheck checks each part on its own, so it cannot see that.
# shellcheck disable=SC2034
readonly PREFIX_ROOT=$PREFIX/root DEBS=$CACHE/debs LOGS=$STATE/logs

# Our docker calls always target the testbed engine, whatever the caller's context.
export DOCKER_HOST=unix://$DOCKER_SOCKET
unset DOCKER_CONTEXT
export PATH=$BIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf 'testbed: %s\n' "$*" >&2; }
die() {
	printf 'testbed: error: %s\n' "$*" >&2
	exit 1
}
on_error() {
	printf 'testbed: error: command failed (exit %s) at %s:%s: %s\n' "$1" "${2#"$TESTBED_DIR"/}" "$3" "$4" >&2
}
trap 'on_error "$?" "${BASH_SOURCE[0]:-$0}" "$LINENO" "$BASH_COMMAND"' ERR

CLEANUP_PATHS=()
cleanup() {
	if ((${#CLEANUP_PATHS[@]})); then rm -rf -- "${CLEANUP_PATHS[@]}"; fi
}
trap cleanup EXIT

require_root() {
	[[ $(id -u) == 0 ]] || die "must run as root (it installs packages, mounts binfmt_misc and runs dockerd); try: sudo $0 $*"
}

take_lock() {
	mkdir -p "$RUN_DIR"
	exec {lock_fd}>"$RUN_DIR/lock"
	flock -w 600 "$lock_fd" || die "another 'scripts/testbed' holds $RUN_DIR/lock for over 10 minutes"
}

# Prints a config template from scripts/testbed.d with each @KEY@ replaced: render FILE KEY=VALUE…
# Fails on a placeholder left without a value.
render() {
	local template=$TESTBED_DIR/$1 text pair
	shift
	[[ -f $template ]] || die "template $template is missing"
	text=$(<"$template")
	for pair in "$@"; do
		# The quoted replacement keeps '&' literal (bash 5.2 patsub_replacement).
		text=${text//"@${pair%%=*}@"/"${pair#*=}"}
	done
	if [[ $text =~ @[A-Z][A-Z0-9_]*@ ]]; then
		die "template $template: no value for ${BASH_REMATCH[0]}"
	fi
	printf '%s\n' "$text"
}

# Prints the last lines of a log file to stderr, to make a failure self-explaining.
show_log_tail() {
	[[ -f $1 ]] || return 0
	printf 'testbed: --- last lines of %s ---\n' "$1" >&2
	tail -n "${2:-20}" -- "$1" >&2
}

# Starts a daemon in its own session, detached from the caller's terminal and process
# group, with the lock fd closed: an inherited fd would keep the lock held forever.
spawn() {
	local logfile=$1
	shift
	(
		if [[ -n ${lock_fd:-} ]]; then exec {lock_fd}>&-; fi
		exec setsid nohup "$@" >>"$logfile" 2>&1 </dev/null
	) &
}

# A zombie counts as exited: it holds no port or file, and reaping it is up to its
# parent (often PID 1, which may reap late).
pid_alive() {
	local stat
	[[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[[ ${stat%% *} != Z ]]
}

pid_from_file() {
	[[ -s $1 ]] || return 1
	local pid
	pid=$(<"$1")
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	printf '%s' "$pid"
}

# True if the process runs the given program (checks argv[0] of /proc/PID/cmdline).
pid_runs() {
	local pid=$1 program=$2 argv0
	pid_alive "$pid" || return 1
	argv0=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 1) || return 1
	[[ $(basename -- "$argv0") == "$program" ]]
}

# Sends SIGTERM and waits up to $3 seconds for the process to exit, then SIGKILLs it.
stop_pid() {
	local pid=$1 what=$2 timeout=$3 waited=0
	kill -TERM "$pid" 2>/dev/null || return 0
	while pid_alive "$pid"; do
		if ((waited >= timeout * 10)); then
			log "$what (pid $pid) did not exit ${timeout}s after SIGTERM; sending SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
			sleep 0.5
			return 0
		fi
		sleep 0.1
		waited=$((waited + 1))
	done
}
