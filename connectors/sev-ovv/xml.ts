import { randomBytes } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { Parser } from 'xml2js';
import type { HubError } from '../../src/errors';
import { sevOvvError } from './errors';

/**
 * One XML element with its path, e.g. /Header/TaskList/Task[2]/Executor. Built from xml2js's
 * output so the rest of the connector never touches raw xml2js objects (whose element names may
 * collide with Object.prototype members such as `constructor`).
 */
export interface XmlElement {
  name: string;
  path: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

export function childrenOf(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function childOf(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Why the bytes are not a message, in English and Ukrainian (the parser's own words stay in the English). */
function malformed(reason: string, reasonUk: string): HubError {
  return sevOvvError('SEV_OVV_MALFORMED_XML', { reason, reasonUk });
}

/** The XML declaration's encoding="…", read from the ASCII-compatible start of the bytes. */
function declaredEncoding(payload: Buffer): string | undefined {
  const head = payload.subarray(0, 200).toString('latin1');
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/**
 * The decoder XML 1.0 appendix F asks for: a BOM wins, then the declared encoding, else UTF-8. The
 * exchange uses UTF-8 (Header@charset, samples with and without a BOM); a windows-1251 message from
 * an older system is still read correctly instead of being garbled.
 */
function textDecoderFor(payload: Buffer): TextDecoder {
  if (payload.length === 0) throw malformed('the message is empty', 'повідомлення порожнє');
  let label = 'utf-8';
  if (payload[0] === 0xff && payload[1] === 0xfe) label = 'utf-16le';
  else if (payload[0] === 0xfe && payload[1] === 0xff) label = 'utf-16be';
  else if (!(payload[0] === 0xef && payload[1] === 0xbb && payload[2] === 0xbf)) label = declaredEncoding(payload) ?? 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw malformed(`unsupported encoding "${label}"`, `непідтримуване кодування «${label}»`);
  }
}

/** Characters of base64 text and the white space a message may wrap it with (RFC 4648 §4, XML S). */
const BASE64_TEXT = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n') BASE64_TEXT[c.charCodeAt(0)] = 1;

/** A text node this long or longer, all base64, is kept as a string of its own (see xmlTextPieces). */
export const LONG_TEXT_BYTES = 64 * 1024;

/**
 * The message's text in pieces whose concatenation is its text: a UTF-8 message's long base64
 * text nodes (an attachment's content, from a `>` to the next `<`, at least `longText` bytes) as
 * strings of their own, decoded as the ASCII they are, and the rest as the decoder reads it.
 * Why: V8 keeps a string one byte a character only if every character fits, and the Header's
 * Cyrillic made the whole 35 MB of a message with a 25 MiB attachment one 70 MB two-byte string;
 * in pieces the attachment's text is 33 MB and the rest a few kilobytes (issue 18, "peak RSS").
 * The pieces so cut are the odd ones; they hold no markup (`<`, `>`, quotes, `-`, `]`), so the shape
 * check of the even ones is the shape check of the whole. Any other encoding: one piece, as before.
 */
export function xmlTextPieces(payload: Buffer, longText = LONG_TEXT_BYTES): string[] {
  const decoder = textDecoderFor(payload);
  const invalid = () => malformed(`the bytes are not valid ${decoder.encoding}`, `вміст не є коректним текстом у кодуванні ${decoder.encoding}`);
  const pieces: string[] = [];
  try {
    if (decoder.encoding !== 'utf-8' || payload.length < longText) return [decoder.decode(payload)];
    let from = 0;
    for (let gt = payload.indexOf(0x3e); gt >= 0; gt = payload.indexOf(0x3e, gt + 1)) {
      let end = gt + 1;
      while (end < payload.length && BASE64_TEXT[payload[end]!]) end++;
      if (end - (gt + 1) < longText || payload[end] !== 0x3c) continue;
      // streamed: the decoder checks UTF-8 across pieces and drops a BOM only at the very start
      pieces.push(decoder.decode(payload.subarray(from, gt + 1), { stream: true }), payload.toString('latin1', gt + 1, end));
      from = end;
      gt = end - 1;
    }
    pieces.push(decoder.decode(payload.subarray(from)));
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SEV_OVV_MALFORMED_XML') throw err;
    throw invalid();
  }
  return pieces;
}

type Raw = Record<string, unknown>;

function isRawElement(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own<T>(obj: Raw, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] as T) : undefined;
}

function toElement(name: string, raw: Raw, path: string): XmlElement {
  const attrs: Record<string, string> = Object.create(null);
  const rawAttrs = own<Raw>(raw, '$');
  if (rawAttrs) for (const [k, v] of Object.entries(rawAttrs)) if (typeof v === 'string') attrs[k] = v;
  const rawText = own<unknown>(raw, '_');
  const children: XmlElement[] = [];
  for (const key of Object.keys(raw)) {
    if (key === '$' || key === '_') continue;
    const items = (own<unknown[]>(raw, key) ?? []).filter(isRawElement);
    items.forEach((item, i) => children.push(toElement(key, item, `${path}/${key}${items.length > 1 ? `[${i + 1}]` : ''}`)));
  }
  return { name, path, attrs, text: typeof rawText === 'string' ? rawText : '', children };
}

/**
 * A 1207 message is a few levels deep (Header, Document, TaskList, Task, Executor …) and holds
 * hundreds of elements at most; its attachments are base64 text, not elements. A message nested
 * 20,000 deep, or one of 900,000 elements, took the hub to 1.8-3.2 GB (each element keeps its
 * path) or past the stack (issue 14): its shape is checked on the text before anything is built.
 */
export const MAX_XML_DEPTH = 64;
export const MAX_XML_ELEMENTS = 100_000;

/** One linear pass over the markup: start tags (outside comments, CDATA, declarations and quoted attribute values) and end tags. */
export function checkXmlShape(text: string): void {
  let depth = 0;
  let elements = 0;
  const after = (from: number, end: string): number => {
    const at = text.indexOf(end, from);
    return at < 0 ? text.length : at + end.length;
  };
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i)) {
    const next = text[i + 1];
    if (text.startsWith('<!--', i)) i = after(i + 4, '-->');
    else if (text.startsWith('<![CDATA[', i)) i = after(i + 9, ']]>');
    else if (next === '?' || next === '!') i = after(i + 2, '>');
    else if (next === '/') {
      depth--;
      i = after(i + 2, '>');
    } else {
      let j = i + 1;
      let quote: string | undefined;
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (++elements > MAX_XML_ELEMENTS) throw malformed(`more than ${MAX_XML_ELEMENTS} elements`, `понад ${MAX_XML_ELEMENTS} елементів`);
      if (text[j - 1] !== '/' && ++depth > MAX_XML_DEPTH) throw malformed(`nested deeper than ${MAX_XML_DEPTH} elements`, `вкладеність понад ${MAX_XML_DEPTH} елементів`);
      i = j + 1;
    }
  }
}

/**
 * xml2js over the pieces one after another: its sax parser is a streaming one, so each piece is
 * read as it is. A long base64 text node (an odd piece) is not read at all: sax is given a short
 * mark in its place and the node gets the piece itself afterwards, one byte a character. sax reads
 * text a character at a time, ~20 ms for ДС1's 1.46 MB document and ~0.5 s for a 25 MiB file (issue
 * 18); base64 holds nothing it would turn into something else (no `&`, no `<`). A piece of white
 * space only is read as before (xml2js drops such text).
 */
function parsePieces(pieces: string[]): unknown {
  if (pieces.every((p) => p.trim() === '')) return null;
  const parser = new Parser({
    explicitArray: true,
    explicitCharkey: true,
    attrkey: '$',
    charkey: '_',
    emptyTag: () => ({}),
    async: false,
  });
  let result: unknown;
  parser.on('end', (r: unknown) => (result = r));
  // Thrown out of sax's write at the first error: xml2js would resume it, and a message that is
  // wrong early (an end tag missing, then 256 KB of elements) made thousands of errors, 0.7 s.
  parser.on('error', (err: unknown) => {
    throw err;
  });
  const sax = (parser as unknown as { saxParser: { write(s: string): unknown; close(): unknown } }).saxParser;
  const prefix = `dilovod${randomBytes(12).toString('hex')}piece`;
  const marked = new Map<string, string>();
  pieces.forEach((piece, i) => {
    if (i % 2 === 0 || !/\S/.test(piece)) return void sax.write(piece);
    const mark = `${prefix}${i}`;
    marked.set(mark, piece);
    sax.write(mark);
  });
  sax.close();
  if (marked.size) putPiecesBack(result, prefix, marked);
  return result;
}

/**
 * Each mark in a text node (parsePieces) replaced by its piece: the whole node as a rule. A mark
 * not found so was part of a CDATA section, which xml2js joins with what surrounds it: only then
 * are texts searched for marks (a regular expression over every text, a 1.46 MB one among them,
 * is work a message without CDATA never needs).
 */
function putPiecesBack(result: unknown, prefix: string, marked: Map<string, string>): void {
  const texts: Array<Record<string, unknown>> = [];
  const stack: unknown[] = [result];
  let found = 0;
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isRawElement(v)) {
      const text = own<unknown>(v, '_');
      const piece = typeof text === 'string' ? marked.get(text) : undefined;
      if (piece !== undefined) {
        v._ = piece;
        found++;
      } else if (typeof text === 'string') texts.push(v);
      for (const key of Object.keys(v)) if (key !== '_' && key !== '$') stack.push(v[key]);
    }
  }
  if (found === marked.size) return;
  const mark = new RegExp(`${prefix}\\d+`, 'g');
  for (const v of texts) {
    const text = v._ as string;
    if (text.includes(prefix)) v._ = text.replace(mark, (m) => marked.get(m) ?? m);
  }
}

/** Parses a whole message into its root element; anything that is not well-formed XML is SEV_OVV_MALFORMED_XML. */
export async function parseXml(payload: Buffer): Promise<XmlElement> {
  const pieces = xmlTextPieces(payload);
  checkXmlShape(pieces.filter((_, i) => i % 2 === 0).join('')); // the odd ones are base64 text (xmlTextPieces)
  let result: unknown;
  try {
    result = parsePieces(pieces);
  } catch (err) {
    const reason = String((err as Error).message ?? err).split('\n').join('; ');
    throw malformed(reason, `XML не вдається розібрати (${reason})`);
  }
  if (!isRawElement(result)) throw malformed('no root element', 'немає кореневого елемента');
  const [rootName] = Object.keys(result);
  const root = rootName === undefined ? undefined : own<unknown>(result, rootName);
  if (rootName === undefined || !isRawElement(root)) throw malformed('no root element', 'немає кореневого елемента');
  return toElement(rootName, root, `/${rootName}`);
}
