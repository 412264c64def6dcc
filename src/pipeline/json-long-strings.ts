import { randomBytes } from 'node:crypto';

/**
 * A body's long base64 strings (a file's `contentBase64`) set aside before its JSON is parsed
 * (src/pipeline/strict-json.ts parseJson). One Cyrillic letter anywhere in a body makes V8 keep the
 * body's whole text two bytes a character: a 35 MB body with a 25 MiB file was a 70 MB string
 * before JSON.parse made the file's 33 MB text of it again (issue 18, peak memory for a large file;
 * the СЕВ ОВВ decoder does the same for XML: connectors/sev-ovv/xml.ts xmlTextPieces). Here each
 * such string literal is replaced by a short marker in the text that is parsed, and the value gets
 * the literal's bytes back as a one-byte string: base64 is ASCII and needs no unescaping, so the
 * value is exactly what JSON.parse of the whole text would have made.
 */

/** A string literal of at least this many bytes, all of the base64 alphabet, is set aside. */
export const LONG_STRING_BYTES = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** The base64 alphabet (RFC 4648 §4) and its padding, by byte. */
const BASE64_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') BASE64_BYTE[c.charCodeAt(0)] = 1;

export interface LongStringsAside {
  /** The JSON text with each long string literal replaced by a marker literal. */
  text: string;
  /** Marker → the byte range [from, to) of the literal's content in the payload. */
  pieces: Map<string, [number, number]>;
}

/** The quote that ends the string literal whose content begins at `from` (not one escaped), or -1. */
function closingQuote(payload: Buffer, from: number): number {
  for (let at = payload.indexOf(QUOTE, from); at >= 0; at = payload.indexOf(QUOTE, at + 1)) {
    let slashes = 0;
    while (payload[at - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
  }
  return -1;
}

function allBase64(payload: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!BASE64_BYTE[payload[i]!]) return false;
  return true;
}

/** Whether the literal ending at `end` is an object's key (a colon follows). */
function isKey(payload: Buffer, end: number): boolean {
  let i = end + 1;
  while (payload[i] === 0x20 || payload[i] === 0x0a || payload[i] === 0x0d || payload[i] === 0x09) i++;
  return payload[i] === COLON;
}

/**
 * The text of a UTF-8 JSON payload with its long base64 string values set aside, or undefined when
 * it has none. Literals are followed quote to quote from the first one, as the JSON lexer reads
 * them; a payload that is not well-formed JSON stays not well-formed (a literal is replaced by a
 * literal), and the caller parses it whole for the parser's own error.
 */
export function setLongStringsAside(payload: Buffer): LongStringsAside | undefined {
  if (payload.length < LONG_STRING_BYTES) return undefined;
  const nonce = randomBytes(12).toString('base64url');
  const pieces = new Map<string, [number, number]>();
  const parts: string[] = [];
  let kept = 0;
  for (let open = payload.indexOf(QUOTE); open >= 0;) {
    const close = closingQuote(payload, open + 1);
    if (close < 0) break;
    if (close - open - 1 >= LONG_STRING_BYTES && allBase64(payload, open + 1, close) && !isKey(payload, close)) {
      const marker = `${nonce}.${pieces.size}`;
      // Cut at quotes, which are ASCII: no UTF-8 sequence is split.
      parts.push(payload.toString('utf8', kept, open), `"${marker}"`);
      pieces.set(marker, [open + 1, close]);
      kept = close + 1;
    }
    open = payload.indexOf(QUOTE, close + 1);
  }
  if (!pieces.size) return undefined;
  parts.push(payload.toString('utf8', kept));
  return { text: parts.join(''), pieces };
}

/**
 * Whether the caller takes a long string's bytes as they are (e.g. decodes a file straight from
 * them): then the value gets '' in its place, never the string. `holder[key]` is where it goes.
 */
export type TakeLongString = (holder: object, key: string, range: [number, number]) => boolean;

/**
 * The parsed value with each marker string replaced by its literal's content, or by '' where
 * `take` took the bytes (iterative: depth is bounded by the caller).
 */
export function putLongStringsBack(value: unknown, payload: Buffer, aside: LongStringsAside, take?: TakeLongString): unknown {
  if (typeof value === 'string') {
    const range = aside.pieces.get(value);
    return range ? payload.toString('latin1', range[0], range[1]) : value;
  }
  const stack: object[] = value !== null && typeof value === 'object' ? [value] : [];
  while (stack.length) {
    const o = stack.pop() as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (v !== null && typeof v === 'object') stack.push(v);
      else if (typeof v === 'string' && aside.pieces.has(v)) {
        const range = aside.pieces.get(v)!;
        const put = take?.(o, k, range) ? '' : payload.toString('latin1', range[0], range[1]);
        // Defined, not assigned: a key "__proto__" (JSON.parse makes it an own property) keeps its value.
        Object.defineProperty(o, k, { value: put, writable: true, enumerable: true, configurable: true });
      }
    }
  }
  return value;
}
