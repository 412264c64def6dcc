/**
 * Personal data by role, the pure part (001 §2.2.13; Law «Про звернення громадян» ст. 10): what
 * a role without access sees of a document card, and which quarantined bytes are an applicant's.
 * Over HTTP in test/appeals/privacy.test.ts.
 */
import { expect } from 'chai';
import type { DocumentCard } from '../schemas';
import { makePrincipal, type Role } from '../identity';
import { documentCardFor, holdsApplicantData, quarantinedHoldsApplicantData } from './privacy';

const caller = (...roles: Role[]) => makePrincipal({ kind: 'person', id: 'p', displayName: 'p', roles, method: 'api-token' });

const payloadHoldsApplicantData = (payload: Buffer): boolean => quarantinedHoldsApplicantData({ payload, source: 'edms' });

const signed: DocumentCard = {
  id: '0b6f9a56-51a4-4c3e-9d0e-3f4a2f6f1c11', source: 'e-mail', externalId: 'mail-17', kind: 'citizen-appeal', status: 'registered',
  correspondent: { name: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34', email: 'oksana.5512@example.com' },
  summary: 'Щодо ремонту покрівлі багатоквартирного будинку', receivedAt: '2026-03-09T08:15:00.000Z', registration: null, attachments: [],
  createdAt: '2026-03-09T08:15:01.000Z',
  signatures: [{
    attachment: 'zvernennia.pdf', indication: 'TOTAL-PASSED', subIndication: null, qualified: true, signingTime: null, bestSignatureTime: null,
    signer: { commonName: 'Гнатюк Оксана Петрівна', fullName: 'Гнатюк Оксана Петрівна', organization: null, title: null, edrpou: null, drfo: '3012345678' },
  }],
};

describe('appeals privacy: the document card by role', () => {
  it('a citizen’s correspondent and the signer’s name and РНОКПП are masked for a role without access; the rest is whole', () => {
    const masked = documentCardFor(signed, caller('executor', 'registrar', 'auditor'));
    expect(masked.correspondent).to.deep.equal({ name: 'Г***** О***** П*******', address: '*. К*********, в**. С******, б**. 1*, к*. 3*', email: 'o*****.5***@e******.c**' });
    expect(masked.signatures![0]!.signer).to.deep.equal({
      commonName: 'Г***** О***** П*******', fullName: 'Г***** О***** П*******', organization: null, title: null, edrpou: null, drfo: '3*********',
    });
    expect(masked.signatures![0]!.qualified).to.equal(true);
    expect(masked.summary).to.equal(signed.summary);
    expect(signed.correspondent.name).to.equal('Гнатюк Оксана Петрівна');
  });

  it('the roles with access, official letters and organisations see it as it is', () => {
    expect(documentCardFor(signed, caller('appeals-officer'))).to.equal(signed);
    expect(documentCardFor(signed, caller('auditor', 'personal-data'))).to.equal(signed);
    expect(documentCardFor({ ...signed, kind: 'official-letter' }, undefined)).to.deep.equal({ ...signed, kind: 'official-letter' });
    const newspaper = { ...signed, kind: 'info-request' as const, correspondent: { name: 'ТОВ «Придніпровський вісник»', edrpou: '43210987' } };
    expect(holdsApplicantData(newspaper)).to.equal(false);
    expect(documentCardFor(newspaper, undefined)).to.equal(newspaper);
    expect(holdsApplicantData({ ...newspaper, correspondent: { name: 'Гнатюк Оксана Петрівна' } })).to.equal(true);
  });
});

describe('appeals privacy: quarantined payloads', () => {
  it('an appeal kind is told from the body, parsed or not; other bodies are not an applicant’s', () => {
    const appeal = JSON.stringify({ externalId: 'x', kind: 'hotline-card', correspondent: { name: 'Гнатюк Оксана Петрівна' } });
    expect(payloadHoldsApplicantData(Buffer.from(appeal))).to.equal(true);
    expect(payloadHoldsApplicantData(Buffer.from(appeal.slice(0, -20)))).to.equal(true);
    expect(payloadHoldsApplicantData(Buffer.from('{"kind" : "info-request", "summary": '))).to.equal(true);
    expect(payloadHoldsApplicantData(Buffer.from(JSON.stringify({ kind: 'official-letter', meta: { note: 'citizen-appeal' } })))).to.equal(false);
    expect(payloadHoldsApplicantData(Buffer.from('{"externalId": '))).to.equal(false);
    expect(payloadHoldsApplicantData(Buffer.from('null'))).to.equal(false);
    expect(payloadHoldsApplicantData(Buffer.from('<doc kind="citizen-appeal"/>'))).to.equal(false);
  });

  it('a citizens’ channel withholds whatever the format; a 1207 message only when it names a private person', () => {
    const xml = (author: string) => Buffer.from(`<Header standart="1207"><Document><Author>${author}</Author></Document></Header>`);
    expect(quarantinedHoldsApplicantData({ payload: Buffer.from('{"platform_id": 1'), source: 'e-petition' })).to.equal(true);
    // Bytes whose source nobody could read may be a citizen's letter (issue 10: every source, including none).
    expect(quarantinedHoldsApplicantData({ payload: Buffer.from('Прошу відремонтувати дах'), source: null })).to.equal(true);
    expect(quarantinedHoldsApplicantData({ payload: Buffer.from('{"cardId": '), source: 'hotline-1545' })).to.equal(true);
    expect(quarantinedHoldsApplicantData({ payload: xml('<PrivatePerson><Name>Гнатюк О. П.</Name></PrivatePerson>'), source: 'sev-ovv' })).to.equal(true);
    expect(quarantinedHoldsApplicantData({ payload: xml('<Organization fullname="Обласна військова адміністрація" ogrn="00022533"/>'), source: 'sev-ovv' })).to.equal(false);
    expect(quarantinedHoldsApplicantData({ payload: Buffer.from('{"kind": "official-letter"}'), source: 'edms' })).to.equal(false);
  });
});
