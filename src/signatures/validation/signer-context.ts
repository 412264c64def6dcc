import { CmsSignedData } from '../cms/signed-data';
import { CertificatePool } from '../trust/certificate-pool';
import { TrustStore } from '../trust/trust-store';
import { ParsedCrl } from '../x509/crl';
import { ParsedCertificate } from '../x509/certificate';
import { CarriedObjects, ValidatedChain } from './chain-cache';

/** How missing revocation data is treated: skipped with a note, or INDETERMINATE/TRY_LATER. */
export type RevocationPolicy = 'ifAvailable' | 'require';

/** Everything shared by the signers of one SignedData. */
export interface SignerContext {
  signedData: CmsSignedData;
  /** Attached eContent, else the detached content supplied by the caller. */
  content?: Uint8Array;
  /** Certificates of the signature on top of the trust store's. */
  pool: CertificatePool;
  trust: TrustStore;
  /** The trust store's CRLs plus those inside the signature. */
  crls: ParsedCrl[];
  /** What the signature carries on top of the trust store, as the validated-chain cache keys it. */
  carried: CarriedObjects;
  /** The signing certificate's validated chain with these trust store and carried objects (carried-cache.ts). */
  chainOf(cert: ParsedCertificate): ValidatedChain;
  validationTime: Date;
  revocationPolicy: RevocationPolicy;
}
