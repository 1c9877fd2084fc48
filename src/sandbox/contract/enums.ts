import { z } from 'zod';
import { failWithCode } from './partner-center-issue';

/**
 * BillingCycleType members a purchase can name, in the wire's "js-case" (`OneTime` → `one_time`).
 * `unknown` (0) exists in the enum but buys nothing, so a request naming it is refused like any typo.
 */
const BILLING_CYCLES = ['monthly', 'annual', 'triennial', 'biennial', 'one_time', 'none'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

const PARTICIPANT_KEYS = ['transaction_reseller', 'additional_transaction_reseller', 'consumption_reseller'] as const;
export type ParticipantKey = (typeof PARTICIPANT_KEYS)[number];

/**
 * Enum values are matched ignoring case and the js-case underscores: the service's converter turns
 * `one_time` into the member name `OneTime` and parses that case-insensitively, which is why the
 * new-commerce sample's "Monthly" and the REST samples' "monthly" / "one_time" all bind.
 */
export function matchEnum<T extends string>(members: readonly T[], raw: string): T | undefined {
  const wanted = raw.replace(/_/g, '').toLowerCase();
  return members.find((member) => member.replace(/_/g, '') === wanted);
}

function enumSchema<T extends string>(members: readonly T[], typeName: string) {
  return z.string().transform((raw, ctx): T => {
    const found = matchEnum(members, raw.trim());
    if (found) return found;
    // error-codes.md: 400 900126 "Unable to parse enum: {0}"; the value is never coerced to `unknown`.
    failWithCode(ctx, 900126, `Unable to parse enum: '${raw}' is not a valid ${typeName}.`);
    return z.NEVER;
  });
}

export const billingCycleSchema = enumSchema(BILLING_CYCLES, 'BillingCycleType');
export const participantKeySchema = enumSchema(PARTICIPANT_KEYS, 'ParticipantType');

/**
 * ISO-8601 terms as the catalog's terms[].duration spells them (P1M, P1Y, P3Y). The designators are
 * matched ignoring case and answered upper-case; anything else is 900268 "The term duration … is invalid".
 */
export const termDurationSchema = z.string().transform((raw, ctx) => {
  const found = /^P(\d+)([MY])$/i.exec(raw.trim());
  if (found) return `P${found[1]}${found[2]?.toUpperCase()}`;
  failWithCode(ctx, 900268, `The term duration '${raw}' is invalid.`);
  return z.NEVER;
});

/** Availability terms[].billingCycle is capitalised on the wire ("Annual"); the cart's is js-case. */
export function billingCycleOfTerm(termBillingCycle: string): BillingCycle {
  const found = matchEnum(BILLING_CYCLES, termBillingCycle);
  if (!found) throw new Error(`catalog fixture has an unknown term billing cycle: ${termBillingCycle}`);
  return found;
}
