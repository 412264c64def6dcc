import { hash as oneShot } from 'node:crypto';
import { gost34311 } from '../dstu4145';
import { OID } from '../oids';

/** Hash functions the verifier can compute: SHA family (FIPS 180-4) and GOST 34.311-95. */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'gost34311';

const BY_OID: Record<string, HashName> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.gost34311]: 'gost34311',
};

export function hashOfOid(oid: string): HashName | undefined {
  return BY_OID[oid];
}

export function digest(hash: HashName, data: Uint8Array): Uint8Array {
  if (hash === 'gost34311') return gost34311(data);
  return oneShot(hash, data, 'buffer');
}

/**
 * The digests of one byte string, each algorithm computed at most once. A verification needs
 * the content's digest for the messageDigest check and again for a content time-stamp's
 * imprint, usually with the same algorithm: a large document is then read once per algorithm,
 * not once per use. The bytes are not copied, so keep one of these to a single verification.
 */
export class Digests {
  private readonly computed = new Map<HashName, Uint8Array>();

  constructor(readonly data: Uint8Array) {}

  of(hash: HashName): Uint8Array {
    let value = this.computed.get(hash);
    if (value === undefined) {
      value = digest(hash, this.data);
      this.computed.set(hash, value);
    }
    return value;
  }
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  // views, not Buffer.from(a) copies
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
