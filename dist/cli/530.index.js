export const id = 530;
export const ids = [530];
export const modules = {

/***/ 5543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
/** Runs at most `size` tasks at once; the others wait their turn in order. */
class Limiter {
    size;
    active = 0;
    queue = [];
    constructor(size) {
        this.size = size;
    }
    async run(task) {
        if (this.active >= this.size)
            await new Promise(resolve => this.queue.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.queue.shift()?.();
        }
    }
}


/***/ }),

/***/ 8808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ runOrdered)
/* harmony export */ });
// Several tasks that log at once, printed as if they had run one after another: each task gets a
// log of its own that records what it says (groups included); a task's record is printed once it
// is done and every task before it has been printed, so every group stays whole and in order.
// Masking goes straight to the real log: a secret is never printed, not even from a record.
class RecordingLog {
    real;
    entries = [];
    target = this.entries;
    constructor(real) {
        this.real = real;
    }
    info(text) {
        this.target.push({ kind: 'info', text });
    }
    notice(text) {
        this.target.push({ kind: 'notice', text });
    }
    warning(text, where) {
        this.target.push({ kind: 'warning', text, ...(where ? { where } : {}) });
    }
    error(text, where) {
        this.target.push({ kind: 'error', text, ...(where ? { where } : {}) });
    }
    verbatim(text) {
        this.target.push({ kind: 'verbatim', text });
    }
    block() {
        const entry = { kind: 'block', chunks: [] };
        this.target.push(entry);
        return { write: text => void entry.chunks.push(text), end: () => undefined };
    }
    async group(title, fn) {
        const entry = { kind: 'group', title, entries: [] };
        this.target.push(entry);
        const outer = this.target;
        this.target = entry.entries;
        try {
            return await fn();
        }
        finally {
            this.target = outer;
        }
    }
    mask(secret) {
        this.real.mask(secret);
    }
    redact(text) {
        return this.real.redact(text);
    }
}
async function replay(log, entries) {
    for (const e of entries) {
        if (e.kind === 'group')
            await log.group(e.title, () => replay(log, e.entries));
        else if (e.kind === 'block') {
            const block = log.block();
            for (const chunk of e.chunks)
                block.write(chunk);
            block.end();
        }
        else if (e.kind === 'warning' || e.kind === 'error')
            log[e.kind](e.text, e.where);
        else
            log[e.kind](e.text);
    }
}
/**
 * Runs `tasks` through `schedule` (which bounds how many run at once) and prints what each logged
 * in task order. Resolves with every task's outcome, in order, once all have settled.
 */
async function runOrdered(log, tasks, schedule) {
    const records = tasks.map(() => new RecordingLog(log));
    const settled = tasks.map((task, i) => schedule(i, () => task(records[i])).then(value => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason })));
    const out = [];
    for (const [i, outcome] of settled.entries()) {
        out.push(await outcome);
        await replay(log, records[i].entries);
    }
    return out;
}


/***/ }),

/***/ 5667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F7: () => (/* binding */ RegistryTransport),
  U9: () => (/* reexport */ isLoopback)
});

// UNUSED EXPORTS: DEFAULT_TIME_LIMITS

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// WWW-Authenticate challenges (RFC 7235) as registries send them, and the token scopes we ask for.
/** Parses `Bearer realm="…",service="…",scope="…"` (several challenges may share one header). */
function parseChallenges(header) {
    if (!header)
        return [];
    const out = [];
    const re = /([A-Za-z][\w-]*)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+)))?\s*,?/g;
    let current;
    for (let m = re.exec(header); m; m = re.exec(header)) {
        const [, name = '', quoted, token] = m;
        if (quoted === undefined && token === undefined) {
            current = { scheme: name.toLowerCase(), params: {} };
            out.push(current);
        }
        else if (current) {
            current.params[name.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
        }
        if (m[0] === '')
            re.lastIndex++;
    }
    return out;
}
/** `repository:acme/web:pull,push` */
function scopeFor(repository, actions) {
    return `repository:${repository}:${[...new Set(actions)].sort(actionOrder).join(',')}`;
}
function actionOrder(a, b) {
    const order = ['pull', 'push', 'delete'];
    return order.indexOf(a) - order.indexOf(b);
}

// EXTERNAL MODULE: ./src/core/limiter.ts
var core_limiter = __webpack_require__(5543);
// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/registry/body.ts
var body = __webpack_require__(6655);
;// CONCATENATED MODULE: ./src/registry/hosts.ts
// Which hosts the transport treats as one, and which token realms may receive a registry's
// credentials (docs/promotion.md, "Token realms"):
//   - a realm must be https, or plain http on loopback or on a host listed as insecure;
//   - the registry's credentials go to a realm on the registry's own host (any port), a subdomain
//     of it, or a host under the registry's parent domain when that parent has two labels or more
//     (registry.gitlab.com → gitlab.com, registry-1.docker.io → auth.docker.io,
//     registry.example.com → gitlab.example.com); every loopback name is one host;
//   - any other realm host only when it is trusted explicitly (`trustedRealms`: `host`,
//     `host:port` or `*.domain`);
//   - without credentials any https realm may be asked, except an internal address (loopback,
//     link-local, private) that is not the registry's own.
function isLoopback(host) {
    return isLoopbackName(hostnameOf(host));
}
/**
 * Why `realm` may not be asked for a token on behalf of `registry`, or undefined when it may.
 * `withCredentials`: the request would carry the registry's credentials.
 */
function realmRefusal(registry, realm, withCredentials, policy) {
    const realmHost = realm.host.toLowerCase();
    const plainAllowed = isLoopback(realmHost) || policy.insecureHosts.includes(realmHost);
    if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && plainAllowed))
        return `${registry} points its token service at ${realm.origin}, which is not https; refusing to ${withCredentials ? 'send credentials' : 'ask for a token'} there`;
    if (trusted(realm, policy.trustedRealms) || sameSite(registry, realm.hostname))
        return undefined;
    const name = hostnameOf(realm.hostname);
    if (withCredentials)
        return (`${registry} sends its token requests to ${realm.origin}, outside the registry's own host and domain; ` +
            `imagegate sends the credentials for ${registry} only to a token realm on ${siteOf(registry)}, ` +
            `or on a host trusted explicitly. If ${name} is the token service of ${registry}, allow it with ` +
            `IMAGEGATE_TRUSTED_REALMS=${name}`);
    if (isInternalAddress(name))
        return `${registry} points its token service at ${realm.origin}, an internal address that is not the registry's; refusing to ask it for a token (IMAGEGATE_TRUSTED_REALMS=${name} allows it)`;
    return undefined;
}
/** The realm hosts `registry`'s credentials may go to without an explicit trust, in words. */
function siteOf(registry) {
    const host = hostnameOf(registry);
    if (isLoopbackName(host))
        return 'this machine (loopback)';
    if (isIpLiteral(host))
        return host;
    const parent = parentDomain(host);
    return parent ? `${host}, ${parent} or a host under either` : `${host} or a host under it`;
}
function sameSite(registry, realmHostname) {
    const a = hostnameOf(registry);
    const b = hostnameOf(realmHostname);
    if (a === b)
        return true;
    if (isLoopbackName(a) && isLoopbackName(b))
        return true;
    if (isIpLiteral(a) || isIpLiteral(b))
        return false;
    if (b.endsWith(`.${a}`))
        return true;
    const parent = parentDomain(a);
    return parent !== undefined && (b === parent || b.endsWith(`.${parent}`));
}
/** `gitlab.com` for `registry.gitlab.com`; none when it would be a single label (`io` for `ghcr.io`). */
function parentDomain(host) {
    const labels = host.split('.');
    return labels.length >= 3 ? labels.slice(1).join('.') : undefined;
}
function trusted(realm, entries) {
    const name = hostnameOf(realm.hostname);
    const host = realm.host.toLowerCase();
    return entries.some(raw => {
        const entry = raw.trim().toLowerCase();
        if (entry.startsWith('*.'))
            return name.endsWith(entry.slice(1));
        return entry === name || entry === host;
    });
}
/** The host name without port or IPv6 brackets, lowercase. */
function hostnameOf(host) {
    const lower = host.toLowerCase();
    if (lower.startsWith('['))
        return lower.slice(1, lower.indexOf(']'));
    return lower.replace(/:\d+$/, '');
}
function isLoopbackName(name) {
    return name === 'localhost' || name.startsWith('127.') || name === '::1';
}
function isIpLiteral(name) {
    return /^\d+\.\d+\.\d+\.\d+$/.test(name) || name.includes(':');
}
function isInternalAddress(name) {
    if (isLoopbackName(name))
        return true;
    const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(name);
    if (v4) {
        const [a, b] = [Number(v4[1]), Number(v4[2])];
        return (a === 0 || a === 10 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254));
    }
    return name.includes(':') && /^(fe[89ab]|f[cd])/.test(name);
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./src/registry/bulk-get.ts
// A blob download over plain HTTP without node:http. node:http reads a socket 64 KiB at a time
// into a fresh buffer and its parser copies every body chunk into another one: on a 420 MB copy
// that is a third of imagegate's CPU time and most of its memory (docs/benchmarks.md, "Promotion:
// copy between registries"). Here the socket reads straight into 128 KiB buffers (net's `onread`)
// that become the body's chunks unchanged. One request per connection (`Connection: close`), so
// a body ends at its Content-Length, its last chunk (chunked), or the close.




/**
 * Bytes per socket read, and so per body chunk. Measured with RECLAIM_EVERY on the 420 MB S3 copy
 * (CLI, 2 runs each): 256 KiB / 16 MiB 1.11–1.16 CPU-s, 96 MiB; 128 KiB / 8 MiB 1.15–1.19 CPU-s,
 * 81–84 MiB, the fastest wall; 64 KiB / 8 MiB 1.39–1.47 CPU-s, 75–80 MiB.
 */
const READ_SIZE = 128 * 1024;
/** The most bytes of status line and headers read before the answer is refused. */
const MAX_HEAD = 64 * 1024;
/**
 * Read buffers live outside V8's heap, and V8 collects them only once tens of MiB of them piled up
 * (its external-memory trigger): that garbage was a third of the copy's peak RSS. A full collection
 * every RECLAIM_EVERY bytes read bounds it (a young-generation one does not: buffers in flight
 * survive it and are promoted). Measured on the 420 MB S3 copy (docs/benchmarks.md): without it
 * 109–113 MiB peak RSS, with it 81–84 MiB (with READ_SIZE), and no more CPU time (fewer fresh
 * pages to fault in).
 */
const RECLAIM_EVERY = 8 * 1024 * 1024;
let sinceReclaim = 0;
let collect;
function reclaim(bytes) {
    sinceReclaim += bytes;
    if (sinceReclaim < RECLAIM_EVERY)
        return;
    sinceReclaim = 0;
    if (collect === undefined) {
        // `gc` exists only under --expose-gc; set at run time, a fresh context hands it out.
        try {
            external_node_v8_default().setFlagsFromString('--expose-gc');
            collect = external_node_vm_default().runInNewContext('gc');
        }
        catch {
            collect = null;
        }
    }
    collect?.({ type: 'major' });
}
function failure(message, code) {
    return Object.assign(new Error(message), { code });
}
/** Sends `GET url` with `headers` (names in lower case); `onIdle` runs when the socket was idle `idleMs`. */
function bulkGet(url, headers, idleMs, onIdle) {
    // As node:http refuses them: a CR, LF or NUL (in a token a hostile service sent) would split the request.
    const bad = Object.entries(headers).find(([name, value]) => /[\r\n\0]/.test(name) || /[\r\n\0]/.test(value));
    if (bad)
        return {
            response: Promise.reject(failure(`invalid character in header ${JSON.stringify(bad[0])}`, 'ERR_INVALID_CHAR')),
            destroy: () => undefined
        };
    const port = Number(url.port || 80);
    let head = Buffer.alloc(0);
    let body;
    let decode;
    let settle;
    let finished = false;
    /** The body ends with the connection (neither a length nor chunks). */
    let closeDelimited = false;
    const response = new Promise((resolve, reject) => (settle = { resolve, reject }));
    const fail = (e) => {
        if (settle) {
            settle.reject(e);
            settle = undefined;
        }
        else if (body && !finished)
            body.destroy(e);
        socket.destroy();
    };
    const finish = () => {
        if (finished)
            return;
        finished = true;
        body?.push(null);
        socket.destroy();
    };
    const socket = external_node_net_default().connect({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port,
        onread: {
            buffer: () => Buffer.allocUnsafeSlow(READ_SIZE),
            callback: (n, buf) => {
                const chunk = Buffer.from(buf.buffer, buf.byteOffset, n);
                reclaim(n);
                if (head)
                    readHead(chunk);
                else
                    decode?.(chunk);
                return true;
            }
        }
    });
    socket.setNoDelay(true);
    socket.setTimeout(idleMs, onIdle);
    socket.on('error', fail);
    socket.on('end', () => {
        if (settle)
            fail(failure('socket hang up', 'ECONNRESET'));
        else if (closeDelimited)
            finish();
        else if (!finished)
            fail(failure('response aborted', 'ECONNRESET'));
    });
    socket.on('close', () => {
        if (settle)
            fail(failure('socket hang up', 'ECONNRESET'));
        else if (!finished)
            fail(failure('response aborted', 'ECONNRESET'));
    });
    // Flowing, so that the end of the connection is reported ('end'); the data itself goes to onread.
    socket.resume();
    const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'connection: close'];
    for (const [name, value] of Object.entries(headers))
        if (name !== 'host' && name !== 'connection')
            lines.push(`${name}: ${value}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    function readHead(chunk) {
        const all = head.length ? Buffer.concat([head, chunk]) : chunk;
        const end = all.indexOf('\r\n\r\n');
        if (end < 0) {
            if (all.length > MAX_HEAD)
                fail(failure(`${url.host} sent more than ${MAX_HEAD} bytes of headers`, 'HPE_HEADER_OVERFLOW'));
            else
                head = Buffer.from(all);
            return;
        }
        head = undefined;
        const parsed = parseHead(all.subarray(0, end).toString('latin1'));
        if (!parsed) {
            fail(failure(`${url.host} sent an answer that is not HTTP/1.x`, 'HPE_INVALID_CONSTANT'));
            return;
        }
        const framing = framingOf(parsed.status, parsed.headers);
        if (typeof framing === 'string') {
            fail(failure(`${url.host}: ${framing}`, 'HPE_UNEXPECTED_CONTENT_LENGTH'));
            return;
        }
        body = Object.assign(new external_node_stream_.Readable({
            read: () => void socket.resume(),
            destroy: (e, done) => {
                finished = true;
                socket.destroy();
                done(e);
            }
        }), { statusCode: parsed.status, headers: parsed.headers });
        const push = (data) => {
            if (data.length && !finished && !body.push(data))
                socket.pause();
        };
        closeDelimited = framing.kind === 'close';
        decode =
            framing.kind === 'length'
                ? lengthDecoder(framing.length, push, finish)
                : framing.kind === 'chunked'
                    ? chunkedDecoder(push, finish, fail)
                    : push;
        settle.resolve(body);
        settle = undefined;
        if (framing.kind === 'length' && framing.length === 0)
            finish();
        const rest = all.subarray(end + 4);
        if (rest.length)
            decode(rest);
    }
    return { response, destroy: e => fail(e ?? failure('aborted', 'ECONNRESET')) };
}
function lengthDecoder(length, push, done) {
    let left = length;
    return chunk => {
        if (left <= 0)
            return;
        const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
        left -= part.length;
        push(part);
        if (left === 0)
            done();
    };
}
/** Transfer-Encoding: chunked (RFC 9112 §7.1): size lines, data, and trailers, which are skipped. */
function chunkedDecoder(push, done, fail) {
    let state = 'size';
    let line = '';
    let left = 0;
    return chunk => {
        let at = 0;
        while (at < chunk.length && state !== 'done') {
            if (state === 'data') {
                const n = Math.min(left, chunk.length - at);
                push(chunk.subarray(at, at + n));
                at += n;
                left -= n;
                if (left === 0)
                    state = 'crlf';
                continue;
            }
            const nl = chunk.indexOf(10, at);
            line += chunk.toString('latin1', at, nl < 0 ? chunk.length : nl);
            if (line.length > 4096)
                return fail(Object.assign(new Error('a chunk line is too long'), { code: 'HPE_INVALID_CHUNK_SIZE' }));
            if (nl < 0)
                return;
            at = nl + 1;
            const text = line.replace(/\r$/, '');
            line = '';
            if (state === 'crlf') {
                if (text !== '')
                    return fail(Object.assign(new Error('a chunk does not end with CRLF'), { code: 'HPE_INVALID_CHUNK_SIZE' }));
                state = 'size';
            }
            else if (state === 'size') {
                const size = /^([0-9a-fA-F]{1,12})(?:[ \t]*;.*)?$/.exec(text);
                if (!size)
                    return fail(Object.assign(new Error('invalid chunk size'), { code: 'HPE_INVALID_CHUNK_SIZE' }));
                left = parseInt(size[1], 16);
                state = left === 0 ? 'trailer' : 'data';
            }
            else if (text === '') {
                state = 'done';
                done();
            }
        }
    };
}
/** How the body of an answer to a GET ends (RFC 9112 §6.3), or why it cannot be read. */
function framingOf(status, headers) {
    if (status === 204 || status === 304 || status < 200)
        return { kind: 'length', length: 0 };
    const te = headers['transfer-encoding'];
    if (te !== undefined) {
        const codings = String(te)
            .toLowerCase()
            .split(',')
            .map(s => s.trim());
        if (codings.at(-1) !== 'chunked' || codings.length > 1)
            return `unsupported Transfer-Encoding \`${String(te)}\``;
        return { kind: 'chunked' };
    }
    const cl = headers['content-length'];
    if (cl === undefined)
        return { kind: 'close' };
    const values = new Set(String(cl)
        .split(',')
        .map(s => s.trim()));
    const only = values.size === 1 ? [...values][0] : '';
    if (!/^\d{1,15}$/.test(only))
        return `invalid Content-Length \`${String(cl)}\``;
    return { kind: 'length', length: Number(only) };
}
/** Status line and header fields; repeated fields are joined with `, ` (set-cookie kept as a list), as node:http does. */
function parseHead(text) {
    const [statusLine, ...fields] = text.split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine ?? '');
    if (!m)
        return undefined;
    const headers = {};
    for (const field of fields) {
        const colon = field.indexOf(':');
        if (colon <= 0)
            return undefined;
        const name = field.slice(0, colon).trim().toLowerCase();
        const value = field.slice(colon + 1).trim();
        const known = headers[name];
        if (name === 'set-cookie')
            headers[name] = [...(known ?? []), value];
        else
            headers[name] = known === undefined ? value : `${String(known)}, ${value}`;
    }
    return { status: Number(m[1]), headers };
}

// EXTERNAL MODULE: ./src/registry/retry.ts
var retry = __webpack_require__(1521);
;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP to registries in three layers: auth (anonymous, basic, bearer tokens per repository scope,
// refreshed once on 401, sent only to the registry's own host; token realms under the policy of
// hosts.ts), then retry (one policy, no nested retries, only replayable bodies), then limits: an
// idle timeout, an overall deadline per exchange, a low-speed rule for bulk bodies, and a size
// limit for every buffered body (body.ts). Built on node:http(s) so bodies stream both ways and
// every byte can be counted; blob downloads over plain HTTP go through bulk-get.ts, without
// node:http's extra copy of every chunk.










/** The time limits of one exchange (docs/promotion.md, "Limits"). */
const DEFAULT_TIME_LIMITS = {
    idleTimeoutMs: 60_000,
    requestTimeoutMs: 60_000,
    lowSpeed: { bytesPerSecond: 16 * 1024, windowMs: 30_000 }
};
/** Request bodies above this size are sent as a stream under the low-speed rule, not under the deadline. */
const BULK_BODY = body/* BODY_LIMITS */.Mu.other;
/** Methods a request that ran past its deadline may be sent again for: reads, which change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const gate = new retry/* HostGate */.Ep();
/**
 * Requests to one host being started or waiting for their answer at once (an upload holds its slot
 * until the registry answers). Measured with `node bench/promote.mjs --many 16 --runs 3` on the
 * testbed (docs/benchmarks.md, "Promotion: copy between registries"): 3 → 2.15 s, 6 → 1.40 s,
 * 12 → 2.32 s for 16 images (under a load average of ~5: the ratios to oras scatter, 6 was fastest).
 * The 420 MB S3 copy never reaches it (4 blobs at once, BLOBS_AT_ONCE in copy.ts).
 */
const MAX_STARTS_PER_HOST = 6;
class RegistryTransport {
    opts;
    stats = { requests: 0, bytesSent: 0, bytesReceived: 0, byMethod: {} };
    tokens = new Map();
    basicHosts = new Set();
    // No socket limit in the agents: a request queued inside an agent would go out later without
    // passing the host gate again. Concurrency is bounded per host by `starts` instead.
    agents = { http: new (external_node_http_default()).Agent({ keepAlive: true }), https: new (external_node_https_default()).Agent({ keepAlive: true }) };
    starts = new Map();
    retry;
    idleMs;
    requestMs;
    lowSpeed;
    realms;
    constructor(opts = {}) {
        this.opts = opts;
        this.retry = opts.retry ?? retry/* DEFAULT_RETRY */.vI;
        this.idleMs = opts.idleTimeoutMs ?? DEFAULT_TIME_LIMITS.idleTimeoutMs;
        this.requestMs = opts.requestTimeoutMs ?? DEFAULT_TIME_LIMITS.requestTimeoutMs;
        this.lowSpeed = opts.lowSpeed ?? DEFAULT_TIME_LIMITS.lowSpeed;
        this.realms = { insecureHosts: opts.insecureHosts ?? [], trustedRealms: opts.trustedRealms ?? [] };
    }
    close() {
        this.agents.http.destroy();
        this.agents.https.destroy();
    }
    /** Sends a request with auth, retries and timeouts; resolves with any HTTP status. */
    async send(req) {
        // Bodies are Buffers or stream factories, so every attempt can send the whole body again.
        const attempts = req.noRetry ? 1 : this.retry.attempts;
        let lastError;
        let pastDeadline = 0;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            this.checkDeadline(req);
            try {
                const res = await this.startsFor(req.registry).run(async () => {
                    await gate.wait(req.registry);
                    return this.sendWithAuth(req);
                });
                if (!(0,retry/* isRetryableStatus */.PS)(res.status))
                    return res;
                if (attempt === attempts) {
                    // Out of attempts, but the registry's wish still holds for whatever asks it next.
                    const asked = (0,retry/* parseRetryAfter */.mu)(headerText(res.headers['retry-after']));
                    if (asked !== undefined)
                        gate.hold(req.registry, Math.min(asked, this.retry.maxRetryAfterMs));
                    return res;
                }
                const wait = this.waitFor(res, attempt, req);
                if (res.status === 429 || res.status === 503)
                    gate.hold(req.registry, wait);
                res.stream?.resume();
                await (0,retry/* delay */.cb)(res.status === 429 || res.status === 503 ? 0 : wait);
                lastError = new errors/* RegistryError */.gl(describe(req, res), res.status, (0,errors/* ociError */.Yd)(res.body).code);
            }
            catch (e) {
                if (e instanceof errors/* RegistryError */.gl && e.status !== undefined)
                    throw e;
                // A read that ran past its deadline is tried once more (another connection, maybe another
                // backend); a write is not: the registry may have done it.
                const retryable = errorCode(e) === 'ERR_REQUEST_TIMEOUT'
                    ? SAFE_METHODS.has(req.method) && ++pastDeadline < 2
                    : (0,retry/* isRetryableError */.$d)(e);
                if (!retryable || attempt === attempts)
                    throw wrapNetworkError(req, e);
                lastError = e;
                await (0,retry/* delay */.cb)((0,retry/* backoffMs */.jo)(this.retry, attempt));
            }
        }
        throw wrapNetworkError(req, lastError);
    }
    startsFor(host) {
        let limiter = this.starts.get(host);
        if (!limiter)
            this.starts.set(host, (limiter = new core_limiter/* Limiter */.j(MAX_STARTS_PER_HOST)));
        return limiter;
    }
    waitFor(res, attempt, req) {
        const asked = (0,retry/* parseRetryAfter */.mu)(headerText(res.headers['retry-after']));
        if (asked === undefined)
            return (0,retry/* backoffMs */.jo)(this.retry, attempt);
        if (asked > this.retry.maxRetryAfterMs) {
            throw new errors/* RegistryError */.gl(`${req.registry} asks to wait ${Math.round(asked / 1000)}s before ${req.method} ${pathOf(req)} (Retry-After), more than the ${this.retry.maxRetryAfterMs / 1000}s imagegate waits; try again later`, res.status);
        }
        return asked;
    }
    checkDeadline(req) {
        if (this.opts.deadline !== undefined && Date.now() > this.opts.deadline) {
            throw new errors/* RegistryError */.gl(`the operation ran past its deadline before ${req.method} ${pathOf(req)} on ${req.registry}`);
        }
    }
    /** One attempt: sends with what we know of the host's auth; on a challenge, authenticates once and resends. */
    async sendWithAuth(req) {
        const url = this.urlFor(req);
        const sameHost = url.host === req.registry;
        const scope = scopeString(req);
        const auth = sameHost ? this.cachedAuth(req.registry, scope) : undefined;
        const first = await this.raw(req, url, auth);
        if (first.status !== 401 || !sameHost)
            return first;
        const challenges = parseChallenges(headerText(first.headers['www-authenticate']));
        first.stream?.resume();
        const header = await this.authenticate(req, challenges, scope);
        if (!header)
            return first;
        const second = await this.raw(req, url, header);
        if (second.status === 401) {
            second.stream?.resume();
            throw new errors/* RegistryError */.gl(`credentials rejected by ${req.registry} for ${scope} (${(0,errors/* ociError */.Yd)(second.body).message ?? 'unauthorized'}); check them`, 401, (0,errors/* ociError */.Yd)(second.body).code);
        }
        return second;
    }
    cachedAuth(registry, scope) {
        const token = this.tokens.get(`${registry} ${scope}`);
        if (token && token.expires > Date.now())
            return token.header;
        return this.basicHosts.has(registry) ? this.basicHeaders.get(registry) : undefined;
    }
    basicHeaders = new Map();
    async authenticate(req, challenges, scope) {
        const credentials = (await this.opts.credentials?.get(req.registry))?.credentials;
        const bearer = challenges.find(c => c.scheme === 'bearer');
        if (bearer)
            return this.fetchToken(req, bearer, scope, credentials);
        const basic = challenges.find(c => c.scheme === 'basic');
        if (basic && credentials?.kind === 'basic') {
            this.refusePlainCredentials(req.registry);
            const header = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
            this.opts.onSecret?.(header.slice(6));
            this.basicHosts.add(req.registry);
            this.basicHeaders.set(req.registry, header);
            return header;
        }
        if (basic)
            throw new errors/* RegistryError */.gl(`${req.registry} needs credentials for ${scope}: set IMAGEGATE_REGISTRY_USER and IMAGEGATE_REGISTRY_PASSWORD, or log in with docker login`, 401);
        return undefined;
    }
    async fetchToken(req, challenge, scope, credentials) {
        const realm = challenge.params.realm;
        if (!realm)
            throw new errors/* RegistryError */.gl(`${req.registry} sent a bearer challenge without a realm`, 401);
        let realmUrl;
        try {
            realmUrl = new URL(realm);
        }
        catch {
            throw new errors/* RegistryError */.gl(`${req.registry} sent a bearer challenge whose realm \`${(0,body/* printable */.g$)(realm)}\` is not a URL`, 401);
        }
        const refusal = realmRefusal(req.registry, realmUrl, credentials?.kind === 'basic', this.realms);
        if (refusal)
            throw new errors/* RegistryError */.gl(refusal, undefined, 'ERR_REALM_REFUSED');
        const service = `the token service of ${req.registry} (${realmUrl.origin}${realmUrl.pathname})`;
        const scopes = [
            scope,
            ...(challenge.params.scope && challenge.params.scope !== scope ? [challenge.params.scope] : []),
            ...(req.scope.extra ?? [])
        ];
        if (challenge.params.service)
            realmUrl.searchParams.set('service', challenge.params.service);
        for (const s of scopes)
            realmUrl.searchParams.append('scope', s);
        const headers = {};
        if (credentials?.kind === 'basic') {
            if (realmUrl.protocol !== 'https:')
                this.refusePlainCredentials(realmUrl.host);
            headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        }
        const tokenReq = {
            method: 'GET',
            registry: realmUrl.host,
            path: realmUrl.toString(),
            headers,
            scope: req.scope,
            maxBody: { bytes: body/* BODY_LIMITS */.Mu.token, what: 'a token response' }
        };
        let res;
        try {
            res = await this.raw(tokenReq, realmUrl, headers.authorization);
        }
        catch (e) {
            throw e instanceof errors/* RegistryError */.gl ? new errors/* RegistryError */.gl(`${service}: ${e.message}`, e.status, e.code) : e;
        }
        if (res.status !== 200) {
            throw new errors/* RegistryError */.gl(`${service} answered ${res.status}${(0,errors/* errorDetail */.m2)(res.body)} for ${scope}${credentials ? '; check the credentials' : '; it may need credentials'}`, res.status);
        }
        const doc = (0,body/* parseJsonObject */.dw)(res.body);
        if (!doc.ok)
            throw new errors/* RegistryError */.gl(`${service} answered 200 with a body that is ${doc.error}`);
        const { token: given, access_token: access, expires_in: expiresIn } = doc.value;
        const token = typeof given === 'string' && given ? given : typeof access === 'string' && access ? access : '';
        if (!token)
            throw new errors/* RegistryError */.gl(`${service} answered without a token`);
        this.opts.onSecret?.(token);
        // Tokens live at least 60 s (token spec default); renew 5 s early.
        const seconds = typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : 60;
        const lifetime = Math.max(60, seconds) * 1000 - 5000;
        const header = `Bearer ${token}`;
        this.tokens.set(`${req.registry} ${scope}`, { header, expires: Date.now() + lifetime });
        return header;
    }
    refusePlainCredentials(host) {
        if (!isLoopback(host) && !this.isInsecure(host)) {
            throw new errors/* RegistryError */.gl(`refusing to send credentials to ${host} over plain HTTP; use https or list the host as insecure`);
        }
    }
    isInsecure(host) {
        return this.realms.insecureHosts.includes(host);
    }
    urlFor(req) {
        if (/^https?:\/\//.test(req.path))
            return new URL(req.path);
        const scheme = isLoopback(req.registry) || this.isInsecure(req.registry) ? 'http' : 'https';
        return new URL(`${scheme}://${req.registry}${req.path}`);
    }
    /** One HTTP exchange under the time and size limits, no auth logic, no retry. */
    raw(req, url, authorization) {
        this.stats.requests++;
        this.stats.byMethod[req.method] = (this.stats.byMethod[req.method] ?? 0) + 1;
        const headers = { 'user-agent': this.opts.userAgent ?? 'imagegate', ...req.headers };
        if (authorization)
            headers.authorization = authorization;
        else
            delete headers.authorization;
        if (req.bodyLength !== undefined)
            headers['content-length'] = String(req.bodyLength);
        else if (Buffer.isBuffer(req.body))
            headers['content-length'] = String(req.body.length);
        const client = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const agent = url.protocol === 'https:' ? this.agents.https : this.agents.http;
        const bulk = req.body !== undefined && (!Buffer.isBuffer(req.body) || req.body.length > BULK_BODY);
        // Blob downloads over plain HTTP skip node:http's per-chunk copy (bulk-get.ts); TLS stays on node:https.
        if (req.stream === true && req.method === 'GET' && req.body === undefined && url.protocol === 'http:')
            return this.rawDirect(req, url, headers);
        return new Promise((resolve, reject) => {
            const request = client.request(url, { method: req.method, headers, agent });
            const abort = (code, message) => void request.destroy(Object.assign(new Error(message), { code }));
            request.setTimeout(this.idleMs, () => abort('ERR_IDLE_TIMEOUT', `no answer from ${url.host} for ${this.idleMs} ms`));
            // The deadline covers the whole exchange; with a bulk body, what follows its last byte.
            let deadline;
            let stopped = false;
            const startDeadline = () => {
                if (deadline !== undefined || stopped)
                    return;
                deadline = setTimeout(() => abort('ERR_REQUEST_TIMEOUT', `the registry did not finish its answer within ${this.requestMs} ms (imagegate's deadline for one request; a body trickling in is cut off)`), this.requestMs);
            };
            const stopDeadline = () => {
                stopped = true;
                clearTimeout(deadline);
            };
            if (bulk)
                request.on('finish', startDeadline);
            else
                startDeadline();
            request.on('close', stopDeadline);
            request.on('error', e => {
                stopDeadline();
                reject(e);
            });
            request.on('response', res => {
                const status = res.statusCode ?? 0;
                if (req.stream && status >= 200 && status < 300) {
                    stopDeadline();
                    resolve({
                        status,
                        headers: res.headers,
                        body: Buffer.alloc(0),
                        stream: this.guarded(req, url, request, res),
                        url
                    });
                    return;
                }
                // An answer before the end of a bulk body (a 401, a refusal) is under the deadline too.
                startDeadline();
                this.buffered(req, url, res).then(r => {
                    stopDeadline();
                    resolve(r);
                }, (e) => {
                    stopDeadline();
                    request.destroy();
                    reject(e);
                });
            });
            this.writeBody(req, request, bulk, reject);
        });
    }
    /** A streamed GET over plain HTTP through bulk-get.ts, under the same limits as `raw`. */
    rawDirect(req, url, headers) {
        const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
        const exchange = bulkGet(url, lower, this.idleMs, () => exchange.destroy(Object.assign(new Error(`no answer from ${url.host} for ${this.idleMs} ms`), { code: 'ERR_IDLE_TIMEOUT' })));
        // Until the head arrives, and for an error answer until its end, the request's deadline holds.
        const deadline = setTimeout(() => exchange.destroy(Object.assign(new Error(`the registry did not finish its answer within ${this.requestMs} ms (imagegate's deadline for one request; a body trickling in is cut off)`), { code: 'ERR_REQUEST_TIMEOUT' })), this.requestMs);
        return exchange.response.then(res => {
            if (res.statusCode >= 200 && res.statusCode < 300) {
                clearTimeout(deadline);
                return {
                    status: res.statusCode,
                    headers: res.headers,
                    body: Buffer.alloc(0),
                    stream: this.guarded(req, url, exchange, res),
                    url
                };
            }
            return this.buffered(req, url, res).finally(() => {
                clearTimeout(deadline);
                exchange.destroy();
            });
        }, (e) => {
            clearTimeout(deadline);
            throw e;
        });
    }
    /**
     * Reads an answer into memory, within its limit: a 2xx body larger than `maxBody` is refused (by
     * its Content-Length before reading, else once it passes); of an error body only the first
     * ERROR_BODY_KEPT bytes are kept and the rest is not read.
     */
    buffered(req, url, res) {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const limit = ok ? (req.maxBody?.bytes ?? body/* BODY_LIMITS */.Mu.other) : body/* ERROR_BODY_KEPT */.VF;
        const tooLarge = (size) => new errors/* RegistryError */.gl(`${req.method} ${where(req, url)}: the registry sent ${size}, more than the ${(0,body/* formatSize */.Xq)(limit)} imagegate reads for ${req.maxBody?.what ?? 'an answer like this'}; refusing it`, undefined, 'ERR_BODY_TOO_LARGE');
        return new Promise((resolve, reject) => {
            const done = (body) => resolve({ status, headers: res.headers, body, url });
            const declared = Number(res.headers['content-length']);
            // The verdict first: destroying the response emits events that would settle it otherwise.
            if (req.method !== 'HEAD' && declared > limit) {
                if (ok)
                    reject(tooLarge(`${declared} bytes (Content-Length)`));
                else
                    done(Buffer.alloc(0));
                res.destroy();
                return;
            }
            const chunks = [];
            let length = 0;
            res.on('data', (c) => {
                this.stats.bytesReceived += c.length;
                if (length + c.length <= limit) {
                    chunks.push(c);
                    length += c.length;
                    return;
                }
                if (ok)
                    reject(tooLarge(`more than ${limit} bytes without a Content-Length that said so`));
                else
                    done(Buffer.concat([...chunks, c.subarray(0, limit - length)]));
                res.destroy();
            });
            res.on('error', reject);
            res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
            res.on('end', () => {
                const body = Buffer.concat(chunks);
                if (req.method !== 'HEAD' && Number.isFinite(declared) && body.length < declared) {
                    reject(Object.assign(new Error(`short body from ${url.host}: ${body.length} of ${declared} bytes`), {
                        code: 'ERR_SHORT_BODY'
                    }));
                    return;
                }
                done(body);
            });
        });
    }
    /** A streamed answer (a blob), counted, under the low-speed rule; paused until the caller reads it. */
    guarded(req, url, request, res) {
        const stats = this.stats;
        let moved = 0;
        const counted = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                stats.bytesReceived += chunk.length;
                moved += chunk.length;
                done(null, chunk);
            }
        });
        // The registry is slow only while the reader waits: bytes waiting in the stream are the reader's delay.
        const stop = this.lowSpeedWatch(() => counted.readableLength === 0, () => {
            const bytes = moved;
            moved = 0;
            return bytes;
        }, rate => {
            const e = Object.assign(new Error(`${req.method} ${where(req, url)}: the body arrived at less than ${this.lowSpeed.bytesPerSecond} bytes/s (${rate}) while imagegate waited for it; a registry this slow is cut off`), { code: 'ERR_TOO_SLOW' });
            request.destroy(e);
            counted.destroy(e);
        });
        // A reader that gave up (destroyed the stream) leaves no connection behind.
        counted.on('close', () => {
            stop();
            if (!res.readableEnded)
                res.destroy();
        });
        res.on('error', e => counted.destroy(e));
        res.on('aborted', () => counted.destroy(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
        return res.pipe(counted);
    }
    /**
     * Samples ten times per window whether imagegate waits on the other side; once it has waited a
     * whole window, the bytes moved meanwhile must reach the low-speed limit, or `fail` is called.
     * Returns the function that stops watching.
     */
    lowSpeedWatch(waiting, take, fail) {
        const { bytesPerSecond, windowMs } = this.lowSpeed;
        const step = Math.max(10, Math.floor(windowMs / 10));
        let waited = 0;
        const timer = setInterval(() => {
            if (waiting())
                waited += step;
            if (waited < windowMs)
                return;
            const bytes = take();
            waited = 0;
            if (bytes < (bytesPerSecond * windowMs) / 1000) {
                clearInterval(timer);
                fail(`${bytes} bytes in ${windowMs} ms`);
            }
        }, step);
        timer.unref();
        return () => clearInterval(timer);
    }
    writeBody(req, request, bulk, reject) {
        const body = req.body;
        if (body === undefined) {
            request.end();
            return;
        }
        if (Buffer.isBuffer(body) && !bulk) {
            this.stats.bytesSent += body.length;
            request.end(body);
            return;
        }
        // A stream the registry stopped reading (it answered early, e.g. 401) is closed, so the
        // source's connection is not held; the next send opens a fresh one.
        const open = Buffer.isBuffer(body) ? () => external_node_stream_.Readable.from(slices(body)) : body;
        Promise.resolve()
            .then(open)
            .then(stream => {
            let moved = 0;
            stream.on('data', (c) => {
                this.stats.bytesSent += c.length;
                moved += c.length;
            });
            stream.on('error', e => {
                request.destroy(e);
                reject(e);
            });
            // The registry is slow only while it leaves what imagegate has to send waiting.
            const stop = this.lowSpeedWatch(() => request.writableNeedDrain, () => {
                const bytes = moved;
                moved = 0;
                return bytes;
            }, rate => request.destroy(Object.assign(new Error(`${req.registry} reads the upload at less than ${this.lowSpeed.bytesPerSecond} bytes/s (${rate}) while imagegate has more to send; a registry this slow is cut off`), { code: 'ERR_TOO_SLOW' })));
            request.on('finish', stop);
            request.on('response', () => {
                stop();
                if (!stream.readableEnded) {
                    stream.unpipe(request);
                    stream.destroy();
                }
            });
            request.on('close', () => {
                stop();
                if (!stream.destroyed && !stream.readableEnded)
                    stream.destroy();
            });
            stream.pipe(request);
        })
            .catch((e) => {
            request.destroy(e instanceof Error ? e : new Error(String(e)));
            reject(e);
        });
    }
}

function scopeString(req) {
    return scopeFor(req.scope.repository, req.scope.actions);
}
function headerText(value) {
    return Array.isArray(value) ? value.join(', ') : value;
}
function pathOf(req) {
    return /^https?:\/\//.test(req.path) ? new URL(req.path).pathname : req.path.split('?')[0];
}
function describe(req, res) {
    return `${req.method} ${pathOf(req)} on ${req.registry} answered ${res.status}${(0,errors/* errorDetail */.m2)(res.body)}`;
}
/** `GET /v2/…/manifests/x on registry:5000`, or the absolute URL when the request left the registry (a token realm, a redirect). */
function where(req, url) {
    return url.host === req.registry ? `${url.pathname} on ${req.registry}` : `${url.origin}${url.pathname}`;
}
function errorCode(e) {
    const code = e?.code;
    return typeof code === 'string' ? code : undefined;
}
/** A large buffered body as a stream of 1 MiB views (no copies), so it goes under the low-speed rule. */
function* slices(body) {
    for (let at = 0; at < body.length; at += BULK_BODY)
        yield body.subarray(at, at + BULK_BODY);
}
function wrapNetworkError(req, e) {
    if (e instanceof errors/* RegistryError */.gl)
        return e;
    const message = e instanceof Error ? e.message : String(e);
    return new errors/* RegistryError */.gl(`${req.method} ${pathOf(req)} on ${req.registry} failed: ${message}`, undefined, errorCode(e));
}


/***/ })

};
