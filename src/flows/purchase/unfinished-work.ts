import type { VersionedStorage } from '../../store/storage';
import type { PurchaseStatus } from './purchase';

/** What a restart must pick up: a checkout in flight, an approval not yet ordered, an outcome still asked about. */
const UNFINISHED: ReadonlySet<PurchaseStatus> = new Set<PurchaseStatus>(['checking_out', 'approved', 'outcome_unknown']);

export function isUnfinished(status: PurchaseStatus): boolean {
  return UNFINISHED.has(status);
}

const MARK_PREFIX = 'purchase-work/';
/** Present once every unfinished purchase has its mark; a DATA_DIR from before the index is scanned once. */
const BUILT_KEY = 'purchase-work-index';

/** Every stored purchase id and its status, for the one-time build of the index. */
interface PurchaseScan {
  allIds(): Promise<string[]>;
  statusOf(id: string): Promise<PurchaseStatus | undefined>;
}

/**
 * The ids of unfinished purchases, one small document each, so start-up reads those instead of every
 * purchase. A mark is written before the purchase becomes unfinished and removed after it is finished:
 * a crash in between leaves a mark too many (start-up loads the purchase and skips it), never one too few.
 */
export class UnfinishedWork {
  private built?: Promise<void>;

  constructor(
    private readonly storage: VersionedStorage,
    private readonly scan: PurchaseScan,
  ) {}

  async mark(purchaseId: string): Promise<void> {
    await this.storage.set(`${MARK_PREFIX}${purchaseId}`, { purchaseId });
  }

  async clear(purchaseId: string): Promise<void> {
    await this.storage.delete([`${MARK_PREFIX}${purchaseId}`]);
  }

  /** The marked ids; some may name purchases finished since (the caller checks each status). */
  async ids(): Promise<string[]> {
    this.built ??= this.buildOnce();
    await this.built;
    const keys = await this.storage.list(MARK_PREFIX);
    return keys.map((key) => key.slice(MARK_PREFIX.length));
  }

  private async buildOnce(): Promise<void> {
    if (await this.storage.get(BUILT_KEY)) return;
    for (const id of await this.scan.allIds()) {
      const status = await this.scan.statusOf(id);
      if (status && isUnfinished(status)) await this.mark(id);
    }
    await this.storage.set(BUILT_KEY, { builtAt: new Date().toISOString() });
  }
}
