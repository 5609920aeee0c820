// Containers a run creates must not outlive it. While one exists its removal is registered here.
// SIGINT or SIGTERM (Ctrl-C, a cancelled CI job) runs every registered removal, refuses new
// containers, and waits for their owners to finish (a container whose creation was in flight is
// removed once it exists: removals are repeated until each owner withdraws its own), then ends the
// process with 130 or 143. A second signal, or 20 s, ends it at once.

const pending = new Set<() => Promise<unknown>>();
let installed = false;
let ending = false;
let withdrawn: (() => void) | undefined;

const GIVE_UP_MS = 20_000;
const RETRY_MS = 1_000;

export class InterruptedError extends Error {}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const code = signal === 'SIGINT' ? 130 : 143;
      if (ending) process.exit(code);
      ending = true;
      if (pending.size) process.stderr.write(`imagegate: ${signal}: removing the test containers and networks\n`);
      void drain().then(() => process.exit(code));
    });
  }
}

async function drain(): Promise<void> {
  const until = Date.now() + GIVE_UP_MS;
  while (pending.size && Date.now() < until) {
    await Promise.allSettled([...pending].map(f => f()));
    await new Promise<void>(resolve => {
      const timer = setTimeout(resolve, RETRY_MS);
      withdrawn = () => {
        if (pending.size) return;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/**
 * Registers `cleanup` for a signal that ends the run; the returned function withdraws it. Once a
 * signal came, it throws InterruptedError instead: the caller must not create what it would remove.
 */
export function onInterrupt(cleanup: () => Promise<unknown>): () => void {
  install();
  if (ending) throw new InterruptedError('interrupted: no new test container is started');
  pending.add(cleanup);
  return () => {
    pending.delete(cleanup);
    withdrawn?.();
  };
}
