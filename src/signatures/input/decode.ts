import { looksLikeTransport, readTransport } from './transport';

export type SignatureEncoding = 'DER' | 'PEM' | 'base64' | 'transport';

export interface DecodedSignature {
  der: Uint8Array;
  encoding: SignatureEncoding;
  /** Headers of a tax-office transport container, when the signature came in one. */
  transportHeaders?: Record<string, string>;
}

/** Why the bytes are not a signature container; reported as FORMAT_FAILURE. */
export class SignatureDecodeError extends Error {
  constructor(
    message: string,
    readonly messageUk: string,
  ) {
    super(message);
    this.name = 'SignatureDecodeError';
  }
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const BASE64_TEXT = /^[A-Za-z0-9+/=_\-\s]+$/;

/**
 * Accepts a CMS container as DER/BER (starts with a SEQUENCE tag), as PEM (`-----BEGIN PKCS7-----`,
 * `CMS`, `SIGNED DATA` …, RFC 7468), as bare base64 text, or inside a tax-office transport container.
 */
export function decodeSignature(input: Uint8Array): DecodedSignature {
  if (input.length === 0) throw new SignatureDecodeError('The signature is empty', 'Підпис порожній');
  // DER first: a transport container starts with a letter (its first block's label), never 0x30.
  if (input[0] === 0x30) return { der: input, encoding: 'DER' };
  if (looksLikeTransport(input)) return fromTransport(input);
  const text = Buffer.from(input)
    .toString('latin1')
    .replace(/^\uFEFF/, '');
  const pem = text.match(PEM_BLOCK);
  if (pem) return { der: base64Bytes(pem[2] as string), encoding: 'PEM' };
  const trimmed = text.trim();
  if (trimmed.length >= 16 && BASE64_TEXT.test(trimmed)) {
    const der = base64Bytes(trimmed);
    if (der[0] === 0x30) return { der, encoding: 'base64' };
    if (looksLikeTransport(der)) return { ...fromTransport(der), encoding: 'transport' };
  }
  throw new SignatureDecodeError(
    'The data is not a CMS signature (neither DER, PEM nor base64)',
    'Дані не є підписом CMS (ані DER, ані PEM, ані base64)',
  );
}

function fromTransport(bytes: Uint8Array): DecodedSignature {
  let container;
  try {
    container = readTransport(bytes);
  } catch (err) {
    throw new SignatureDecodeError(`Malformed transport container: ${(err as Error).message}`, 'Пошкоджений транспортний контейнер');
  }
  if (!container.signedData) {
    throw container.encrypted
      ? new SignatureDecodeError(
          'The transport container is encrypted; decrypt it first',
          'Транспортний контейнер зашифровано; спершу його слід розшифрувати',
        )
      : new SignatureDecodeError('The transport container holds no signature', 'Транспортний контейнер не містить підпису');
  }
  return { der: container.signedData, encoding: 'transport', transportHeaders: container.headers };
}

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  return new Uint8Array(Buffer.from(clean, 'base64'));
}
