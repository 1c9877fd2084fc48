import type { BotUnderTest } from '../harness/bot-under-test';

/** Everything a hostile request could change: every stored record with its eTag, and what left the bot. */
export interface ObservedState {
  records: Map<string, string>;
  connectorCalls: number;
  partnerCenterRequests: number;
}

export async function observe(bot: BotUnderTest): Promise<ObservedState> {
  await bot.app.background.idle();
  const records = new Map<string, string>();
  for (const key of await bot.storage.list('')) {
    const stored = await bot.storage.get(key);
    records.set(key, JSON.stringify(stored));
  }
  return { records, connectorCalls: bot.connector.calls.length, partnerCenterRequests: bot.sandbox.requests.length };
}

/** Keys whose record appeared, vanished or changed between two observations. */
export function changedRecords(before: ObservedState, after: ObservedState): string[] {
  const keys = new Set([...before.records.keys(), ...after.records.keys()]);
  return [...keys].filter((key) => before.records.get(key) !== after.records.get(key)).sort();
}

/** Requests that could change something at Partner Center (anything but a read). */
export function partnerCenterWrites(bot: BotUnderTest, since = 0): string[] {
  return bot.sandbox.requests.slice(since).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}
