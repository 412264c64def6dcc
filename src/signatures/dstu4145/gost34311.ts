/**
 * GOST 34.311-95 hash (Ukraine's adoption of GOST R 34.11-94), the digest paired with
 * DSTU 4145 in Ukrainian CMS (digestAlgorithm 1.2.804.2.1.1.1.1.2.1).
 *
 * Computed by the `gost89` package with its default GOST 28147-89 S-box, the "DKE" table
 * of DSTU 4145 / ДСТУ ГОСТ 28147:2009 that Ukrainian CAs use (every real certificate in
 * the test data carries exactly this table as its DKE parameter; see DEFAULT_DKE) and the
 * all-zero starting vector. The output is returned as the hash produces it (the
 * little-endian convention the signature scheme expects — no byte reversal here).
 */

interface Gost89Module {
  gosthash(data: Uint8Array): Uint8Array;
}
interface Gost89Sbox {
  defaultSbox: Uint8Array;
  packSbox(sbox: Uint8Array): Uint8Array;
}

// gost89 ships no type declarations; a typed require keeps the `any` from spreading.
const gost89 = require('gost89') as Gost89Module;
const gost89Sbox = require('gost89/lib/dstu.js') as Gost89Sbox;

export const GOST34311_DIGEST_LENGTH = 32;

export function gost34311(data: Uint8Array): Uint8Array {
  // gost89 expects a Buffer (it concatenates and slices internally); wrap without copying.
  return Uint8Array.from(gost89.gosthash(Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
}

/**
 * The S-box the hash above uses, in the 64-byte packed form that DSTU 4145 key
 * parameters carry as `dke`. A key whose DKE differs needs a differently keyed hash,
 * which this module does not provide.
 */
export const DEFAULT_DKE: Uint8Array = Uint8Array.from(gost89Sbox.packSbox(gost89Sbox.defaultSbox));
