import { partnerCenterError, type SandboxHttpError } from '../errors';

export interface AttestedLine {
  catalogItemId: string;
  attestationAccepted?: boolean | null;
  enforceAttestation: boolean;
  hasResellerParticipants: boolean;
}

/**
 * Checked at checkout / order creation, as error-codes.md lists them as request failures (400 900203,
 * 900206). A direct purchase (no reseller participants) without partnerOnRecordAttestationAccepted is
 * accepted: create-a-cart.md's direct-bill and NCE examples omit it and succeed; the attestation the
 * docs call "Required" is about attributing indirect resellers.
 */
export function attestationFailure(lines: AttestedLine[], partnerOnRecordAttestationAccepted: boolean | null | undefined): SandboxHttpError | undefined {
  const unattested = lines.find((line) => line.enforceAttestation && line.attestationAccepted !== true);
  if (unattested) {
    return partnerCenterError(400, 900203, `CatalogItemId: ${unattested.catalogItemId} requires attestation acceptance.`);
  }
  if (lines.some((line) => line.hasResellerParticipants) && partnerOnRecordAttestationAccepted !== true) {
    return partnerCenterError(400, 900206, 'Partner Attestation is missing');
  }
  return undefined;
}
