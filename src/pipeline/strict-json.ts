import { isUtf8 } from 'node:buffer';
import { HubError } from '../errors';
import { putLongStringsBack, setLongStringsAside, type TakeLongString } from './json-long-strings';

/**
 * The one place bodies are decoded from bytes (issue 14, "500s from bad input", "silently altered
 * input"): every JSON body of every door — POST /api/v1/documents, the other HTTP bodies
 * (src/api/hostile.ts), AMQP messages (the `json` decoder, src/pipeline/decoders.ts) — goes through
 * parseJson. What PostgreSQL cannot store or what would be changed silently is refused with a
 * stable code, never replaced:
 * - bytes that are not UTF-8: INVALID_ENCODING (Buffer#toString would put U+FFFD in their place);
 * - nesting deeper than MAX_JSON_DEPTH: JSON_TOO_DEEP, found by a scan of the text before anything
 *   parses or walks it;
 * - U+0000 in any string or key: NUL_CHARACTER (text and jsonb cannot hold it: a 500 before);
 * - a lone UTF-16 surrogate (`"\ud800"`): LONE_SURROGATE (stored as U+FFFD before).
 */
export const MAX_JSON_DEPTH = 64;

/** U+0000, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const HOSTILE_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = 'NUL_CHARACTER' | 'LONE_SURROGATE';

/** What in this text cannot be kept as sent, if anything. */
export function textProblem(s: string): { code: TextProblem; index: number } | undefined {
  const m = HOSTILE_CHAR.exec(s);
  if (!m) return undefined;
  return { code: m[0] === '\u0000' ? 'NUL_CHARACTER' : 'LONE_SURROGATE', index: m.index };
}

/** A piece of input made printable for an error's details (never itself NUL or a lone surrogate). */
export function printable(s: string, max = 64): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return cut.replace(new RegExp(HOSTILE_CHAR.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The error for a text with a problem; `where` says which field or parameter (details). */
export function textError(problem: { code: TextProblem; index: number }, where: Record<string, unknown>): HubError {
  return HubError.of(problem.code, { ...where, index: problem.index });
}

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function invalidUtf8Offset(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    let n: number;
    let min: number;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** The bytes as UTF-8 text, exactly: anything else is INVALID_ENCODING, never U+FFFD. */
export function decodeUtf8(payload: Buffer): string {
  if (!isUtf8(payload)) throw HubError.of('INVALID_ENCODING', { offset: invalidUtf8Offset(payload) });
  return payload.toString('utf8');
}

/** Offset in the JSON text where nesting first exceeds `max` ({ and [ outside strings), or -1. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/**
 * What the JSON parser said, without the excerpt of the body V8 quotes («Unexpected token 'П',
 * "Прошу відр"... is not valid JSON»): the quarantine item is shown to every role that sees
 * quarantine, and a citizen's letter begins with their name. Position messages quote no data.
 */
export function jsonParserProblem(message: string): string {
  return /is not valid JSON$/.test(message) ? 'Unexpected token: the body is not valid JSON' : message;
}

const pointerSegment = (key: string | number): string => printable(String(key)).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every string and key of a decoded value is one that can be stored as sent: NUL_CHARACTER or
 * LONE_SURROGATE naming the JSON pointer otherwise, JSON_TOO_DEEP past `maxDepth`. Iterative, so
 * a decoder's deep output cannot overflow the stack either.
 */
export function assertStorableValue(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  type Item = { v: unknown; parent?: Item; key?: string | number; depth: number };
  const pathOf = (item: Item, last?: string | number): string => {
    const parts: Array<string | number> = last === undefined ? [] : [last];
    for (let it: Item | undefined = item; it && it.key !== undefined; it = it.parent) parts.unshift(it.key);
    return parts.length ? `/${parts.map(pointerSegment).join('/')}` : '/';
  };
  const stack: Item[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const item = stack.pop() as Item;
    const v = item.v;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) throw textError(problem, { path: pathOf(item) });
    } else if (v && typeof v === 'object') {
      if (item.depth >= maxDepth) throw HubError.of('JSON_TOO_DEEP', { maxDepth, path: pathOf(item) });
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], parent: item, key: i, depth: item.depth + 1 });
      } else if (!Buffer.isBuffer(v) && !(v instanceof Date)) {
        for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
          const problem = textProblem(k);
          if (problem) throw textError(problem, { path: pathOf(item, k), in: 'key' });
          stack.push({ v: child, parent: item, key: k, depth: item.depth + 1 });
        }
      }
    }
  }
}

/**
 * JSON bytes → value, or a HubError with a stable code: INVALID_ENCODING, JSON_TOO_DEEP (checked
 * on the text before parsing), INVALID_JSON, NUL_CHARACTER, LONE_SURROGATE. A long base64 string
 * that `take` takes as bytes is '' in the value (src/pipeline/json-long-strings.ts).
 */
export function parseJson(payload: Buffer, maxDepth = MAX_JSON_DEPTH, take?: TakeLongString): unknown {
  if (!isUtf8(payload)) throw HubError.of('INVALID_ENCODING', { offset: invalidUtf8Offset(payload) });
  // A large body's files set aside as bytes (json-long-strings.ts); anything amiss with the rest
  // and the whole text is parsed below, for the parser's own error at its own offset.
  const aside = setLongStringsAside(payload);
  if (aside && tooDeepAt(aside.text, maxDepth) < 0) {
    let parsed: { value: unknown } | undefined;
    try {
      parsed = { value: JSON.parse(aside.text) };
    } catch {
      parsed = undefined;
    }
    if (parsed) {
      const value = putLongStringsBack(parsed.value, payload, aside, take);
      assertStorableValue(value, maxDepth);
      return value;
    }
  }
  const text = decodeUtf8(payload);
  const deepAt = tooDeepAt(text, maxDepth);
  if (deepAt >= 0) throw HubError.of('JSON_TOO_DEEP', { maxDepth, offset: deepAt });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw HubError.of('INVALID_JSON', { parser: jsonParserProblem((err as Error).message) });
  }
  assertStorableValue(value, maxDepth);
  return value;
}

/** The codes parseJson answers for what is hostile rather than merely malformed. */
export const HOSTILE_CODES: ReadonlySet<string> = new Set(['INVALID_ENCODING', 'JSON_TOO_DEEP', 'NUL_CHARACTER', 'LONE_SURROGATE']);
