import { CredentialStatus } from '../schema/types/organization.types';

interface Held {
  earnedOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
}

/**
 * A held certification on day `on`: active when earnedOn <= on <= expiresOn (or it never
 * expires) and not revoked by then. Revocation takes effect on its date.
 */
export function credentialStatus(held: Held, on: string): CredentialStatus {
  if (held.revokedOn !== null && held.revokedOn <= on) return CredentialStatus.REVOKED;
  if (held.earnedOn > on) return CredentialStatus.NOT_YET_EARNED;
  if (held.expiresOn !== null && held.expiresOn < on) return CredentialStatus.EXPIRED;
  return CredentialStatus.ACTIVE;
}
