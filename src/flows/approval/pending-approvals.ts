import { z } from 'zod';
import type { VersionedStorage } from '../../store/storage';

const PREFIX = 'approvals/pending/';
const entrySchema = z.object({ purchaseId: z.string().min(1), requestedAt: z.string() });

/**
 * An index of purchases that may wait for an approver, so `pending` need not read every purchase. It is
 * a hint only: entries are added before the purchase moves to awaiting_approval and removed after the
 * decision, and readers check each purchase's own status, so a crash between the two writes leaves an
 * extra entry, never a missing one.
 */
export class PendingApprovals {
  constructor(private readonly storage: VersionedStorage) {}

  async add(purchaseId: string, requestedAt: string): Promise<void> {
    await this.storage.set(PREFIX + purchaseId, { purchaseId, requestedAt });
  }

  async remove(purchaseId: string): Promise<void> {
    await this.storage.delete([PREFIX + purchaseId]);
  }

  /** Purchase ids, oldest request first. */
  async purchaseIds(): Promise<string[]> {
    const keys = await this.storage.list(PREFIX);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys
      .flatMap((key) => {
        const entry = entrySchema.safeParse(items[key]);
        return entry.success ? [entry.data] : [];
      })
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
      .map((entry) => entry.purchaseId);
  }
}
