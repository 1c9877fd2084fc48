import { CheckedDocuments } from '../../store/checked-documents';
import { ETagConflictError } from '../../store/errors';
import type { StorageWrite, VersionedStorage } from '../../store/storage';
import type { AuditAction } from '../audit-actions';
import type { Actor } from '../ports';
import { canMove } from './transitions';
import { currentActivityId } from '../activity-context';
import { HANDLED_ACTIVITIES_KEPT, purchaseSchema, type Purchase } from './purchase';
import { isUnfinished, UnfinishedWork } from './unfinished-work';

/** A purchase with the eTag it was read with; writes must present that eTag (optimistic concurrency). */
export interface LoadedPurchase<P extends Purchase = Purchase> {
  purchase: P;
  eTag: string;
}

interface AuditEntry {
  action: AuditAction;
  actor: Actor;
  purchase: Purchase;
  outcome: string;
  details?: Record<string, unknown>;
}

/** What a save records about itself: the audit entry minus what the repository knows. */
type TransitionNote = Pick<AuditEntry, 'action' | 'actor' | 'details'>;

/** How every transition is recorded (who, when, what): writes that go with the purchase's own (the store's audit log in production). */
export type AuditSink = (entry: AuditEntry) => StorageWrite[];

class IllegalTransitionError extends Error {
  constructor(from: string, to: string) {
    super(`purchase cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

const purchaseKey = (id: string) => `purchases/${id}`;

/** Records the activity whose turn writes the purchase (see RedeliveryGuard). */
function withActivity<P extends Purchase>(purchase: P): P {
  const activityId = currentActivityId();
  if (!activityId) return purchase;
  const earlier = (purchase.handledActivities ?? []).filter((id) => id !== activityId);
  return { ...purchase, handledActivities: [...earlier, activityId].slice(-HANDLED_ACTIVITIES_KEPT) };
}
const sessionKey = (conversationId: string, aadObjectId: string) =>
  `sessions/${encodeURIComponent(conversationId)}/${encodeURIComponent(aadObjectId)}`;

/** A conditional write's result: the stored purchase (and its new version) when it won, the winner's when it lost. */
type SaveOutcome<P extends Purchase = Purchase> = { saved: true; purchase: P; loaded: LoadedPurchase<P> } | { saved: false; purchase: Purchase };

/**
 * Purchases and the per-person "current purchase" pointer. Every change is one conditional write with the
 * eTag that was read plus one audit record; a writer that lost the race gets ETagConflictError and must
 * reload, so two clicks can never both act.
 */
export class PurchaseRepository {
  private readonly unfinished: UnfinishedWork;
  private readonly checked = new CheckedDocuments((value) => purchaseSchema.parse(value));

  constructor(
    private readonly storage: VersionedStorage,
    private readonly audit: AuditSink,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.unfinished = new UnfinishedWork(storage, {
      allIds: () => this.listIds(),
      statusOf: async (id) => (await this.load(id))?.purchase.status,
    });
  }

  async create<P extends Purchase>(purchase: P, actor: Actor): Promise<LoadedPurchase<P>> {
    const value = withActivity(purchase);
    const stored = purchaseSchema.parse(value);
    if (isUnfinished(value.status)) await this.unfinished.mark(value.id);
    const eTag = await this.storage.create(purchaseKey(value.id), stored, this.audit({ action: 'purchase.created', actor, purchase: stored, outcome: stored.status }));
    this.checked.wrote(purchaseKey(value.id), eTag);
    return { purchase: value, eTag };
  }

  async load(id: string): Promise<LoadedPurchase | undefined> {
    const key = purchaseKey(id);
    const stored = await this.storage.get(key);
    if (!stored) return undefined;
    return { purchase: this.checked.read(key, stored), eTag: stored.eTag };
  }

  /**
   * Writes `next` over `current` if nobody changed it since it was read. The version goes up by one;
   * the status move must be allowed by the state machine.
   */
  async save<P extends Purchase>(current: LoadedPurchase, next: P, audit: TransitionNote): Promise<LoadedPurchase<P>> {
    if (!canMove(current.purchase.status, next.status)) throw new IllegalTransitionError(current.purchase.status, next.status);
    const value: P = { ...withActivity(next), version: current.purchase.version + 1, updatedAt: this.now().toISOString() };
    const stored = purchaseSchema.parse(value);
    const wasUnfinished = isUnfinished(current.purchase.status);
    if (isUnfinished(value.status) && !wasUnfinished) await this.unfinished.mark(value.id);
    const eTag = await this.storage.set(purchaseKey(value.id), stored, current.eTag, this.audit({ ...audit, purchase: stored, outcome: stored.status }));
    this.checked.wrote(purchaseKey(value.id), eTag);
    if (wasUnfinished && !isUnfinished(value.status)) await this.unfinished.clear(value.id);
    return { purchase: value, eTag };
  }

  /**
   * `save`, except that losing the race is an answer rather than an error: nothing is written and the
   * purchase comes back as the winner left it (or as it was read, if it has vanished since).
   */
  async saveOrReload<P extends Purchase>(
    current: LoadedPurchase,
    next: P,
    audit: TransitionNote,
  ): Promise<SaveOutcome<P>> {
    try {
      const loaded = await this.save(current, next, audit);
      return { saved: true, purchase: loaded.purchase, loaded };
    } catch (error) {
      if (!(error instanceof ETagConflictError)) throw error;
      const fresh = await this.load(current.purchase.id);
      return { saved: false, purchase: (fresh ?? current).purchase };
    }
  }

  /** Every purchase. */
  async listIds(): Promise<string[]> {
    const keys = await this.storage.list('purchases/');
    return keys.map((key) => key.slice('purchases/'.length));
  }

  /**
   * The purchases start-up must pick up (checking out, approved, outcome unknown) without reading every
   * purchase; a few may have finished since, so callers still check the status they load.
   */
  async listUnfinishedIds(): Promise<string[]> {
    return this.unfinished.ids();
  }

  async currentFor(conversationId: string, actor: Actor): Promise<string | undefined> {
    const stored = await this.storage.get(sessionKey(conversationId, actor.aadObjectId));
    const id = stored?.value.purchaseId;
    return typeof id === 'string' ? id : undefined;
  }

  async setCurrent(conversationId: string, actor: Actor, purchaseId: string): Promise<void> {
    await this.storage.set(sessionKey(conversationId, actor.aadObjectId), { purchaseId });
  }
}
