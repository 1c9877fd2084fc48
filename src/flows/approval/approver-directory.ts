import { z } from 'zod';
import type { VersionedStorage } from '../../store/storage';
import type { Actor } from '../ports';

const contactSchema = z.object({
  aadObjectId: z.string().min(1),
  /** The Teams user id (`29:…`) this bot sees for the approver. */
  userId: z.string().min(1),
  name: z.string(),
  tenantId: z.string(),
  seenAt: z.string(),
});

type Contact = z.infer<typeof contactSchema>;

export interface ApproverNames {
  known: string[];
  /** Approvers the bot has not met yet: only their Entra object id is configured. */
  unknown: number;
}

const keyFor = (aadObjectId: string) => `approvers/${encodeURIComponent(aadObjectId.toLowerCase())}`;

/** Teams shows a user-specific card automatically to at most 60 users listed in `refresh.userIds`. */
const MAX_REFRESH_USERS = 60;

/**
 * The Teams user ids of approvers, learnt from their own activities. `refresh.userIds` takes user MRIs
 * (`29:…`, unique per bot), not the Entra object ids APPROVER_IDS holds (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh" and "Who the user is"), and
 * an activity is the one place the bot sees both for the same person.
 */
export class ApproverDirectory {
  constructor(
    private readonly storage: VersionedStorage,
    private readonly now: () => Date,
  ) {}

  /** Records the approver's current Teams id; written only when it is new or changed. */
  async remember(actor: Actor): Promise<void> {
    if (!actor.userId) return;
    const key = keyFor(actor.aadObjectId);
    const known = contactSchema.safeParse((await this.storage.get(key))?.value);
    if (known.success && known.data.userId === actor.userId && known.data.name === actor.name) return;
    await this.storage.set(key, {
      aadObjectId: actor.aadObjectId.toLowerCase(), userId: actor.userId, name: actor.name, tenantId: actor.tenantId, seenAt: this.now().toISOString(),
    });
  }

  /** The Teams ids known for these approvers, at most MAX_REFRESH_USERS. */
  async teamsUserIds(aadObjectIds: Iterable<string>): Promise<string[]> {
    return (await this.contacts(aadObjectIds)).map((contact) => contact.userId).slice(0, MAX_REFRESH_USERS);
  }

  /**
   * The display names of these approvers as Teams last gave them, and how many of them the bot has not
   * met yet (APPROVER_IDS holds only Entra object ids, so their names are unknown until they use the bot).
   */
  async names(aadObjectIds: Iterable<string>): Promise<ApproverNames> {
    const ids = [...aadObjectIds];
    const known = (await this.contacts(ids)).map((contact) => contact.name).filter(Boolean);
    return { known, unknown: ids.length - known.length };
  }

  private async contacts(aadObjectIds: Iterable<string>): Promise<Contact[]> {
    const keys = [...aadObjectIds].map(keyFor);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys.flatMap((key) => {
      const contact = contactSchema.safeParse(items[key]);
      return contact.success ? [contact.data] : [];
    });
  }
}
