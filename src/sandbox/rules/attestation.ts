import { partnerCenterError, type SandboxHttpError } from '../errors';

interface AttestedLine {
  catalogItemId: string;
  attestationAccepted?: boolean | null;
  enforceAttestation: boolean;
  hasResellerParticipants: boolean;
}

/**
 * Whose partner-of-record attestation is required.
 * - `every cart`: create-a-cart's property table marks PartnerOnRecordAttestationAccepted "Required: Yes —
 *   Confirms Attestation completion" for every cart, direct or indirect. Its samples create carts without
 *   it and get 201, so creation accepts a cart without it and checkout refuses it.
 * - `indirect orders`: the New-PartnerCustomerOrder examples place direct orders without it and succeed;
 *   the orders API asks for it when reseller partner ids are on record (create-an-order's indirect sample).
 */
type AttestationRule = 'every cart' | 'indirect orders';

/** Checked at checkout / order creation: error-codes.md lists 900203 and 900206 as request failures (400). */
export function attestationFailure(
  lines: AttestedLine[], partnerOnRecordAttestationAccepted: boolean | null | undefined, rule: AttestationRule,
): SandboxHttpError | undefined {
  const unattested = lines.find((line) => line.enforceAttestation && line.attestationAccepted !== true);
  if (unattested) {
    return partnerCenterError(400, 900203, `CatalogItemId: ${unattested.catalogItemId} requires attestation acceptance.`);
  }
  const required = rule === 'every cart' || lines.some((line) => line.hasResellerParticipants);
  if (required && partnerOnRecordAttestationAccepted !== true) {
    return partnerCenterError(400, 900206, 'Partner Attestation is missing');
  }
  return undefined;
}
