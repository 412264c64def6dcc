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
 * Bytes → text per XML 1.0 appendix F: a BOM wins, then the declared encoding, else UTF-8. The
 * exchange uses UTF-8 (Header@charset, samples with and without a BOM); a windows-1251 message
 * from an older system is still read correctly instead of being garbled.
 */
export function decodeXmlText(payload: Buffer): string {
  if (payload.length === 0) throw malformed('the message is empty', 'повідомлення порожнє');
  let label = 'utf-8';
  if (payload[0] === 0xff && payload[1] === 0xfe) label = 'utf-16le';
  else if (payload[0] === 0xfe && payload[1] === 0xff) label = 'utf-16be';
  else if (!(payload[0] === 0xef && payload[1] === 0xbb && payload[2] === 0xbf)) label = declaredEncoding(payload) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw malformed(`unsupported encoding "${label}"`, `непідтримуване кодування «${label}»`);
  }
  try {
    return decoder.decode(payload);
  } catch {
    throw malformed(`the bytes are not valid ${decoder.encoding}`, `вміст не є коректним текстом у кодуванні ${decoder.encoding}`);
  }
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

/** Parses a whole message into its root element; anything that is not well-formed XML is SEV_OVV_MALFORMED_XML. */
export async function parseXml(payload: Buffer): Promise<XmlElement> {
  const text = decodeXmlText(payload);
  checkXmlShape(text);
  let result: unknown;
  try {
    result = await new Parser({
      explicitArray: true,
      explicitCharkey: true,
      attrkey: '$',
      charkey: '_',
      emptyTag: () => ({}),
      async: false,
    }).parseStringPromise(text);
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
