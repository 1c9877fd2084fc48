/** A Partner Center promotion id: PRODUCT:SKU:ID (get-promotions). */
export const PROMOTION_ID = /^[A-Z0-9]{4,20}:[A-Z0-9]{4}:[A-Z0-9]{4,20}$/i;
const PARTNER_ID = /^\d{1,12}$/;
/** Partner Center allows at most five additional_transaction_reseller participants (create-a-cart). */
const MAX_ADDITIONAL_RESELLERS = 5;

interface Resellers {
  transactionReseller?: string;
  additionalResellers: string[];
}

/**
 * The indirect reseller and the additional ones (EU/EFTA) as a rep types them: Partner IDs are numbers,
 * the additional ones comma- or space-separated, at most five. Undefined when any of it is unusable.
 */
export function parseResellers(transactionReseller: string, additionalText: string): Resellers | undefined {
  const additionalResellers = additionalText.split(/[,;\s]+/).filter((id) => id.length > 0);
  if ((transactionReseller && !PARTNER_ID.test(transactionReseller))
    || additionalResellers.length > MAX_ADDITIONAL_RESELLERS || additionalResellers.some((id) => !PARTNER_ID.test(id))) {
    return undefined;
  }
  return { ...(transactionReseller ? { transactionReseller } : {}), additionalResellers };
}
