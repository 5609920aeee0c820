export const id = 870;
export const ids = [870];
export const modules = {

/***/ 1870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Docker: () => (/* binding */ Docker),
/* harmony export */   dockerSession: () => (/* binding */ dockerSession)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2020);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3023);
// Runs the docker CLI (and its buildx plugin) with argv built in src/core/docker-args.ts.





class Docker {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    /** `opts.env` adds variables for this call only (build secrets read from the environment). */
    async run(args, opts = {}) {
        // Content trust would make docker contact a notary for every reference.
        const env = { DOCKER_CONTENT_TRUST: 'false', ...(this.opts.configDir ? { DOCKER_CONFIG: this.opts.configDir } : {}) };
        return this.opts.exec.run('docker', args, { ...opts, env: { ...opts.env, ...env } });
    }
    async output(args, opts = {}) {
        const result = await this.run(args, opts);
        if (result.exitCode !== 0)
            throw new _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .ExecError */ .cI('docker', args, result);
        return result.stdout;
    }
    /** The engine answers, keeps multi-platform images (containerd store), and buildx is there. */
    async requireEngine() {
        // One `docker info` answers all three: the daemon's storage driver, and the CLI plugins docker
        // found (it runs each plugin's metadata command for the list), a broken one with its error.
        const info = await this.run(['info', '--format', ENGINE_FORMAT]);
        if (info.exitCode !== 0) {
            const why = info.stderr.trim().split('\n').pop() ?? '';
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`no Docker engine answers (${why}); start one (on this repository's machines: \`scripts/testbed up\`)`);
        }
        const [driver = '', ...plugins] = info.stdout.split('\n');
        if (!driver.includes('io.containerd.snapshotter')) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN('the Docker engine does not use the containerd image store, so it cannot keep a multi-platform image to test every platform of the exact bytes it pushes. ' +
                'Enable it with `{"features": {"containerd-snapshotter": true}}` in /etc/docker/daemon.json and restart dockerd ' +
                '(on GitHub runners: docker/setup-docker-action with that daemon-config)');
        }
        const buildx = plugins.map(line => line.split('\t')).find(([name]) => name === 'buildx');
        const install = 'install the buildx CLI plugin (Debian: docker-buildx; GitHub: docker/setup-buildx-action)';
        if (!buildx)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`docker buildx is not installed: ${install}`);
        const broken = buildx[1]?.trim();
        if (broken)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`docker buildx is installed but does not run (${broken}): ${install}`);
    }
    /** A named buildx builder (remote, kubernetes, docker-container) must exist before a build is sent to it. */
    async requireBuilder(name) {
        const inspect = await this.run(['buildx', 'inspect', name]);
        if (inspect.exitCode !== 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`buildx builder \`${name}\` is not usable (${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .f)(inspect.stderr)}); create it first (\`docker buildx create --name ${name} …\`) or list them with \`docker buildx ls\``);
        }
    }
}
/** The storage driver's status on the first line, then one `name<TAB>error` line per CLI plugin. */
const ENGINE_FORMAT = '{{json .DriverStatus}}{{range .ClientInfo.Plugins}}{{"\\n"}}{{.Name}}{{"\\t"}}{{if .Err}}{{.Err}}{{end}}{{end}}';
/**
 * Docker for this run. With logins: a DOCKER_CONFIG of this run's own holding the user's config plus
 * the logins (passwords through stdin), so the user's config is never modified. Without credentials:
 * one holding the user's settings but none of its logins or helpers, so no registry, build or test
 * of the run sees a credential. Otherwise docker's own config, as it is.
 */
async function dockerSession(opts) {
    if (opts.credentials && !opts.logins.length)
        return { docker: new Docker({ exec: opts.exec }), close: async () => undefined };
    const dir = await opts.temp.make('docker');
    const close = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(dir, 0o700);
        await copyDockerConfig(opts.userConfigDir, dir, opts.credentials);
        const docker = new Docker({ exec: opts.exec, configDir: dir });
        for (const login of opts.logins) {
            const result = await docker.run(['login', login.host, '--username', login.username, '--password-stdin'], {
                input: login.password
            });
            if (result.exitCode !== 0)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`docker login to ${login.host} as ${login.username} failed: ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .f)(result.stderr)}; check ${opts.source}`);
        }
        return { docker, configDir: dir, close };
    }
    catch (e) {
        await close();
        throw e;
    }
}
const CREDENTIAL_KEYS = ['auths', 'credHelpers', 'credsStore'];
/** The user's docker config in `dir`: config.json (without its credentials unless asked), the rest (plugins, buildx builders, contexts) linked. */
async function copyDockerConfig(userDir, dir, credentials) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(userDir, 'config.json'), 'utf8').catch(() => '{}');
    let config = text;
    if (!credentials) {
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            doc = {};
        }
        const kept = doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc } : {};
        for (const key of CREDENTIAL_KEYS)
            delete kept[key];
        config = JSON.stringify(kept);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'config.json'), config, { mode: 0o600 });
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(userDir).catch(() => []);
    for (const entry of entries.filter(e => e !== 'config.json'))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(userDir, entry), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry)).catch(() => undefined);
}


/***/ })

};
