import { errorLogFields, formatErrorForUser, isPartnerCenterError } from '../../partner-center';
import type { Logger } from '../../logger';

/** A Partner Center read a click depends on: the value, or, when it failed, what to tell the rep. */
interface RepRead<T> {
  value?: T;
  /** Set when the read failed for another reason than "not found": the sentence with its code and correlation id. */
  failure?: string;
}

/**
 * Reads what a card named (a customer, a subscription). Not found is the rep's to fix (an id that is not,
 * or no longer, there) and leaves both fields empty; anything else (401, 429 after the retries, an
 * outage) is logged and comes back as a sentence for the rep, never as "pick again".
 */
export async function readForRep<T>(deps: { log: Logger }, locale: string, read: Promise<T>): Promise<RepRead<T>> {
  try {
    return { value: await read };
  } catch (error) {
    if (isPartnerCenterError(error) && error.kind === 'not_found') return {};
    deps.log.warn(errorLogFields(error), 'a Partner Center read for a click failed');
    return { failure: formatErrorForUser(error, locale) };
  }
}
