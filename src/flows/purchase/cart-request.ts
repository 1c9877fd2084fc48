import type { CartInput, CartLineItemInput, Participant } from '../../partner-center/schemas';
import type { DraftLine } from './purchase';

export interface Attestation {
  /** The partner-of-record attestation ticked on the confirmation card. */
  partnerOfRecord: boolean;
  /** The per-SKU attestation ticked for lines whose SKU enforces it. */
  lines: boolean;
}

/**
 * The exact Partner Center cart body for a set of lines. Pure: it cannot send anything, so the review's
 * "show request" preview and the real checkout are built by the same code (docs/architecture.md, rule 9).
 * Line `id`s are the line's index, as in every Partner Center sample.
 */
export function buildCartRequest(lines: DraftLine[], attestation?: Attestation): CartInput {
  const body: CartInput = { lineItems: lines.map((line, index) => lineItem(line, index, attestation)) };
  if (attestation) body.partnerOnRecordAttestationAccepted = attestation.partnerOfRecord;
  return body;
}

function lineItem(line: DraftLine, index: number, attestation: Attestation | undefined): CartLineItemInput {
  const item: CartLineItemInput = {
    id: index,
    catalogItemId: line.catalogItemId,
    quantity: line.quantity,
    billingCycle: line.billingCycle,
  };
  // Azure plan and perpetual software must not carry termDuration (create-a-cart, "Important").
  if (line.termDuration) item.termDuration = line.termDuration;
  if (line.friendlyName) item.friendlyName = line.friendlyName;
  if (line.promotionId) item.promotionId = line.promotionId;
  if (line.customTermEndDate) item.customTermEndDate = line.customTermEndDate;
  if (line.renewsToTermDuration) item.renewsTo = { termDuration: line.renewsToTermDuration };
  if (Object.keys(line.provisioningContext).length > 0) item.provisioningContext = { ...line.provisioningContext };
  const participants = participantsOf(line);
  if (participants.length > 0) item.participants = participants;
  if (line.attestationType && attestation) item.attestationAccepted = attestation.lines;
  return item;
}

function participantsOf(line: DraftLine): Participant[] {
  const participants: Participant[] = [];
  if (line.transactionReseller) participants.push({ key: 'transaction_reseller', value: line.transactionReseller });
  for (const id of line.additionalResellers) participants.push({ key: 'additional_transaction_reseller', value: id });
  return participants;
}
