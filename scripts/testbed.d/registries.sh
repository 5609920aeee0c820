# shellcheck shell=bash
# scripts/testbed's registries part: local distribution registries (Debian's docker-registry) on
# 127.0.0.1, one per entry of $REGISTRIES, their htpasswd and token-signing files, and the configs
# rendered from scripts/testbed.d/registry/: start, stop, status.

readonly AUTH_USER=imagegate
readonly AUTH_PASSWORD_FILE=$STATE/auth/password
readonly AUTH_HTPASSWD=$STATE/auth/htpasswd
readonly TOKEN_KEY=$STATE/token/key.pem
readonly TOKEN_CERT=$STATE/token/cert.pem

# Registries: name, port, auth ("none", "htpasswd" or "token"). The env keys use the upper-cased name.
# "token" trusts JWTs signed with $TOKEN_KEY (certificate $TOKEN_CERT) from a token service on
# $TOKEN_REALM_PORT: the tests start that service themselves (they choose how long tokens live).
readonly REGISTRIES=(
	"final 5000 none"
	"intermediate 5001 none"
	"auth 5002 htpasswd"
	"token 5003 token"
)
readonly TOKEN_REALM_PORT=5004
readonly TOKEN_SERVICE=imagegate-testbed
readonly TOKEN_ISSUER=imagegate-testbed-token-service

# --- registries -------------------------------------------------------------------------

registry_dir() { printf '%s' "$STATE/registry/$1"; }
registry_log() { printf '%s' "$LOGS/registry-$1.log"; }
registry_pidfile() { printf '%s' "$RUN_DIR/registry-$1.pid"; }

# The port of the registry called $1 in $REGISTRIES.
registry_port() {
	local entry name port auth
	for entry in "${REGISTRIES[@]}"; do
		read -r name port auth <<<"$entry"
		if [[ $name == "$1" ]]; then
			printf '%s' "$port"
			return 0
		fi
	done
	die "no registry called '$1' in REGISTRIES"
}

# How docker and the tests name the registry called $1: localhost:PORT (Docker speaks plain
# HTTP to localhost without configuration).
registry_host() {
	local port
	port=$(registry_port "$1")
	printf 'localhost:%s' "$port"
}

# HTTP status of GET /v2/ (000 if nothing answers).
registry_http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/v2/" || true
}

registry_expected_status() { if [[ $1 == none ]]; then echo 200; else echo 401; fi; }

ensure_token_files() {
	mkdir -p "$(dirname -- "$TOKEN_KEY")"
	chmod 0700 "$(dirname -- "$TOKEN_KEY")"
	if [[ -s $TOKEN_KEY && -s $TOKEN_CERT ]] && openssl x509 -checkend 86400 -noout -in "$TOKEN_CERT" >/dev/null 2>&1; then
		return 0
	fi
	(umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=$TOKEN_ISSUER" \
		-keyout "$TOKEN_KEY" -out "$TOKEN_CERT" >/dev/null 2>&1) ||
		die "openssl could not write the token signing key $TOKEN_KEY; is the openssl package installed?"
	log "token: generated a signing key and certificate in $(dirname -- "$TOKEN_KEY")"
}

ensure_auth_files() {
	mkdir -p "$(dirname -- "$AUTH_PASSWORD_FILE")"
	chmod 0700 "$(dirname -- "$AUTH_PASSWORD_FILE")"
	if [[ ! -s $AUTH_PASSWORD_FILE ]]; then
		(umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$AUTH_PASSWORD_FILE")
		log "auth: generated a password for user $AUTH_USER in $AUTH_PASSWORD_FILE"
	fi
	chmod 0600 "$AUTH_PASSWORD_FILE"
	if ! htpasswd -v -i "$AUTH_HTPASSWD" "$AUTH_USER" <"$AUTH_PASSWORD_FILE" >/dev/null 2>&1; then
		(umask 077 && htpasswd -B -c -i "$AUTH_HTPASSWD" "$AUTH_USER" <"$AUTH_PASSWORD_FILE" >/dev/null 2>&1) ||
			die "htpasswd could not write $AUTH_HTPASSWD; is apache2-utils installed?"
	fi
}

# Renders registry/config.yml, plus registry/auth-$auth.yml unless auth is "none".
write_registry_config() {
	local name=$1 port=$2 auth=$3 dir
	dir=$(registry_dir "$name")
	mkdir -p "$dir/data"
	{
		render registry/config.yml NAME="$name" ROOT="$dir/data" PORT="$port"
		case $auth in
		none) ;;
		htpasswd) render registry/auth-htpasswd.yml HTPASSWD="$AUTH_HTPASSWD" ;;
		token)
			render registry/auth-token.yml REALM_PORT="$TOKEN_REALM_PORT" SERVICE="$TOKEN_SERVICE" \
				ISSUER="$TOKEN_ISSUER" CERT="$TOKEN_CERT"
			;;
		*) die "registry $name: unknown auth '$auth'" ;;
		esac
	} >"$dir/config.yml"
}

# The Debian package's own service (sysvinit script) listens on :5000 of every address.
stop_packaged_registry() {
	local pid
	pid=$(pid_from_file /var/run/docker-registry.pid || true)
	pid_runs "${pid:-}" docker-registry || return 0
	log "registry: stopping the Debian docker-registry service (pid $pid) that would hold :5000"
	/etc/init.d/docker-registry stop >/dev/null 2>&1 || stop_pid "$pid" docker-registry 10
	disable_packaged_registry
}

port_owner() {
	ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n 1 || true
}

start_registry() {
	local name=$1 port=$2 auth=$3 pid pidfile logfile status expected tries=0
	pidfile=$(registry_pidfile "$name")
	logfile=$(registry_log "$name")
	expected=$(registry_expected_status "$auth")
	pid=$(pid_from_file "$pidfile" || true)
	if pid_runs "${pid:-}" docker-registry; then
		status=$(registry_http_status "$port")
		[[ $status == "$expected" ]] ||
			die "registry $name (pid $pid) runs but GET /v2/ on :$port returned $status, not $expected; see $logfile"
		log "registry $name: found running on localhost:$port (pid $pid)"
		return 0
	fi
	if [[ -n $(port_owner "$port") ]]; then
		die "port $port is taken by $(port_owner "$port"), so registry $name cannot listen on it; stop that process"
	fi
	write_registry_config "$name" "$port" "$auth"
	printf '\n=== %s testbed: starting registry %s ===\n' "$(date -Is)" "$name" >>"$logfile"
	spawn "$logfile" docker-registry serve "$(registry_dir "$name")/config.yml"
	pid=$!
	printf '%s\n' "$pid" >"$pidfile"
	until [[ $(registry_http_status "$port") == "$expected" ]]; do
		if ! pid_alive "$pid" || ((tries++ >= 100)); then
			show_log_tail "$logfile"
			die "registry $name did not answer $expected on http://127.0.0.1:$port/v2/ (log: $logfile)"
		fi
		sleep 0.1
	done
	log "registry $name: started on localhost:$port (pid $pid, auth $auth, log $logfile)"
}

start_registries() {
	local entry name port auth
	mkdir -p "$LOGS"
	stop_packaged_registry
	ensure_auth_files
	ensure_token_files
	for entry in "${REGISTRIES[@]}"; do
		read -r name port auth <<<"$entry"
		start_registry "$name" "$port" "$auth"
	done
}

stop_registries() {
	local entry name port auth pid pidfile
	for entry in "${REGISTRIES[@]}"; do
		read -r name port auth <<<"$entry"
		pidfile=$(registry_pidfile "$name")
		pid=$(pid_from_file "$pidfile" || true)
		if pid_runs "${pid:-}" docker-registry; then
			stop_pid "$pid" "registry $name" 10
			log "registry $name: stopped (pid $pid)"
		else
			log "registry $name: not running"
		fi
		rm -f "$pidfile"
	done
}

# --- status ----------------------------------------------------------------------------

status_registries() {
	local entry name port auth pid status expected rc=0
	for entry in "${REGISTRIES[@]}"; do
		read -r name port auth <<<"$entry"
		pid=$(pid_from_file "$(registry_pidfile "$name")" || true)
		status=$(registry_http_status "$port")
		expected=$(registry_expected_status "$auth")
		if pid_runs "${pid:-}" docker-registry && [[ $status == "$expected" ]]; then
			printf 'registry      up    %-13s localhost:%s pid %s (GET /v2/ -> %s)\n' "$name" "$port" "$pid" "$status"
		else
			printf 'registry      DOWN  %-13s localhost:%s (GET /v2/ -> %s)\n' "$name" "$port" "$status"
			rc=1
		fi
	done
	return "$rc"
}

