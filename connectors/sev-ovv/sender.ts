import { TextDecoder } from 'node:util';
import type { InputSender } from '../../src/pipeline';
import { externalIdOf, MAX_EXTERNAL_ID_LENGTH } from './external-id';
import { MSG_TYPE } from './format';
import { SOURCE } from './inbound';

/** The start of a message holds its Header start tag; attachments (base64) come after it. */
const HEAD_BYTES = 64 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The first start tag's name and attributes, read leniently from the text (no well-formedness asked). */
function firstStartTag(text: string): { name: string; attrs: Map<string, string> } | undefined {
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  const tag = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(body);
  if (!tag) return undefined;
  const attrs = new Map<string, string>();
  for (const a of (tag[2] ?? '').matchAll(/([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1]!, unescapeXml(a[2] ?? a[3] ?? '').trim());
  return { name: tag[1]!, attrs };
}

/** The Header start tag's attributes, read from the first bytes alone; undefined when the message does not start with a Header. */
export function headerAttributes(payload: Buffer): Map<string, string> | undefined {
  const head = payload.subarray(0, HEAD_BYTES);
  const label = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  const tag = firstStartTag(new TextDecoder(label).decode(head));
  return tag && tag.name.replace(/^[^:]*:/, '') === 'Header' ? tag.attrs : undefined;
}

/**
 * Who sent a СЕВ ОВВ message the hub refused, for the refusal receipt (ack_type 4) to reach them
 * (issue 18: a message refused under the signature policy, addressed to another organisation,
 * invalid or of an unsupported version — the sender must hear back). Read from the Header start
 * tag alone, so a message the decoder refused (even one that is not well-formed XML further on)
 * still names its sender. The key is the decoder's own (externalIdOf), so the refusal is addressed
 * as a registration receipt is.
 *
 * Nobody to tell when the Header's from_org_id, from_sys_id or msg_id cannot be read, and never for
 * a receipt (msg_type 0): answering a refused receipt with a receipt could go back and forth.
 */
export function sevOvvSenderOf(payload: Buffer): InputSender | undefined {
  const attrs = headerAttributes(payload);
  if (!attrs || attrs.get('msg_type') === String(MSG_TYPE.acknowledgement)) return undefined;
  const orgId = attrs.get('from_org_id');
  const sysId = attrs.get('from_sys_id');
  const msgId = attrs.get('msg_id');
  if (!orgId || !sysId || !msgId) return undefined;
  const externalId = externalIdOf({ orgId, sysId, msgId });
  if (externalId.length > MAX_EXTERNAL_ID_LENGTH) return undefined;
  // The receipts it asked for besides the final one (0 when absent or not 0-2, as the reader takes it): progress-receipts.ts.
  const msgAcknow = attrs.get('msg_acknow');
  return { source: SOURCE, externalId, asks: { msgAcknow: msgAcknow === '1' || msgAcknow === '2' ? Number(msgAcknow) : 0 } };
}
