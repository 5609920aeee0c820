// How progress reaches people: collapsible groups, warnings and errors with file positions, and
// masking of secrets. One interface, one implementation per host (terminal/GitLab, GitHub).

export interface Where {
  file: string;
  line?: number;
  col?: number;
}

export interface Reporter {
  info(text: string): void;
  warning(text: string, where?: Where): void;
  error(text: string, where?: Where): void;
  /** Runs `fn` inside a collapsible log section. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Never print this value again. */
  mask(secret: string): void;
}

type Style = 'plain' | 'github' | 'gitlab';

/** Terminal output on stderr, with the CI host's section syntax when running in one. */
export class StreamReporter implements Reporter {
  private readonly secrets: string[] = [];
  private sections = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly style: Style = 'plain'
  ) {}

  static forEnv(write: (text: string) => void, env: Readonly<Record<string, string | undefined>>): StreamReporter {
    const style: Style = env.GITHUB_ACTIONS === 'true' ? 'github' : env.GITLAB_CI === 'true' ? 'gitlab' : 'plain';
    return new StreamReporter(write, style);
  }

  info(text: string): void {
    this.line(text);
  }

  warning(text: string, where?: Where): void {
    this.annotated('warning', text, where);
  }

  error(text: string, where?: Where): void {
    this.annotated('error', text, where);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const id = `imagegate_${++this.sections}`;
    if (this.style === 'github') this.line(`::group::${title}`);
    else if (this.style === 'gitlab')
      this.write(`\x1b[0Ksection_start:${seconds()}:${id}[collapsed=true]\r\x1b[0K${this.clean(title)}\n`);
    else this.line(`── ${title}`);
    try {
      return await fn();
    } finally {
      if (this.style === 'github') this.line('::endgroup::');
      else if (this.style === 'gitlab') this.write(`\x1b[0Ksection_end:${seconds()}:${id}\r\x1b[0K\n`);
    }
  }

  mask(secret: string): void {
    if (secret.length < 3) return;
    this.secrets.push(secret);
    if (this.style === 'github') this.write(`::add-mask::${secret}\n`);
  }

  private annotated(kind: 'warning' | 'error', text: string, where?: Where): void {
    if (this.style === 'github') {
      const props = where
        ? ` file=${where.file}${where.line ? `,line=${where.line}` : ''}${where.col ? `,col=${where.col}` : ''}`
        : '';
      this.line(`::${kind}${props}::${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
      return;
    }
    const at = where ? `${where.file}${where.line ? `:${where.line}` : ''}${where.col ? `:${where.col}` : ''}: ` : '';
    this.line(`${at}${kind}: ${text}`);
  }

  private line(text: string): void {
    this.write(`${this.clean(text)}\n`);
  }

  private clean(text: string): string {
    return this.secrets.reduce((t, s) => t.split(s).join('***'), text);
  }
}

function seconds(): number {
  return Math.floor(Date.now() / 1000);
}
