import type { DocumentKind } from '../../src/schemas';
import type { SevOvvConfig } from './config';
import { MSG_TYPE } from './format';
import type { SevDocument, SevHeader } from './message';

/** Which rule decided the kind; kept in meta so a clerk can see why. */
export type KindRule = 'document-kind' | 'reply' | 'higher-authority-sender' | 'purpose-type' | 'default';

function normalise(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('uk');
}

/**
 * The hub's kind of an incoming СЕВ ОВВ document, first rule that applies:
 * 1. Document@kind (вид документа) listed in kindByDocumentKind: the council's explicit choice;
 * 2. a reply (msg_type 3) → replyKind (official-letter): it answers our own letter;
 * 3. the sender is listed in higherAuthorities → higher-authority-document;
 * 4. purpose_type listed in kindByPurposeType (default: 3 на виконання, 5 до виконання на
 *    погодження → higher-authority-document: a body that sends us a document to execute acts as
 *    a higher authority);
 * 5. defaultKind (official-letter).
 */
export function chooseKind(header: SevHeader, doc: SevDocument, config: SevOvvConfig): { kind: DocumentKind; rule: KindRule } {
  if (doc.kind) {
    const wanted = normalise(doc.kind);
    const hit = Object.entries(config.kindByDocumentKind).find(([name]) => normalise(name) === wanted);
    if (hit) return { kind: hit[1], rule: 'document-kind' };
  }
  if (header.msgType === MSG_TYPE.reply) return { kind: config.replyKind, rule: 'reply' };
  if (config.higherAuthorities.includes(header.fromOrgId)) return { kind: 'higher-authority-document', rule: 'higher-authority-sender' };
  const byPurpose = config.kindByPurposeType[doc.purposeType];
  if (byPurpose) return { kind: byPurpose, rule: 'purpose-type' };
  return { kind: config.defaultKind, rule: 'default' };
}
