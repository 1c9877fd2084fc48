import { randomUUID } from 'node:crypto';
import { PurchaseRepository } from '../../../src/flows/purchase/purchase-repository';
import { purchaseSchema, type Purchase, type PurchaseStatus } from '../../../src/flows/purchase/purchase';
import { createStorage } from '../../../src/store/create-storage';
import type { VersionedStorage } from '../../../src/store/storage';

const rep = { aadObjectId: 'rep-1', tenantId: 'partner-tenant', name: 'Rita Rep', userId: '29:rep-1' };
const note = { action: 'line.added' as const, actor: rep };

function purchase(status: PurchaseStatus): Purchase {
  const at = new Date().toISOString();
  return purchaseSchema.parse({
    id: randomUUID(), kind: 'cart', status, version: 0, owner: rep,
    conversation: { id: 'a:chat', type: 'personal', reference: {} },
    locale: 'en-US', correlationId: randomUUID(), lines: [], createdAt: at, updatedAt: at,
  });
}

describe('the index of unfinished purchases', () => {
  let storage: VersionedStorage;
  let repository: PurchaseRepository;
  beforeEach(async () => {
    storage = await createStorage({ kind: 'memory' });
    repository = new PurchaseRepository(storage, () => []);
  });

  it('lists a purchase from the moment it starts checking out until it is ordered, and no other', async () => {
    const priced = await repository.create(purchase('priced'), rep);
    await repository.create(purchase('draft'), rep);
    const checkingOut = await repository.save(priced, { ...priced.purchase, status: 'checking_out' }, note);
    expect(await repository.listUnfinishedIds()).toEqual([priced.purchase.id]);

    const unknown = await repository.save(checkingOut, { ...checkingOut.purchase, status: 'outcome_unknown' }, note);
    expect(await repository.listUnfinishedIds()).toEqual([priced.purchase.id]);

    await repository.save(unknown, { ...unknown.purchase, status: 'ordered' }, note);
    expect(await repository.listUnfinishedIds()).toEqual([]);
  });

  it('finds, on first use, the unfinished purchases stored before the index existed', async () => {
    const approved = purchase('approved');
    const ordered = purchase('ordered');
    await storage.create(`purchases/${approved.id}`, approved);
    await storage.create(`purchases/${ordered.id}`, ordered);

    expect(await repository.listUnfinishedIds()).toEqual([approved.id]);
    // A later process reads the marks, and the purchase moving on clears its mark there too.
    const next = new PurchaseRepository(storage, () => []);
    expect(await next.listUnfinishedIds()).toEqual([approved.id]);
    const loaded = (await next.load(approved.id))!;
    await next.save(loaded, { ...loaded.purchase, status: 'expired' }, note);
    expect(await next.listUnfinishedIds()).toEqual([]);
  });
});
