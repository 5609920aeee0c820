export const id = 775;
export const ids = [775];
export const modules = {

/***/ 8775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildpackDifferences: () => (/* binding */ buildpackDifferences),
/* harmony export */   renderDoctor: () => (/* binding */ renderDoctor)
/* harmony export */ });
// `imagegate doctor`: does CI still build with what production uses? The pinned builder's digest
// against the digest a production tag points at now, and what differs inside when they part.
function buildpackDifferences(ci, production) {
    const lines = [];
    const ids = [...new Set([...ci, ...production].map(b => b.id))].sort();
    for (const id of ids) {
        const a = ci.filter(b => b.id === id).map(b => b.version);
        const b = production.filter(p => p.id === id).map(p => p.version);
        if (!a.length)
            lines.push(`+ ${id} ${b.join(', ')} (production only)`);
        else if (!b.length)
            lines.push(`- ${id} ${a.join(', ')} (CI only)`);
        else if (a.join() !== b.join())
            lines.push(`${id} ${a.join(', ')} → ${b.join(', ')}`);
    }
    return lines;
}
function renderDoctor(images) {
    return images
        .map(i => {
        const repo = i.production.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
        if (i.matches)
            return `${i.name}: CI matches production: ${i.production} points at ${i.ciDigest}, the digest CI builds with.\n`;
        const diff = i.differences.length
            ? `\n  buildpacks (CI → production):\n${i.differences.map(d => `    ${d}`).join('\n')}`
            : '';
        return `${i.name}: CI does NOT match production: CI builds with ${i.ciBuilder} (${i.ciDigest}), but ${i.production} points at ${i.productionDigest} now.${diff}\n  Fix: set builder.buildpacks.image to ${repo}@${i.productionDigest}\n`;
    })
        .join('');
}


/***/ })

};
