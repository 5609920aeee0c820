// When to try a registry request again and how long to wait: exponential backoff with full
// jitter, Retry-After honoured (seconds or HTTP-date), and one shared earliest-next-request time
// per host, so parallel workers slow down together after a 429.

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  factor: number;
  capMs: number;
  /** Longest Retry-After imagegate agrees to wait; longer ones fail with the registry's request named. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {attempts: 5, baseMs: 500, factor: 2, capMs: 30000, maxRetryAfterMs: 60000};

const RETRYABLE_STATUS = new Set([408, 429, 499, 500, 502, 503, 504, 522]);
const RETRYABLE_ERRORS = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ERR_SHORT_BODY',
  'ERR_IDLE_TIMEOUT',
  'UND_ERR_SOCKET'
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

export function isRetryableError(error: unknown): boolean {
  const code = (error as {code?: string} | undefined)?.code;
  return (
    (code !== undefined && RETRYABLE_ERRORS.has(code)) ||
    /socket hang up|premature close|aborted/i.test(String((error as Error)?.message))
  );
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP-date), or undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and the exponential step for this attempt (1-based). */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * policy.factor ** (attempt - 1));
  return Math.floor(random() * step);
}

/** The earliest time each host may be asked again, shared by every request of the process. */
export class HostGate {
  private readonly next = new Map<string, number>();

  /** Waits until the host may be asked again. */
  async wait(host: string, sleep: (ms: number) => Promise<void> = delay): Promise<void> {
    for (;;) {
      const at = this.next.get(host) ?? 0;
      const now = Date.now();
      if (at <= now) return;
      await sleep(at - now);
    }
  }

  /** Nobody asks this host before `ms` from now (a longer earlier hold stays). */
  hold(host: string, ms: number): void {
    const until = Date.now() + ms;
    if ((this.next.get(host) ?? 0) < until) this.next.set(host, until);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
