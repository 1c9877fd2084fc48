import type { RunningSandbox } from '../../src/sandbox';

/**
 * Runs `act` with the next `method` request whose path matches `pathPattern` held at the sandbox's door
 * (the `hold` knob; `POST /_sandbox/arrivals` says when it is there), does `meanwhile`, then lets it in:
 * what happens between a client's read and its write, without a sleep.
 */
export async function whileHeld<T>(
  sandbox: RunningSandbox, hold: { method: 'PATCH' | 'POST' | 'PUT'; pathPattern: string }, act: () => Promise<T>, meanwhile: () => Promise<unknown> | void,
): Promise<T> {
  const pattern = new RegExp(hold.pathPattern);
  const before = sandbox.requests.filter((r) => r.method === hold.method && pattern.test(r.path)).length;
  sandbox.knobs.set({ hold: { count: 1, ...hold } });
  const arrived = fetch(`${sandbox.baseUrl}/_sandbox/arrivals`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...hold, nth: before + 1 }),
  });
  const acting = act();
  if ((await arrived).status !== 200) throw new Error('the sandbox did not report the held request');
  await meanwhile();
  sandbox.knobs.release();
  return acting;
}
