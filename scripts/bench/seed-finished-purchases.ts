import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { purchaseSchema, type Purchase } from '../../src/flows/purchase/purchase';
import { PurchaseRepository } from '../../src/flows/purchase/purchase-repository';
import { createStorage } from '../../src/store/create-storage';
import { placeEveryJournal } from '../../src/store/embedded-backend';
import { mapBounded } from '../../src/store/map-bounded';

const optionsSchema = z.object({
  dataDir: z.string().min(1),
  count: z.coerce.number().int().positive().default(100_000),
});

const PARALLEL_WRITES = 64;

/** One in this many seeded purchases is a cart still open (a draft); the others are ordered. */
const OPEN_CART_EVERY = 50;

/** A purchase as the cart flow leaves it, for a DATA_DIR that looks like months of use: mostly ordered, a few drafts. */
function seededPurchase(index: number, at: string): Purchase {
  const rep = { aadObjectId: `rep-${index % 200}`, tenantId: 'bench-tenant', name: `Rep ${index % 200}`, userId: `29:rep-${index % 200}` };
  return purchaseSchema.parse({
    id: randomUUID(),
    kind: 'cart',
    status: index % OPEN_CART_EVERY === 0 ? 'draft' : 'ordered',
    version: 7,
    owner: rep,
    conversation: { id: `a:bench-${index % 200}`, type: 'personal', reference: {} },
    locale: 'en-US',
    correlationId: randomUUID(),
    customer: { id: randomUUID(), name: `Customer ${index}` },
    lines: [],
    createdAt: at,
    updatedAt: at,
  });
}

/** Fills an embedded DATA_DIR with `count` purchases (all but one in OPEN_CART_EVERY ordered) through the real storage. */
export async function seedFinishedPurchases(dataDir: string, count: number): Promise<string> {
  const storage = await createStorage({ kind: 'embedded', dataDir });
  const at = new Date().toISOString();
  const indexes = Array.from({ length: count }, (_, index) => index);
  await mapBounded(indexes, PARALLEL_WRITES, async (index) => {
    const purchase = seededPurchase(index, at);
    await storage.create(`purchases/${purchase.id}`, purchase);
  });
  // A DATA_DIR of months of use has its index of unfinished work; without it the first start scans every purchase.
  await new PurchaseRepository(storage, () => []).listUnfinishedIds();
  // As a bot that stopped cleanly leaves it: every document in its file, no journal for the timed start to adopt.
  await placeEveryJournal();
  return storage.describe();
}

/**
 * To time start-up on a DATA_DIR that looks like months of use (`npm run bench` does it with `--seeded`):
 * `tsx scripts/bench/seed-finished-purchases.ts --dataDir ./data-100k --count 100000`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dataDir: { type: 'string' }, count: { type: 'string' } } });
  const options = optionsSchema.parse(values);
  const where = await seedFinishedPurchases(options.dataDir, options.count);
  process.stderr.write(`${options.count} purchases (1 in ${OPEN_CART_EVERY} a draft, the others ordered) in ${where}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`seeding failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
