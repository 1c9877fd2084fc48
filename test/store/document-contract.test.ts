import { ConversationState, TestAdapter, TurnContext, type Activity, type Storage } from 'botbuilder';
import { z } from 'zod';
import { AuditLog, type AuditEntry } from '../../src/store/audit-log';
import { auditExportLines, exportAudit } from '../../src/store/audit-export';
import { DocumentStore } from '../../src/store/document-store';
import { ETagConflictError, InvalidStoredDocumentError } from '../../src/store/errors';
import type { VersionedStorage } from '../../src/store/storage';
import { backends, startBackends, stopBackends } from './backends';

beforeAll(startBackends);
afterAll(stopBackends);

const purchaseSchema = z.object({
  state: z.enum(['draft', 'priced', 'approved', 'ordered']),
  customerId: z.string(),
  total: z.number().nonnegative(),
});
type Purchase = z.infer<typeof purchaseSchema>;

const draft: Purchase = { state: 'draft', customerId: 'c-1', total: 10 };
const actor = { aadObjectId: 'aad-rep', tenantId: 'tenant-1', name: 'Rep' };

describe.each(backends)('$name storage', ({ open }) => {
  let storage: VersionedStorage;
  beforeEach(async () => {
    storage = await open();
  });

  describe('DocumentStore', () => {
    let purchases: DocumentStore<Purchase>;
    beforeEach(() => {
      purchases = new DocumentStore(storage, purchaseSchema, 'purchases/');
    });

    it('creates, reads, replaces conditionally and deletes a typed document', async () => {
      const created = await purchases.create('p1', draft);
      await expect(purchases.create('p1', draft)).rejects.toBeInstanceOf(ETagConflictError);

      const priced = await purchases.replace('p1', { ...draft, state: 'priced' }, created.eTag);
      await expect(purchases.replace('p1', { ...draft, state: 'ordered' }, created.eTag)).rejects.toBeInstanceOf(
        ETagConflictError,
      );

      expect(await purchases.get('p1')).toEqual({ value: { ...draft, state: 'priced' }, eTag: priced.eTag });
      await purchases.delete('p1');
      expect(await purchases.get('p1')).toBeUndefined();
    });

    it('refuses an unconditional replace and a value its schema rejects', async () => {
      const { eTag } = await purchases.create('p1', draft);

      await expect(purchases.replace('p1', draft, '*')).rejects.toThrow(/eTag/);
      await expect(purchases.replace('p1', { ...draft, total: -1 }, eTag)).rejects.toBeInstanceOf(z.ZodError);
    });

    it('reports a stored document its schema rejects as invalid', async () => {
      await storage.set('purchases/p1', { state: 'teleported' });

      await expect(purchases.get('p1')).rejects.toBeInstanceOf(InvalidStoredDocumentError);
    });

    it('lists documents by id prefix with their eTags', async () => {
      const p1 = await purchases.create('pending/p1', draft);
      await purchases.create('pending/p2', { ...draft, total: 20 });
      await purchases.create('done/p3', draft);
      await storage.set('other/p4', { unrelated: true });

      const pending = await purchases.list('pending/');

      expect(pending.map((document) => document.id)).toEqual(['pending/p1', 'pending/p2']);
      expect(pending[0]).toEqual({ id: 'pending/p1', value: draft, eTag: p1.eTag });
      expect(await purchases.list()).toHaveLength(3);
    });
  });

  describe('as botbuilder state storage', () => {
    it('backs ConversationState for a Teams channel thread', async () => {
      const botStorage: Storage = storage;
      const state = new ConversationState(botStorage);
      const step = state.createProperty<string>('step');
      const activity: Partial<Activity> = {
        type: 'message',
        channelId: 'msteams',
        conversation: { id: '19:abc@thread.tacv2;messageid=1712345678901', isGroup: true, name: 'Sales', conversationType: 'channel' },
        from: { id: '29:1user', name: 'Rep' },
        recipient: { id: '28:bot', name: 'Partner Cart' },
      };

      const first = new TurnContext(new TestAdapter(), activity);
      await step.set(first, 'choose-customer');
      await state.saveChanges(first);
      const second = new TurnContext(new TestAdapter(), activity);

      expect(await step.get(second)).toBe('choose-customer');
      expect(await storage.list('msteams/conversations/')).toEqual([
        'msteams/conversations/19:abc@thread.tacv2;messageid=1712345678901/',
      ]);
    });
  });

  describe('AuditLog', () => {
    const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({ actor, action: 'x', outcome: 'succeeded', ...overrides });

    it('appends records that list in time order per purchase and per customer', async () => {
      const times = ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', '2026-03-01T09:00:00.000Z'];
      const clock = [...times, '2026-03-01T11:00:00.000Z'];
      const log = new AuditLog(storage, { now: () => new Date(clock.shift() ?? '') });

      await log.append(entry({ action: 'cart.priced', purchaseId: 'p/1', customerId: 'c1' }));
      await log.append(entry({ action: 'approval.approved', purchaseId: 'p/1' }));
      await log.append(entry({ action: 'customer.viewed', customerId: 'c1' }));
      await log.append(entry({ action: 'other', purchaseId: 'p/10' }));

      expect((await log.listFor({ purchaseId: 'p/1' })).map((record) => record.action)).toEqual([
        'cart.priced',
        'approval.approved',
      ]);
      expect((await log.listFor({ customerId: 'c1' })).map((record) => record.action)).toEqual([
        'customer.viewed',
        'cart.priced',
        'approval.approved',
      ]);
      expect((await log.listAll()).map((record) => record.at)).toEqual([...times].sort().concat('2026-03-01T11:00:00.000Z'));
    });

    it('finds the whole trail of the purchase that placed an order by the order id, in any letter case', async () => {
      let second = 0;
      const log = new AuditLog(storage, { now: () => new Date(Date.UTC(2026, 2, 1, 10, 0, (second += 1))) });
      await log.append(entry({ action: 'purchase.created', purchaseId: 'p1' }));
      await log.append(entry({ action: 'customer.chosen', purchaseId: 'p1', customerId: 'C-1' }));
      await log.append(entry({ action: 'checkout.ordered', purchaseId: 'p1', customerId: 'C-1', orderIds: ['ORDER-A', 'order-b'] }));
      await log.append(entry({ action: 'checkout.ordered', purchaseId: 'p2', customerId: 'C-1', orderIds: ['order-c'] }));
      await log.append(entry({ action: 'provisioning.done', customerId: 'C-1', orderIds: ['order-a'] }));
      await log.append(entry({ action: 'provisioning.done', customerId: 'C-1', orderIds: ['order-c'] }));

      const byOrder = await log.listFor({ orderId: 'order-a' });
      expect(byOrder.map((record) => `${record.purchaseId ?? '-'} ${record.action}`)).toEqual([
        'p1 purchase.created',
        'p1 customer.chosen',
        'p1 checkout.ordered',
        '- provisioning.done',
      ]);
      expect((await log.listFor({ orderId: 'ORDER-B' })).map((record) => record.action)).toEqual([
        'purchase.created',
        'customer.chosen',
        'checkout.ordered',
      ]);
      expect(await log.listFor({ customerId: 'c-1' })).toHaveLength(6);
      expect(await log.listFor({ orderId: 'order-unknown' })).toEqual([]);

      const longOrderId = `${'Ö'.repeat(300)}-1`;
      await log.append(entry({ action: 'odd.order', customerId: 'C-1', orderIds: [longOrderId] }));
      expect((await log.listFor({ orderId: longOrderId.toUpperCase() })).map((record) => record.action)).toEqual(['odd.order']);
      expect(await log.listAll()).toHaveLength(7);
    });

    it('never overwrites: each record is created under a key of its own', async () => {
      const log = new AuditLog(storage, { now: () => new Date('2026-03-01T10:00:00.000Z') });
      await Promise.all(Array.from({ length: 5 }, (_, i) => log.append(entry({ action: `a${i}`, purchaseId: 'p1' }))));

      const keys = await storage.list('audit/');
      expect(keys).toHaveLength(5);
      await expect(storage.create(keys[0] as string, {})).rejects.toBeInstanceOf(ETagConflictError);
      expect((await log.listFor({ purchaseId: 'p1' })).map((record) => record.action).sort()).toEqual(
        ['a0', 'a1', 'a2', 'a3', 'a4'],
      );
    });

    it('rejects a record with neither a purchase nor a customer', async () => {
      await expect(new AuditLog(storage).append(entry({}))).rejects.toBeInstanceOf(z.ZodError);
      expect(await storage.list('audit/')).toEqual([]);
    });

    it('exports as JSON lines and CSV', async () => {
      const log = new AuditLog(storage, { now: () => new Date('2026-03-01T10:00:00.000Z') });
      const record = await log.append(
        entry({ action: 'checkout', purchaseId: 'p1', orderIds: ['o1', 'o2'], details: { lines: 2 } }),
      );

      const jsonl = await exportAudit(log, { format: 'jsonl' });
      const csv = await exportAudit(log, { format: 'csv', subject: { purchaseId: 'p1' } });

      expect(jsonl.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([record]);
      expect(csv).toBe(auditExportLines([record], 'csv').join(''));
      expect(csv.split('\r\n')[1]).toBe(
        `${record.id},2026-03-01T10:00:00.000Z,aad-rep,tenant-1,Rep,checkout,succeeded,p1,,,o1 o2,,"{""lines"":2}"`,
      );
    });
  });
});
