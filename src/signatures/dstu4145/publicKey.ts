/**
 * DSTU 4145 SubjectPublicKeyInfo parsing (the Ukrainian certificate profile):
 *
 *   SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
 *   algorithm.parameters = DSTU4145Params ::= SEQUENCE {
 *       CHOICE { ecbinary DSTU4145ECBinary, namedCurve OBJECT IDENTIFIER },
 *       dke OCTET STRING OPTIONAL }               -- GOST 28147 S-box for the hash, exposed as key.dke
 *   DSTU4145ECBinary ::= SEQUENCE {
 *       version [0] EXPLICIT INTEGER DEFAULT 0,
 *       f  SEQUENCE { m INTEGER, CHOICE { k INTEGER, SEQUENCE { k1, k2, k3 INTEGER } } },
 *       a  INTEGER, b OCTET STRING, n INTEGER, bp OCTET STRING }   -- bp: compressed base point
 *   subjectPublicKey contains the DER of an OCTET STRING with the compressed point Q.
 *
 * b, bp and Q are little-endian under the LE algorithm OID and big-endian under the BE one.
 */
import { children, DerNode, expectTag, readBitStringOctets, readOid, readSingle, readSmallInteger, readUnsignedInteger, TAG } from './der';
import { Dstu4145Curve, makeCurve, makeCurveEquation } from './ellipticCurve';
import { multiply } from './scalarMultiplication';
import { bytesToBigIntBE, bytesToBigIntLE } from './encoding';
import { NAMED_CURVES, namedCurveByOid } from './namedCurves';
import { byteOrderOfAlgorithm } from './oids';
import { decompressPoint } from './pointCompression';

export interface Dstu4145PublicKey {
  curve: Dstu4145Curve;
  point: { x: bigint; y: bigint };
  /** Byte order of the key's algorithm OID (LE = 1.2.804.2.1.1.1.1.3.1.1). Default for verification. */
  littleEndian?: boolean;
  /**
   * The GOST 28147 S-box ("DKE") from the key parameters, if present. The hash must be keyed
   * with it: `gost34311(data, dke)`; by default it uses DEFAULT_DKE, which every real certificate
   * seen so far carries.
   */
  dke?: Uint8Array;
}

export function parseDstu4145PublicKey(spki: Uint8Array): Dstu4145PublicKey {
  const top = children(readSingle(spki, TAG.SEQUENCE));
  if (top.length !== 2) throw new Error('DSTU 4145 key: SubjectPublicKeyInfo must have two fields');
  const algorithm = children(expectTag(top[0]!, TAG.SEQUENCE));
  const algorithmOid = readOid(algorithm[0]!);
  const order = byteOrderOfAlgorithm(algorithmOid);
  if (order === undefined) throw new Error(`DSTU 4145 key: unsupported algorithm ${algorithmOid}`);
  const toBigInt = order === 'le' ? bytesToBigIntLE : bytesToBigIntBE;
  if (algorithm.length !== 2) throw new Error('DSTU 4145 key: missing curve parameters');
  const { curve, dke } = parseCurveParameters(algorithm[1]!, toBigInt);

  const keyOctets = readSingle(readBitStringOctets(top[1]!), TAG.OCTET_STRING).value;
  const point = decompressPoint(curve, toBigInt(keyOctets));
  // x = 0 is the point of order 2: never a key of the order-n subgroup.
  if (point == null || point.x === 0n) throw new Error('DSTU 4145 key: public key is not a valid curve point');
  const key: Dstu4145PublicKey = { curve, point, littleEndian: order === 'le' };
  if (dke !== undefined) key.dke = Uint8Array.from(dke);
  return key;
}

function parseCurveParameters(
  params: DerNode,
  toBigInt: (b: Uint8Array) => bigint,
): { curve: Dstu4145Curve; dke: Uint8Array | undefined } {
  const fields = children(expectTag(params, TAG.SEQUENCE));
  const choice = fields[0];
  if (choice === undefined || fields.length > 2) throw new Error('DSTU 4145 key: malformed DSTU4145Params');
  const dke = fields[1] === undefined ? undefined : expectTag(fields[1], TAG.OCTET_STRING).value;
  if (choice.tag === TAG.OID) {
    const oid = readOid(choice);
    const named = namedCurveByOid(oid);
    if (!named) throw new Error(`DSTU 4145 key: unknown named curve ${oid}`);
    return { curve: named, dke };
  }
  return { curve: parseExplicitCurve(choice, toBigInt), dke };
}

function parseExplicitCurve(node: DerNode, toBigInt: (b: Uint8Array) => bigint): Dstu4145Curve {
  let items = children(expectTag(node, TAG.SEQUENCE));
  if (items[0]?.tag === TAG.CONTEXT_0) {
    const version = readUnsignedInteger(readSingle(items[0].value));
    if (version !== 0n) throw new Error(`DSTU 4145 key: unsupported ECBinary version ${version}`);
    items = items.slice(1);
  }
  if (items.length !== 5) throw new Error('DSTU 4145 key: malformed DSTU4145ECBinary');
  const [fieldNode, aNode, bNode, nNode, bpNode] = items as [DerNode, DerNode, DerNode, DerNode, DerNode];

  const fieldItems = children(expectTag(fieldNode, TAG.SEQUENCE));
  if (fieldItems.length !== 2) throw new Error('DSTU 4145 key: malformed binary field (ONB is not supported)');
  const m = readSmallInteger(fieldItems[0]!);
  const poly = fieldItems[1]!;
  const k = poly.tag === TAG.SEQUENCE ? children(poly).map(readSmallInteger) : [readSmallInteger(poly)];

  const a = readUnsignedInteger(aNode);
  const b = toBigInt(expectTag(bNode, TAG.OCTET_STRING).value);
  const n = readUnsignedInteger(nNode);
  const compressedBase = toBigInt(expectTag(bpNode, TAG.OCTET_STRING).value);

  const equation = makeCurveEquation({ m, k, a, b, n });
  const base = decompressPoint(equation, compressedBase);
  if (base == null || base.x === 0n) throw new Error('DSTU 4145 key: invalid base point');

  // Most explicit parameters are just a named curve spelled out (Diia's certificates carry M257
  // this way): reuse the named instance so it is recognisable and shares any caches.
  const same = Object.values(NAMED_CURVES).find(
    (c) =>
      c.field.m === m &&
      c.field.middleExponents.join() === [...k].sort((x, y) => x - y).join() &&
      c.a === a && c.b === b && c.n === n && c.base.x === base.x && c.base.y === base.y,
  );
  if (same) return same;

  const curve = makeCurve({ name: 'explicit', m, k, a, b, n, base });
  // An unknown curve gets the order check on its base point (the standard's parameter checks ask n·P = O).
  if (multiply(curve, n, base) !== null) throw new Error('DSTU 4145 key: base point does not have order n');
  return curve;
}
