import { Asn1Error, Tag, Tlv, children, expectUniversal, isUniversal, oidValue } from '../asn1/der';

/** AlgorithmIdentifier (RFC 5280 §4.1.1.2): the OID and the raw parameters, NULL treated as absent. */
export interface AlgorithmIdentifier {
  oid: string;
  params?: Uint8Array;
}

export function parseAlgorithmIdentifier(tlv: Tlv | undefined, what: string): AlgorithmIdentifier {
  const [oid, params] = children(expectUniversal(tlv, Tag.sequence, what));
  // An Asn1Error like every other malformed element, so callers can tell bad input from a bug (issue 14, fuzzing).
  if (!oid) throw new Asn1Error(`${what}: empty AlgorithmIdentifier`);
  const out: AlgorithmIdentifier = { oid: oidValue(oid) };
  if (params && !isUniversal(params, Tag.null)) out.params = params.raw;
  return out;
}
