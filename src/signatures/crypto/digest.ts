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
  // Made when first needed: most verifications ask for one digest, as hex (matches below).
  private computed: Map<HashName, Uint8Array> | undefined;
  private hex: Map<HashName, string> | undefined;

  constructor(readonly data: Uint8Array) {}

  /**
   * Is the data's digest `expected`? The SHA family is compared as hex text: Node 20's one-shot hash
   * gives hex in 0.4 µs and a Buffer in 1.1 µs (the Buffer's allocation), a verification's largest
   * cost beside the signature itself on a small document (issue 16).
   */
  matches(hash: HashName, expected: Uint8Array): boolean {
    if (hash === 'gost34311' || this.computed?.has(hash)) return equalBytes(this.of(hash), expected);
    this.hex ??= new Map();
    let text = this.hex.get(hash);
    if (text === undefined) {
      text = oneShot(hash, this.data, 'hex');
      this.hex.set(hash, text);
    }
    return hexEquals(text, expected);
  }

  of(hash: HashName): Uint8Array {
    this.computed ??= new Map();
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

const HEX_DIGITS = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));

/** Lower-case hex text (as Node writes it) against bytes, without decoding either. */
export function hexEquals(hex: string, bytes: Uint8Array): boolean {
  if (hex.length !== 2 * bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (hex.charCodeAt(2 * i) !== HEX_DIGITS[b >> 4] || hex.charCodeAt(2 * i + 1) !== HEX_DIGITS[b & 15]) return false;
  }
  return true;
}
