import { Asn1Error, Tag, Tlv, children, expectUniversal, isUniversal, oidValue } from '../asn1/der';
import { bytesKey, sameBytes } from '../cache/bytes-key';
import { Lru } from '../cache/lru';

/** AlgorithmIdentifier (RFC 5280 §4.1.1.2): the OID and the raw parameters, NULL treated as absent. */
export interface AlgorithmIdentifier {
  oid: string;
  params?: Uint8Array;
}

/**
 * A signature names its digest and signature algorithms in the same few encodings: each is read
 * once (issue 16) and the same object given back, parameters copied (not a view into the input).
 * Callers only read it. A malformed one is not kept, so it fails the same way every time.
 */
export function parseAlgorithmIdentifier(tlv: Tlv | undefined, what: string): AlgorithmIdentifier {
  if (!tlv || tlv.raw.length > MAX_KEPT_BYTES) return readAlgorithmIdentifier(tlv, what);
  const raw = tlv.raw;
  const key = bytesKey(raw);
  const known = kept.get(key);
  if (known && sameBytes(known.bytes, raw)) return known.algorithm;
  const algorithm = readAlgorithmIdentifier(tlv, what);
  if (algorithm.params) algorithm.params = Uint8Array.from(algorithm.params);
  kept.set(key, { bytes: Uint8Array.from(raw), algorithm });
  return algorithm;
}

/** Real ones are a few dozen bytes (RSASSA-PSS parameters the longest); larger ones are read every time. */
const MAX_KEPT_BYTES = 256;
const kept = new Lru<number, { bytes: Uint8Array; algorithm: AlgorithmIdentifier }>(1024);

function readAlgorithmIdentifier(tlv: Tlv | undefined, what: string): AlgorithmIdentifier {
  const [oid, params] = children(expectUniversal(tlv, Tag.sequence, what));
  // An Asn1Error like every other malformed element, so callers can tell bad input from a bug (issue 14, fuzzing).
  if (!oid) throw new Asn1Error(`${what}: empty AlgorithmIdentifier`);
  const out: AlgorithmIdentifier = { oid: oidValue(oid) };
  if (params && !isUniversal(params, Tag.null)) out.params = params.raw;
  return out;
}
