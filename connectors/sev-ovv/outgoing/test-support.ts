import { pki } from '../../../test/signatures/support/fixture';
import type { TestCert } from '../../../test/signatures/support/test-pki';
import { detached } from '../../../test/signatures-pipeline/support';

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
