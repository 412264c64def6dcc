/**
 * Cache keys for byte strings (issue 16). A string made from the bytes to key a Map costs its
 * making and its hashing at every look-up; a small integer from the length and the last bytes is
 * the cheapest Map key, and an entry found by it is confirmed byte for byte (sameBytes), so a clash
 * of keys only replaces an entry. The last bytes are the distinctive ones in DER: a certificate's
 * or CRL's own signature, a serial number.
 */
export function bytesKey(bytes: Uint8Array, tail = 64): number {
  let key = bytes.length;
  for (let i = Math.max(0, bytes.length - tail); i < bytes.length; i++) key = (Math.imul(key, 31) + (bytes[i] as number)) | 0;
  return key & 0x3fffffff; // a small integer (Smi) on every platform
}

/** Byte-for-byte equality: a loop for the short strings keyed here, memcmp for longer ones. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.length > 64) return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
