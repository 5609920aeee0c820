// Reads a step's output the way the GitHub runner reads it for workflow commands: every line (CR,
// LF or CRLF ends one) that starts with `::name props::data` — or the legacy `##[name props]data` —
// is a command, unless `::stop-commands::TOKEN` paused processing until a line `::TOKEN::`.
export interface WorkflowCommand {
  name: string;
  props: string;
  data: string;
}

const COMMAND = /^::([A-Za-z-]+)( [^:]*)?::(.*)$/;
const LEGACY = /^##\[([A-Za-z-]+)( [^\]]*)?\](.*)$/;

export function workflowCommands(output: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopped: string | undefined;
  for (const raw of output.split(/\r\n|\r|\n/)) {
    // The runner ignores leading whitespace and colour codes before a command.
    const line = raw.replace(/^(\s|\x1b\[[0-9;]*[A-Za-z])+/, '');
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const m = COMMAND.exec(line) ?? LEGACY.exec(line);
    if (!m) continue;
    const command = {name: m[1]!, props: (m[2] ?? '').trim(), data: m[3]!};
    if (command.name === 'stop-commands') stopped = command.data;
    out.push(command);
  }
  return out;
}
