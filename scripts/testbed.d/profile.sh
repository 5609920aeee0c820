# shellcheck shell=bash
# scripts/testbed's profile part: which tool versions the engine runs (the pins are in
# provision.sh). `current` is the default; `floor` is the compatibility floor. Each profile has
# a data root of its own, so switching never hands containerd 1.7 a store that 2.1 wrote.

readonly PROFILES=(current floor)
readonly PROFILE_FILE=$RUN_DIR/profile

# Sets PROFILE from `--profile NAME` / `--profile=NAME` in the arguments, else $TESTBED_PROFILE,
# else current; the other arguments go to EXTRA_ARGS.
choose_profile() {
	local chosen=${TESTBED_PROFILE:-current}
	EXTRA_ARGS=()
	while (($#)); do
		case $1 in
		--profile)
			(($# >= 2)) || die "--profile needs a name: one of ${PROFILES[*]}"
			chosen=$2
			shift 2
			;;
		--profile=*)
			chosen=${1#--profile=}
			shift
			;;
		*)
			EXTRA_ARGS+=("$1")
			shift
			;;
		esac
	done
	if [[ " ${PROFILES[*]} " != *" $chosen "* ]]; then
		die "unknown profile '$chosen': use one of ${PROFILES[*]} (current: today's Docker 28.5 / containerd 2.1 / buildx 0.29; floor: Docker 26 / buildx 0.13)"
	fi
	PROFILE=$chosen
}

# The unpacked root a profile's engine binaries come from.
profile_root() {
	case ${1:-$PROFILE} in
	current) printf '%s' "$SID_ROOT/root" ;;
	floor) printf '%s' "$PREFIX_ROOT" ;;
	esac
}

profile_versions() {
	case $PROFILE in
	current) printf '%s\n' "${CURRENT_VERSIONS[@]}" ;;
	floor) printf '%s\n' "${FLOOR_VERSIONS[@]}" ;;
	esac
}

# What the linked binaries say they are, as "name version" lines.
linked_versions() {
	local v
	v=$("$BIN/dockerd" --version 2>&1) || die "$BIN/dockerd does not run: $v"
	v=${v#Docker version }
	printf 'dockerd %s\n' "${v%%[+,]*}"
	v=$("$BIN/containerd" --version 2>&1) || die "$BIN/containerd does not run: $v"
	v=$(awk '{print $3}' <<<"$v")
	v=${v#v}
	printf 'containerd %s\n' "${v%%[+~]*}"
	v=$("$BIN/docker-buildx" version 2>&1) || die "$BIN/docker-buildx does not run: $v"
	v=$(awk '{print $2}' <<<"$v")
	v=${v#v}
	printf 'buildx %s\n' "${v%%[+-]*}"
}

# Fails naming the wanted and the found version when a linked binary is not the profile's.
check_profile_versions() {
	local wanted name prefix have
	local -A found=()
	while read -r name have; do found[$name]=$have; done < <(linked_versions)
	while IFS= read -r wanted; do
		name=${wanted%% *} prefix=${wanted#* }
		have=${found[$name]:-none}
		[[ $have == "$prefix"* ]] ||
			die "profile $PROFILE: wanted $name $prefix, $BIN/$name is $have; run 'scripts/testbed up --profile $PROFILE' again (or fix the pins in scripts/testbed.d/provision.sh)"
	done < <(profile_versions)
	log "profile: $PROFILE ($(linked_versions | tr '\n' ' ' | sed 's/ $//'))"
}

# The profile the running testbed engine was started with ("" when none was recorded).
running_profile() {
	if [[ -s $PROFILE_FILE ]]; then cat -- "$PROFILE_FILE"; fi
}
