import { isPartnerCenterError } from '../../partner-center';

/**
 * What a failed order placement (cart checkout, POST /orders, add-on PATCH) tells about the order:
 * - `refused`: Partner Center answered and did not order (a business rule, a missing cart, no access);
 * - `unknown`: no answer, or one that says the order exists or is still being placed — the order may
 *   well exist, so "nothing was bought" would be a lie.
 */
type PlacementOutcome = 'refused' | 'unknown';

/** No answer reached us: the request may have been processed (headers.md: retry with the same MS-RequestId). */
const UNANSWERED_KINDS = new Set(['network', 'timeout', 'transient', 'throttled', 'invalid_response']);

/**
 * 800060 "Your order is in progress. Check your order history … in few minutes"; 800065 "can't update an
 * already submitted cart" — for a cart of ours, it was ordered; 800064 "the cart is being checked out by
 * another request" — that request may belong to a process that is gone (a restart while Partner Center
 * was still processing its checkout), so nobody else may ever store the outcome. All mean: find the
 * order (the outcome resolver), not retry it now.
 */
const STILL_PLACING_OR_PLACED = new Set(['800060', '800064', '800065']);

export function placementOutcome(error: unknown): PlacementOutcome {
  if (!isPartnerCenterError(error)) return 'unknown';
  const code = String(error.code ?? '');
  if (STILL_PLACING_OR_PLACED.has(code)) return 'unknown';
  return UNANSWERED_KINDS.has(error.kind) ? 'unknown' : 'refused';
}
