// The nodes of a parsed YAML document in document order (each key before its value), without
// recursion; and what each alias stands for, found in the same one pass.

import {isAlias, isMap, isNode, isPair, isSeq, type Alias, type Document, type Node} from 'yaml';

export function eachNode(doc: Document, visit: (node: Node) => void): void {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isNode(node)) continue;
    visit(node);
    if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

/** Each alias's node: the last node before it with its anchor, as YAML resolves it. */
export function aliasTargets(doc: Document): ReadonlyMap<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  eachNode(doc, node => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (node.anchor) anchors.set(node.anchor, node);
  });
  return targets;
}
