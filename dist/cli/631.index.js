export const id = 631;
export const ids = [631];
export const modules = {

/***/ 631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubHost: () => (/* binding */ GitHubHost),
/* harmony export */   GitHubLog: () => (/* binding */ GitHubLog)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1533);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8769);
// The host on GitHub Actions, through @actions/core: workflow commands for log groups, annotations
// and masks, GITHUB_OUTPUT for outputs, the step summary, GITHUB_STATE for the post step.
// Text from outside imagegate is printed with workflow commands stopped around it, so a test's
// output can never forge an annotation, an output or a mask.




/** What the runner would read as a command: `::name…` or the legacy `##[name]` at a line start (after blanks or colour codes), or a bare CR. */
const COMMAND_LIKE = new RegExp(String.raw `(^|[\n\r])(\s|\x1b\[[0-9;]*[A-Za-z])*(::|##\[)|\r`);
/** GitHub's log commands; the CLI uses these too when it runs in a workflow step. */
class GitHubLog {
    info(text) {
        if (COMMAND_LIKE.test(text))
            this.verbatim(text);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text);
    }
    notice(text) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(text);
    }
    warning(text, where) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(text, properties(where));
    }
    error(text, where) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(text, properties(where));
    }
    verbatim(text) {
        // The three lines go out in one turn of the event loop: nothing of imagegate's own comes between.
        const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(16).toString('hex');
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::stop-commands::${token}`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text.replace(/\r(?!\n)/g, '\n'));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::${token}::`);
    }
    /** Streamed output line by line: a line that could be read as a command is printed verbatim, the rest as it is. */
    block() {
        return (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .lineBlock */ .U)(line => {
            const text = line.slice(0, -1);
            if (COMMAND_LIKE.test(text))
                this.verbatim(text);
            else
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text);
        });
    }
    group(title, fn) {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(title, fn);
    }
    mask(secret) {
        if (secret)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    }
    redact(text) {
        // The runner masks what setSecret registered, in every line it prints.
        return text;
    }
}
/** The action's host: everything through @actions/core. */
class GitHubHost extends GitHubLog {
    opts;
    kind = 'github';
    constructor(opts) {
        super();
        this.opts = opts;
    }
    async present(result) {
        this.info(result.text);
        if (this.opts.summary)
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(result.markdown ?? fenced(result.text)).write();
    }
    async setOutputs(outputs) {
        for (const [name, value] of Object.entries((0,_core_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .githubOutputs */ .mw)(outputs)))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    }
    async annotate(annotations) {
        for (const a of annotations) {
            const props = properties(a.where);
            if (a.level === 'error')
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(a.message, props);
            else if (a.level === 'warning')
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(a.message, props);
            else
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(a.message, props);
        }
    }
    /** The step fails with `message`; the entry point ends the process with the exit code itself. */
    fail(message, _exitCode) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message);
    }
    saveState(name, value) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value);
    }
    getState(name) {
        return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name);
    }
    async addPath(dir) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .addPath */ .fM(dir);
    }
}
function properties(where) {
    if (!where)
        return {};
    return {
        file: where.file,
        ...(where.line ? { startLine: where.line } : {}),
        ...(where.col ? { startColumn: where.col } : {})
    };
}
function fenced(text) {
    return `\`\`\`\n${text.replace(/```/g, '``\u200b`')}\n\`\`\`\n`;
}


/***/ })

};
