import { randomUUID } from 'node:crypto';
import { PurchaseRepository } from '../../../src/flows/purchase/purchase-repository';
import { purchaseSchema, type Purchase } from '../../../src/flows/purchase/purchase';
import { createStorage } from '../../../src/store/create-storage';
import type { VersionedStorage } from '../../../src/store/storage';

const rep = { aadObjectId: 'rep-1', tenantId: 'partner-tenant', name: 'Rita Rep', userId: '29:rep-1' };
const note = { action: 'line.added' as const, actor: rep };

function draft(): Purchase {
  const at = new Date().toISOString();
  return purchaseSchema.parse({
    id: randomUUID(), kind: 'cart', status: 'draft', version: 0, owner: rep,
    conversation: { id: 'a:chat', type: 'personal', reference: {} },
    locale: 'en-US', correlationId: randomUUID(), lines: [], createdAt: at, updatedAt: at,
  });
}

const line = {
  lineId: 'l1', productId: 'CFQ7TTC0LH18', productTitle: 'Office 365 E5', skuId: '0001', skuTitle: 'Office 365 E5',
  catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0LH0R', quantity: 3, billingCycle: 'monthly' as const,
  provisioningContext: {}, additionalResellers: [],
};

describe('a purchase read back unchanged is not parsed again', () => {
  let storage: VersionedStorage;
  let repository: PurchaseRepository;
  let parse: jest.SpyInstance;
  beforeEach(async () => {
    storage = await createStorage({ kind: 'memory' });
    repository = new PurchaseRepository(storage, () => []);
    parse = jest.spyOn(purchaseSchema, 'parse');
  });
  afterEach(() => parse.mockRestore());

  it('serves the content this process wrote, by its eTag, without the schema, as a copy the caller owns', async () => {
    const created = await repository.create(draft(), rep);
    const saved = await repository.save(created, { ...created.purchase, lines: [line] }, note);
    parse.mockClear();

    const first = (await repository.load(saved.purchase.id))!;
    expect(first).toEqual(saved);
    first.purchase.lines[0].quantity = 999;
    first.purchase.lines.push({ ...line, lineId: 'l2' });
    const second = (await repository.load(saved.purchase.id))!;
    expect(second.purchase.lines).toEqual([line]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses content it has not seen: a write by someone else, and a process that starts on stored purchases', async () => {
    const created = await repository.create(draft(), rep);
    const elsewhere = { ...created.purchase, lines: [line], version: 1 };
    const eTag = await storage.set(`purchases/${created.purchase.id}`, elsewhere, created.eTag);
    parse.mockClear();

    expect(await repository.load(created.purchase.id)).toEqual({ purchase: elsewhere, eTag });
    expect(parse).toHaveBeenCalledTimes(1);
    // Parsed once per content: a second read of it is served from what the first one checked, as a copy.
    const again = (await repository.load(created.purchase.id))!;
    again.purchase.lines.length = 0;
    expect((await repository.load(created.purchase.id))!.purchase.lines).toEqual([line]);
    expect(parse).toHaveBeenCalledTimes(1);

    await new PurchaseRepository(storage, () => []).load(created.purchase.id);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('still refuses content that fails the schema when it arrives under a new eTag', async () => {
    const created = await repository.create(draft(), rep);
    await storage.set(`purchases/${created.purchase.id}`, { ...created.purchase, status: 'shipped' }, created.eTag);
    await expect(repository.load(created.purchase.id)).rejects.toThrow(/status/);
  });
});
