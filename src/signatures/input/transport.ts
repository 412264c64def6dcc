/**
 * The IIT / State Tax Service "transport" container that wraps CMS for e-reporting: a sequence of
 * blocks `LABEL NUL, uint32 little-endian length, payload`. `TRANSPORTABLE` carries `KEY=VALUE`
 * CRLF headers (EDRPOU, RCV_EMAIL, DOC_TYPE …), `UA1_SIGN` a CMS SignedData, `UA1_CRYPT` an
 * EnvelopedData, `CERTCRYPT` a certificate. Seen in jkurwa's test data (message.transport).
 */
export interface TransportContainer {
  headers: Record<string, string>;
  signedData?: Uint8Array;
  encrypted: boolean;
}

const LABELS = ['TRANSPORTABLE', 'UA1_SIGN', 'UA1_CRYPT', 'CERTCRYPT'];

export function looksLikeTransport(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  return LABELS.some((label) => head.startsWith(`${label}\0`));
}

export function readTransport(bytes: Uint8Array): TransportContainer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: TransportContainer = { headers: {}, encrypted: false };
  let pos = 0;
  while (pos < buf.length) {
    const nul = buf.indexOf(0, pos);
    if (nul < 0 || nul - pos > 32 || nul + 5 > buf.length) throw new Error('malformed transport container');
    const label = buf.toString('latin1', pos, nul);
    const length = buf.readUInt32LE(nul + 1);
    const start = nul + 5;
    if (start + length > buf.length) throw new Error('truncated transport container');
    const payload = bytes.subarray(start, start + length);
    pos = start + length;
    if (label === 'TRANSPORTABLE') {
      for (const line of Buffer.from(payload).toString('utf8').split(/\r?\n/)) {
        const eq = line.indexOf('=');
        if (eq > 0)
          out.headers[line.slice(0, eq).replace(/\0/g, '').trim()] = line
            .slice(eq + 1)
            .replace(/\0/g, '')
            .trim();
      }
    } else if (label === 'UA1_SIGN') {
      if (!out.signedData) out.signedData = payload;
    } else if (label === 'UA1_CRYPT') {
      out.encrypted = true;
    } else if (!LABELS.includes(label)) {
      throw new Error(`unknown transport block ${label}`);
    }
    // the header block ends with a NUL that is not part of the next label
    while (pos < buf.length && buf[pos] === 0) pos++;
  }
  return out;
}
