/** Object identifiers of DSTU 4145-2002 and GOST 34.311-95 in Ukrainian PKI (arc 1.2.804.2.1.1.1). */
import { NAMED_CURVE_OID_PREFIX } from './namedCurves';

export const DSTU4145_OIDS = {
  /** DSTU 4145 with GOST 34.311, polynomial basis, little-endian encodings — what real certificates use. */
  le: '1.2.804.2.1.1.1.1.3.1.1',
  /** The same algorithm with big-endian encodings (registered as …3.1.1.1.1 in UAPKI, BouncyCastle, OpenSSL engines). */
  be: '1.2.804.2.1.1.1.1.3.1.1.1.1',
  /**
   * Parent arc "DSTU 4145 with GOST 34.311". Not seen in the test data; accepted as a
   * big-endian algorithm identifier because the project brief names it so (unverified).
   */
  withGost34311: '1.2.804.2.1.1.1.1.3.1',
  /** Named curves are `${namedCurvePrefix}.N`, N = 0…9 for M163…M431. */
  namedCurvePrefix: NAMED_CURVE_OID_PREFIX,
  namedCurves: {
    M163: `${NAMED_CURVE_OID_PREFIX}.0`,
    M167: `${NAMED_CURVE_OID_PREFIX}.1`,
    M173: `${NAMED_CURVE_OID_PREFIX}.2`,
    M179: `${NAMED_CURVE_OID_PREFIX}.3`,
    M191: `${NAMED_CURVE_OID_PREFIX}.4`,
    M233: `${NAMED_CURVE_OID_PREFIX}.5`,
    M257: `${NAMED_CURVE_OID_PREFIX}.6`,
    M307: `${NAMED_CURVE_OID_PREFIX}.7`,
    M367: `${NAMED_CURVE_OID_PREFIX}.8`,
    M431: `${NAMED_CURVE_OID_PREFIX}.9`,
  },
  /** GOST 34.311-95 hash (the digestAlgorithm in CMS signed with DSTU 4145). */
  gost34311: '1.2.804.2.1.1.1.1.2.1',
} as const;

/** Byte order implied by a DSTU 4145 algorithm OID, or undefined if the OID is not one. */
export function byteOrderOfAlgorithm(oid: string): 'le' | 'be' | undefined {
  if (oid === DSTU4145_OIDS.le) return 'le';
  if (oid === DSTU4145_OIDS.be || oid === DSTU4145_OIDS.withGost34311) return 'be';
  return undefined;
}
