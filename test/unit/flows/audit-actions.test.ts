import { auditTrailCard } from '../../../src/flows/audit/audit-card';
import type { AuditRecord } from '../../../src/store/audit-log';

const record = (action: string): AuditRecord => ({
  id: action, at: '2026-03-01T10:00:00.000Z', action, customerId: 'c1', outcome: 'succeeded',
  actor: { aadObjectId: 'a1', tenantId: 'partner-tenant', name: 'Rita Rep' },
});
/** The second line of each record: the action in the reader's language, when the action is known. */
const whatLines = (card: ReturnType<typeof auditTrailCard>) =>
  (card.body as { type: string; items?: { text: string }[] }[]).filter((e) => e.type === 'Container').map((c) => c.items?.[1]?.text);

describe('audit actions on the audit card', () => {
  it('says what each known action was in the reader language, under its stored name', () => {
    expect(whatLines(auditTrailCard('en-US', 'c1', [record('checkout.ordered'), record('approval.rejected')]))).toEqual(['Ordered', 'Rejected']);
    expect(whatLines(auditTrailCard('pl-PL', 'c1', [record('checkout.ordered'), record('approval.rejected')]))).toEqual(['Zamówiono', 'Odrzucono']);
  });

  it('shows a name this version does not know as it is stored, without a translation', () => {
    const card = auditTrailCard('en-US', 'c1', [record('step.7'), record('constructor')]);
    expect(whatLines(card)).toEqual(['Rita Rep (partner-tenant)', 'Rita Rep (partner-tenant)']);
    expect(JSON.stringify(card)).toContain(' · step.7 · Succeeded');
  });
});
