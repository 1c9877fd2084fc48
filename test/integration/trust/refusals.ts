import { t } from '../../../src/i18n/translate';
import type { MessageKey } from '../../../src/i18n/catalogs';
import { ACCESS_REFUSED, type AuditRecord } from '../../../src/store/audit-log';
import { text, type Card } from '../bot/card-helpers';
import type { BotUnderTest } from '../harness/bot-under-test';
import { changedRecords, observe, type ObservedState } from '../hostile/observed-state';

/** Refusals recorded in the audit log, oldest first. */
export async function refusalsIn(bot: BotUnderTest): Promise<AuditRecord[]> {
  return (await bot.app.audit.listAll()).filter((record) => record.action === ACCESS_REFUSED);
}

/**
 * Runs `attempt` and checks that it was turned away as the access gate does: the refusal card in
 * `locale`, exactly one new stored record (the refusal's audit record), no Partner Center request.
 */
export async function expectRefused(
  bot: BotUnderTest, attempt: () => Promise<Card | undefined>, reason: string, textKey: MessageKey, locale = 'en-US',
): Promise<AuditRecord> {
  const before: ObservedState = await observe(bot);
  const refusalsBefore = (await refusalsIn(bot)).length;
  const card = await attempt();
  const after = await observe(bot);
  if (card !== undefined) {
    expect(text(card)).toContain(t(locale, 'access.refused.title'));
    expect(text(card)).toContain(JSON.stringify(t(locale, textKey)).slice(1, -1));
  }
  expect(after.partnerCenterRequests).toBe(before.partnerCenterRequests);
  const changed = changedRecords(before, after);
  expect(changed).toHaveLength(1);
  expect(changed[0]).toMatch(/^audit\/actor\//);
  const refusals = await refusalsIn(bot);
  expect(refusals).toHaveLength(refusalsBefore + 1);
  const record = refusals.at(-1)!;
  expect(record).toMatchObject({ outcome: 'denied', details: expect.objectContaining({ reason }) });
  return record;
}
