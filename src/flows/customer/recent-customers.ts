import { z } from 'zod';
import type { VersionedStorage } from '../../store/storage';
import { customerRefSchema, type CustomerRef } from '../purchase/purchase';

/** A phone screen shows a handful of buttons without scrolling. */
const KEEP = 5;

const recentSchema = z.object({ customers: z.array(customerRefSchema).max(KEEP) });

/**
 * The customers a rep bought for or picked most recently, newest first: the first card of `add-on`
 * offers them as one-tap buttons. Kept per rep (Entra object id), not per conversation.
 */
export class RecentCustomers {
  constructor(private readonly storage: VersionedStorage) {}

  async list(aadObjectId: string): Promise<CustomerRef[]> {
    const stored = await this.storage.get(keyOf(aadObjectId));
    const parsed = recentSchema.safeParse(stored?.value);
    return parsed.success ? parsed.data.customers : [];
  }

  /** Last writer wins: losing one entry of a convenience list to a race is harmless. */
  async remember(aadObjectId: string, customer: CustomerRef): Promise<void> {
    const others = (await this.list(aadObjectId)).filter((c) => c.id.toLowerCase() !== customer.id.toLowerCase());
    await this.storage.set(keyOf(aadObjectId), { customers: [customer, ...others].slice(0, KEEP) });
  }
}

const keyOf = (aadObjectId: string) => `recent-customers/${encodeURIComponent(aadObjectId)}`;
