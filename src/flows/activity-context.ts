import { AsyncLocalStorage } from 'node:async_hooks';

const activity = new AsyncLocalStorage<string>();

/**
 * Runs a turn with its Teams activity id in context, so that every purchase it writes records the id
 * (PurchaseRepository) without each handler passing it down: the stored half of the redelivery guard.
 */
export function inActivity<T>(activityId: string, work: () => Promise<T>): Promise<T> {
  return activity.run(activityId, work);
}

export function currentActivityId(): string | undefined {
  return activity.getStore();
}
