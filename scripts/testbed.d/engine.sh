# shellcheck shell=bash
# scripts/testbed's engine part: QEMU user emulation registered with binfmt_misc, and the
# unpacked dockerd (with its own containerd and the containerd image store): start, stop, status.

readonly DOCKERD_CONFIG=$STATE/docker/daemon.json
readonly DOCKERD_PIDFILE=$RUN_DIR/dockerd.pid
readonly DOCKERD_LOG=$LOGS/dockerd.log

# --- QEMU binfmt ----------------------------------------------------------------------

readonly BINFMT_DIR=/proc/sys/fs/binfmt_misc

mount_binfmt() {
	[[ -e $BINFMT_DIR/register ]] && return 0
	mount -t binfmt_misc binfmt_misc "$BINFMT_DIR" ||
		die "cannot mount binfmt_misc on $BINFMT_DIR; the kernel needs CONFIG_BINFMT_MISC (and a privileged context)"
}

# Registers every qemu entry from /usr/lib/binfmt.d. An entry already registered
# without the F flag is replaced: only F (interpreter opened at registration) lets
# the emulator run inside containers, where its path does not exist.
setup_binfmt() {
	local conf line name added=0 kept=0
	mount_binfmt
	[[ $(<"$BINFMT_DIR/status") == enabled ]] || echo 1 >"$BINFMT_DIR/status"
	compgen -G '/usr/lib/binfmt.d/qemu-*.conf' >/dev/null ||
		die "no /usr/lib/binfmt.d/qemu-*.conf; run: apt-get install qemu-user-static"
	for conf in /usr/lib/binfmt.d/qemu-*.conf; do
		while IFS= read -r line || [[ -n $line ]]; do
			[[ $line == :* ]] || continue
			name=$(cut -d: -f2 <<<"$line")
			if [[ -e $BINFMT_DIR/$name ]]; then
				if grep -q '^flags:.*F' "$BINFMT_DIR/$name"; then
					kept=$((kept + 1))
					continue
				fi
				echo -1 >"$BINFMT_DIR/$name"
			fi
			printf '%s' "$line" >"$BINFMT_DIR/register" || die "the kernel refused binfmt entry $name from $conf"
			added=$((added + 1))
		done <"$conf"
	done
	grep -q '^flags:.*F' "$BINFMT_DIR/qemu-aarch64" 2>/dev/null ||
		die "qemu-aarch64 is not registered with the F flag in $BINFMT_DIR"
	log "binfmt: registered $added qemu handlers, $kept already present"
}

# --- Docker engine ----------------------------------------------------------------------

docker_ready() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

assert_containerd_store() {
	local status
	status=$(timeout 20 docker info --format '{{json .DriverStatus}}' 2>&1) ||
		die "'docker info' failed: $status"
	[[ $status == *io.containerd.snapshotter.v1* ]] ||
		die "the engine on $DOCKER_SOCKET does not use the containerd image store (driver status: $status); $DOCKERD_CONFIG must enable features.containerd-snapshotter"
}

# Each profile's engine keeps its images apart (floor keeps the data root it always had).
dockerd_data() {
	case ${1:-$PROFILE} in
	floor) printf '%s' "$STATE/docker/data" ;;
	*) printf '%s' "$STATE/docker/data-${1:-$PROFILE}" ;;
	esac
}

write_dockerd_config() {
	local data
	data=$(dockerd_data)
	mkdir -p "$(dirname -- "$DOCKERD_CONFIG")" "$data"
	render docker/daemon.json DATA_ROOT="$data" PIDFILE="$DOCKERD_PIDFILE" SOCKET="$DOCKER_SOCKET" \
		>"$DOCKERD_CONFIG"
}

check_iptables() {
	iptables -t nat -S >/dev/null 2>&1 ||
		die "iptables cannot read the nat table ($(iptables -t nat -S 2>&1 | head -n 1)); dockerd needs it. Try: update-alternatives --set iptables /usr/sbin/iptables-legacy"
}

start_dockerd() {
	local pid version exe
	if docker_ready; then
		pid=$(pid_from_file "$DOCKERD_PIDFILE" || true)
		version=$(docker version --format '{{.Server.Version}}')
		exe=$(readlink -f "/proc/$pid/exe" 2>/dev/null || true)
		if ! pid_runs "${pid:-}" dockerd || [[ $exe != "$PREFIX"/* ]]; then
			die "an engine not started by the testbed (version $version) answers on $DOCKER_SOCKET; stop it and run 'scripts/testbed up' again"
		fi
		if [[ $exe == "$(readlink -f "$(profile_root)/usr/sbin/dockerd")" ]]; then
			assert_containerd_store
			log "engine: found dockerd $version running (pid $pid, profile $PROFILE, containerd image store)"
			return 0
		fi
		log "engine: dockerd $version runs another profile ($(running_profile)); restarting it as profile $PROFILE"
		stop_dockerd
	fi
	pid=$(pid_from_file "$DOCKERD_PIDFILE" || true)
	if pid_runs "${pid:-}" dockerd; then
		die "dockerd (pid $pid) is running but does not answer on $DOCKER_SOCKET; see $DOCKERD_LOG, then run 'scripts/testbed down' and 'up'"
	fi
	check_iptables
	write_dockerd_config
	mkdir -p "$LOGS"
	printf '\n=== %s testbed: starting dockerd ===\n' "$(date -Is)" >>"$DOCKERD_LOG"
	spawn "$DOCKERD_LOG" dockerd --config-file "$DOCKERD_CONFIG"
	pid=$!
	wait_for_dockerd "$pid"
	assert_containerd_store
	printf '%s\n' "$PROFILE" >"$PROFILE_FILE"
	log "engine: started dockerd $(docker version --format '{{.Server.Version}}') (pid $pid, containerd image store, log $DOCKERD_LOG)"
}

wait_for_dockerd() {
	local pid=$1 tries=0
	until docker_ready; do
		if ! pid_alive "$pid"; then
			show_log_tail "$DOCKERD_LOG"
			die "dockerd exited during start-up (log: $DOCKERD_LOG)"
		fi
		if ((tries++ >= 600)); then
			show_log_tail "$DOCKERD_LOG"
			die "dockerd did not answer on $DOCKER_SOCKET within 60s (log: $DOCKERD_LOG)"
		fi
		sleep 0.1
	done
}

stop_dockerd() {
	local pid containerd_pid
	pid=$(pid_from_file "$DOCKERD_PIDFILE" || true)
	containerd_pid=$(pid_from_file /var/run/docker/containerd/containerd.pid || true)
	if pid_runs "${pid:-}" dockerd; then
		# Containers get dockerd's default 10s stop timeout; allow for that.
		stop_pid "$pid" dockerd 60
		log "engine: stopped dockerd (pid $pid)"
	elif docker_ready; then
		die "an engine not started by the testbed answers on $DOCKER_SOCKET; leaving it alone"
	else
		log "engine: dockerd not running"
	fi
	# dockerd stops its containerd, except when dockerd itself died without a shutdown.
	if pid_runs "${containerd_pid:-}" containerd; then
		stop_pid "$containerd_pid" containerd 15
		log "engine: stopped containerd (pid $containerd_pid) left behind by dockerd"
	fi
	release_data_root
}

# dockerd bind-mounts its data root onto itself and unmounts it on a clean shutdown
# only; after a crash the mount stays and blocks removing $STATE.
release_data_root() {
	local profile data
	rm -f "$PROFILE_FILE"
	for profile in "${PROFILES[@]}"; do
		data=$(dockerd_data "$profile")
		if mountpoint -q "$data"; then
			umount "$data" || log "warning: cannot unmount $data (still busy?)"
		fi
	done
}

# --- status ----------------------------------------------------------------------------

# Each status_* prints one line and fails if its piece is not up.
status_engine() {
	local pid
	pid=$(pid_from_file "$DOCKERD_PIDFILE" || true)
	if pid_runs "${pid:-}" dockerd && docker_ready &&
		[[ $(timeout 10 docker info --format '{{json .DriverStatus}}' 2>/dev/null) == *io.containerd.snapshotter.v1* ]]; then
		echo "engine        up    dockerd $(docker version --format '{{.Server.Version}}') pid $pid, profile $(running_profile), containerd image store"
	else
		echo "engine        DOWN  no testbed dockerd answering on $DOCKER_SOCKET with the containerd store"
		return 1
	fi
}

status_buildx() {
	local version
	if version=$(docker buildx version 2>/dev/null); then
		echo "buildx        up    $version"
	else
		echo "buildx        DOWN  'docker buildx version' fails"
		return 1
	fi
}

status_binfmt() {
	if grep -qs '^flags:.*F' "$BINFMT_DIR/qemu-aarch64" && grep -qs '^enabled' "$BINFMT_DIR/qemu-aarch64"; then
		echo "binfmt        up    $(find "$BINFMT_DIR" -maxdepth 1 -name 'qemu-*' | wc -l) qemu handlers, aarch64 with F flag"
	else
		echo "binfmt        DOWN  qemu-aarch64 is not registered with the F flag"
		return 1
	fi
}

