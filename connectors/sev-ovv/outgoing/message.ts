import { randomUUID } from 'node:crypto';
import { Builder } from 'xml2js';
import type { SevOvvConfig } from '../config';
import { MSG_TYPE, STANDART, VERSION } from '../format';

/** The document this message answers, as the addressee registered it (their own message's Document). */
export interface AnsweredRef {
  idnumber?: string;
  number: string;
  date: string;
}

export interface OutgoingMessageInput {
  msgId: string;
  time: Date;
  addressee: { edrpou: string; sysId: string; name: string };
  /** The outgoing document's id: Document@idnumber, unique within our system. */
  documentId: string;
  registration: { index: string; date: string };
  summary: string;
  signatory: { name: string; position: string };
  /** The files by name, in the order they are kept (outgoing_attachments.ordinal). */
  files: Array<{ name: string }>;
  /** Detached CMS containers (base64) by the file they cover. */
  signatures: Array<{ attachment: string; cms: string }>;
  /** Set when the message answers this addressee's own document: msg_type 3 with Addressee/Referred. */
  answers?: AnsweredRef;
}

/** xs:dateTime in whole seconds, UTC, as the ДЦІР messages write it. */
const xsDateTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** DocTransfer@type: the file's extension, as the ДЦІР messages give it (pdf, docx, txt). */
function fileType(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? (m[1] as string).toLowerCase() : 'bin';
}

/**
 * One 1207 v1.5 message (Order1207_1.5_v.2.2.xsd, element order as its sequences require) carrying
 * an outgoing document to one participant: msg_type 1, or 3 with Addressee/Referred when it answers
 * that participant's own document (retype "д": a reference to a document). Each file is a
 * DocTransfer, each detached signature a SignInfo over it in Expansion/StaticExpansion, as ДС1 and
 * the connector's own samples carry them. msg_acknow="2" asks for the receipts as every ДЦІР
 * document message (ДС1–ДС12) does.
 *
 * Returned as its markup around the files' text: piece i comes before file i, the last after the
 * last file. The database sets each file's base64 in between from the file it keeps
 * (insertMessage): a 25 MiB file's 33 MB of text made, escaped by the builder and copied into the
 * driver once per addressee held the hub's thread 0.1-0.3 s at a time and ~150 MB of its memory
 * (issue 18, `npm run bench -- sev-ovv`). Base64 needs no escaping in XML.
 */
export function buildOutgoingMessage(m: OutgoingMessageInput, config: SevOvvConfig): string[] {
  const ids = new Map(m.files.map((f, i) => [f.name, `F${i + 1}`]));
  // Where each file's text goes: a random mark no summary or name can contain.
  const nonce = randomUUID();
  const mark = (i: number): string => `dilovod-file-${nonce}-${i}`;
  const us = { fullname: config.orgName, ogrn: config.orgId };
  const addressee: Record<string, unknown> = { $: { type: '0' }, Organization: { $: { fullname: m.addressee.name, ogrn: m.addressee.edrpou } } };
  if (m.answers) {
    addressee.Referred = { $: { ...(m.answers.idnumber ? { idnumber: m.answers.idnumber } : {}), retype: 'д' }, RegNumber: { _: m.answers.number, $: { regdate: m.answers.date } } };
  }
  const regNumber = { _: m.registration.index, $: { regdate: m.registration.date } };
  const document = {
    $: { idnumber: m.documentId, type: '0', kind: 'Лист', title: 'Лист', annotation: m.summary, collection: '0', purpose_type: m.answers ? '4' : '0', urgent: '0' },
    RegNumber: regNumber,
    Confident: { $: { flag: '0' } },
    DocTransfer: m.files.map((f, i) => ({
      _: mark(i),
      $: { type: fileType(f.name), description: f.name, idnumber: ids.get(f.name) as string },
    })),
    Author: {
      Organization: { $: us, OfficialPerson: { Name: m.signatory.name, Official: { $: { post: m.signatory.position } } } },
      OutNumber: { RegNumber: regNumber },
    },
    Addressee: addressee,
    Writer: { Organization: { $: us } },
  };
  const header = {
    $: {
      standart: STANDART,
      version: VERSION,
      charset: 'UTF-8',
      time: xsDateTime(m.time),
      msg_type: String(m.answers ? MSG_TYPE.reply : MSG_TYPE.document),
      msg_id: m.msgId,
      msg_acknow: '2',
      from_org_id: config.orgId,
      from_organization: config.orgName,
      from_sys_id: config.sysId,
      from_system: config.systemName,
      to_org_id: m.addressee.edrpou,
      to_organization: m.addressee.name,
      to_sys_id: m.addressee.sysId,
      to_system: 'СЕВ ОВВ',
    },
    Document: document,
    Expansion: {
      $: { organization: config.systemName, exp_ver: '1.0' },
      StaticExpansion: { SignInfo: m.signatures.map((s) => ({ $: { docTransfer_idnumber: ids.get(s.attachment) as string }, SignData: s.cms })) },
    },
  };
  const xml = new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' }, renderOpts: { pretty: false } }).buildObject({ Header: header });
  const pieces: string[] = [];
  let rest = xml;
  m.files.forEach((_f, i) => {
    const at = rest.indexOf(mark(i));
    if (at < 0) throw new Error(`outgoing message: file ${i} has no place in the markup`);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at + mark(i).length);
  });
  pieces.push(rest);
  return pieces;
}
