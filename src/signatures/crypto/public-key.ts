import { KeyObject, createPublicKey } from 'node:crypto';
import { DEFAULT_DKE, Dstu4145PublicKey, parseDstu4145PublicKey } from '../dstu4145';
import { OID } from '../oids';
import { parseTlv, children, oidValue } from '../asn1/der';
import { equalBytes } from './digest';

/** A public key ready for verification, with the facts the algorithm policy needs. */
export type PublicKeyHandle =
  | { kind: 'rsa'; key: KeyObject; bits: number; pss: boolean }
  | { kind: 'ec'; key: KeyObject; curve: string }
  | { kind: 'dstu4145'; key: Dstu4145PublicKey; fieldBits: number; curve: string; defaultDke: boolean };

const cache = new WeakMap<Uint8Array, PublicKeyHandle>();

/**
 * Imports a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): RSA, RSA-PSS and EC through Node's
 * crypto (OpenSSL), DSTU 4145 through the sibling module. Cached per SPKI buffer.
 * Throws when the key cannot be imported.
 */
export function importPublicKey(spki: Uint8Array): PublicKeyHandle {
  const hit = cache.get(spki);
  if (hit) return hit;
  const algorithm = spkiAlgorithm(spki);
  let handle: PublicKeyHandle;
  if (algorithm.startsWith('1.2.804.2.1.1.1.1.3.1.')) {
    const key = parseDstu4145PublicKey(spki);
    handle = {
      kind: 'dstu4145',
      key,
      fieldBits: key.curve.field.m,
      curve: key.curve.name,
      defaultDke: key.dke === undefined || equalBytes(key.dke, DEFAULT_DKE),
    };
  } else {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
      handle = { kind: 'rsa', key, bits: details.modulusLength ?? 0, pss: key.asymmetricKeyType === 'rsa-pss' };
    } else if (key.asymmetricKeyType === 'ec') {
      handle = { kind: 'ec', key, curve: details.namedCurve ?? 'unknown' };
    } else {
      throw new Error(`unsupported public key type ${key.asymmetricKeyType ?? algorithm}`);
    }
  }
  cache.set(spki, handle);
  return handle;
}

export function spkiAlgorithm(spki: Uint8Array): string {
  const [alg] = children(parseTlv(spki));
  const [oid] = alg ? children(alg) : [];
  if (!oid) throw new Error('SubjectPublicKeyInfo without algorithm');
  return oidValue(oid);
}

/** Human-readable key description for messages: "RSA-2048", "ECDSA P-256", "DSTU 4145 M257". */
export function describeKey(handle: PublicKeyHandle): string {
  // Four messages of every report name the key: written once per key (issue 16).
  let text = descriptions.get(handle);
  if (text === undefined) descriptions.set(handle, (text = describe(handle)));
  return text;
}

const descriptions = new WeakMap<PublicKeyHandle, string>();

function describe(handle: PublicKeyHandle): string {
  switch (handle.kind) {
    case 'rsa':
      return `${handle.pss ? 'RSA-PSS' : 'RSA'}-${handle.bits}`;
    case 'ec':
      return `ECDSA ${EC_CURVE_NAMES[handle.curve] ?? handle.curve}`;
    case 'dstu4145':
      return `DSTU 4145 ${handle.curve === 'explicit' ? `GF(2^${handle.fieldBits})` : handle.curve}`;
  }
}

export const EC_CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  [OID.p256]: 'P-256',
};
