import type { SandboxResponse } from './types';

interface ReplayEntry {
  fingerprint: string;
  response: Promise<SandboxResponse>;
}

/** About 1,600 purchases' worth of mutating calls (three each), a few KB per answer kept. */
const DEFAULT_REPLAY_ENTRIES = 5_000;

type ReplayLookup =
  | { kind: 'new' }
  | { kind: 'repeat'; response: Promise<SandboxResponse> }
  | { kind: 'conflict' };

/**
 * MS-RequestId replay (headers.md: "used to ensure id-potency. If there's a timeout, the retry call should
 * include the same value"). The dedupe scope is undocumented; the sandbox keys on (method, path, id) and
 * keeps the newest `limit` entries: a client retries within minutes, and the sandbox `npm start` embeds
 * answers calls for as long as the bot runs, each entry holding its answer. A repeat that arrives while
 * the first is still running waits for it, so a client retrying after its own timeout never causes a
 * second purchase.
 */
export class RequestReplayCache {
  private readonly entries = new Map<string, ReplayEntry>();

  constructor(private readonly limit = DEFAULT_REPLAY_ENTRIES) {}

  lookup(key: string, fingerprint: string): ReplayLookup {
    const entry = this.entries.get(key);
    if (!entry) return { kind: 'new' };
    return entry.fingerprint === fingerprint ? { kind: 'repeat', response: entry.response } : { kind: 'conflict' };
  }

  remember(key: string, fingerprint: string, response: Promise<SandboxResponse>): void {
    this.entries.set(key, { fingerprint, response });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * Only final answers are replayed. 5xx, 429 and 409 mean "not done, try again" (800064 cart being
 * processed, 800060 order in progress), so a retry with the same id must run again, not echo them.
 */
export function isFinalAnswer(response: SandboxResponse): boolean {
  return response.status < 500 && response.status !== 429 && response.status !== 409;
}
