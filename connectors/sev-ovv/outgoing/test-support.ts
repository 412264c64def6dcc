import { pki } from '../../../test/signatures/support/fixture';
import type { TestCert } from '../../../test/signatures/support/test-pki';
import { detached } from '../../../test/signatures-pipeline/support';
import { ownSample, OUR_ORG_ID, OUR_SYS_ID } from '../test-support';

/** The sender of the own samples (do-vykonannia.xml's Header): a participant the council answers. */
export const PEER = { edrpou: '00022533', sysId: 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b', name: 'Обласна військова адміністрація (тестова)' };
/** Another participant (fictitious), addressed alongside. */
export const OTHER = { edrpou: '30000004', sysId: 'e9d8c7b6-a5f4-4e3d-8c2b-1a0f9e8d7c6b', name: 'Міністерство розвитку громад (тестове)' };
/** A third (fictitious) that never answers: its message stays unconfirmed. */
export const SILENT = { edrpou: '30000005', sysId: 'a1b2c3d4-0000-4000-8000-00000000abcd', name: 'Державна служба тиші (тестова)' };

/** The participants file as a clerk saves it from Excel: `;`, a BOM, Ukrainian headers. */
export function participantsCsv(list = [PEER, OTHER, SILENT]): string {
  return `\uFEFFЄДРПОУ;ідентифікатор системи;назва\n${list.map((p) => `${p.edrpou};${p.sysId};${p.name}`).join('\n')}\n`;
}

export const LETTER = Buffer.from('%PDF-1.4\nЛист міської ради № 01-07 щодо підготовки закладів освіти\n', 'utf8');

/** An outgoing document with one letter signed (detached CAdES) by `signer`; `sent` replaces the bytes that go. */
export function outgoingBody(over: Record<string, unknown> = {}, signer: TestCert = pki().signerEc, sent: Buffer = LETTER): Record<string, unknown> {
  return {
    addressees: [OTHER.edrpou],
    summary: 'Про підготовку закладів освіти до опалювального сезону',
    signatory: { name: 'Шевченко Тарас Григорович', position: 'Секретар міської ради' },
    attachments: [{ name: 'лист.pdf', mediaType: 'application/pdf', contentBase64: sent.toString('base64') }],
    signatures: [{ attachment: 'лист.pdf', cms: detached(LETTER, signer) }],
    ...over,
  };
}

/** A receipt (msg_type 0, ДС13–ДС16 shape) from `from` to the council, acknowledging `acknowledges`. */
export function receiptXml(from: typeof PEER, msgId: string, acknowledges: string, ackType: 1 | 2 | 3 | 4, opts: { regNumber?: { number: string; date: string }; text?: string } = {}): Buffer {
  const reg = opts.regNumber ? `<RegNumber regdate="${opts.regNumber.date}">${opts.regNumber.number}</RegNumber>` : '';
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Header standart="1207" version="1.5" charset="UTF-8" time="2026-03-10T08:15:00Z" msg_type="0" msg_id="${msgId}" msg_acknow="0" from_org_id="${from.edrpou}" from_organization="${from.name}" from_sys_id="${from.sysId}" from_system="СЕД учасника" to_org_id="${OUR_ORG_ID}" to_organization="Міська рада (тестова)" to_sys_id="${OUR_SYS_ID}" to_system="dilovod"><Acknowledgement msg_id="${acknowledges}" ack_type="${ackType}">${reg}<AckResult errorcode="0" errortext="${opts.text ?? ''}"/></Acknowledgement></Header>`, 'utf8');
}

/** The own sample do-vykonannia.xml (from PEER) under another msg_id, and another Document@idnumber if given. */
export function documentXml(msgId: string, idnumber = 'D-2026-0415'): Buffer {
  return Buffer.from(ownSample('do-vykonannia.xml').toString('utf8').replace(/msg_id="[^"]+"/, `msg_id="${msgId}"`).replaceAll('idnumber="D-2026-0415"', `idnumber="${idnumber}"`));
}

/** An addition (msg_type 2) from PEER to its document `idnumber` (do-vykonannia.xml's is D-2026-0415), with one file. */
export function additionXml(msgId: string, content: Buffer, idnumber = 'D-2026-0415'): Buffer {
  return Buffer.from(documentXml(msgId, idnumber).toString('utf8')
    .replace('msg_type="1"', 'msg_type="2"')
    .replace('<Expansion ', `<AddDocuments><Folder add_type="0"><DocTransfer type="txt" description="Додаток 2" idnumber="A1" char_set="UTF-8">${content.toString('base64')}</DocTransfer></Folder></AddDocuments><Expansion `));
}
