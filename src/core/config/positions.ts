// Where each value of the document stands in the file, by its path (`images[0].platforms`).

import type {Position} from './diagnostics.js';
import type {ConfigSource} from './types.js';

export type Path = readonly (string | number)[];

export function pathText(path: Path): string {
  return (
    path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('') || '(top level)'
  );
}

export class Positions {
  constructor(
    private readonly root: Position,
    private readonly byPath: ReadonlyMap<string, Position>
  ) {}

  /** The position of the value at `path`; undefined for a value the file leaves out. */
  of(path: string): Position | undefined {
    return this.byPath.get(path);
  }

  /** The position of the value at `path` or, where the file leaves it out, of the nearest value that holds it. */
  at(path: Path): Position {
    for (let length = path.length; length > 0; length--) {
      const found = this.byPath.get(pathText(path.slice(0, length)));
      if (found) return found;
    }
    return this.root;
  }
}

export function configSource(file: string, positions: Positions): ConfigSource {
  const base = file.split('/').pop() ?? file;
  return {
    file,
    position: path => positions.of(path),
    where: path => {
      const p = positions.of(path);
      return p ? `${base}:${p.line}` : undefined;
    }
  };
}
