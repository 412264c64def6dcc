import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { OPEN_APPEALS_COLUMNS, OPEN_PETITIONS_COLUMNS, openAppealRows, openAppealsCsv, openAppealsJson, openPetitionRows, openPetitionsCsv, openPetitionsJson } from './open-data';
import { composedCard, type Slice } from './testing/compose';
import { seededRng } from './testing/fake-people';
import type { AppealRecord } from './types';

describe('appeals open data (001 §2.2.11; no personal data, 001 §2.2.13)', () => {
  const rng = seededRng(11);
  const slices: Slice[] = [
    { count: 60, channel: 'post', submission: 'written' },
    { count: 30, channel: 'electronic', submission: 'written' },
    { count: 20, channel: 'hotline-1545', submission: 'oral', forwardedBy: { body: 'government-contact-centre', reference: { number: 'УКЦ-1' }, underControl: true } },
    { count: 5, channel: 'e-petition', submission: 'written' },
  ];
  const records: AppealRecord[] = slices.flatMap((s) =>
    Array.from({ length: s.count }, (): AppealRecord => ({
      card: composedCard(rng, s, ['009'], { from: '2026-01-01', to: '2026-03-31' }),
      registered: true, recurrence: 'primary', status: 'accepted', linkedTo: null, result: 'explained', answeredOn: '2026-04-10', answeredOnMerits: true,
    })),
  );
  const appeals = openAppealRows(records);
  const petitions = openPetitionRows(records);
  const outputs = [openAppealsCsv(appeals), openAppealsJson(appeals), openPetitionsCsv(petitions), openPetitionsJson(petitions)];

  it('no name, address, e-mail, phone or summary of any applicant appears in any data set', () => {
    const secrets = new Set<string>();
    for (const r of records) {
      secrets.add(r.card.summary);
      for (const a of r.card.applicants) {
        for (const w of a.fullName.split(' ')) if (w.length > 2) secrets.add(w);
        if (a.address) secrets.add(a.address);
        if (a.email) secrets.add(a.email);
        if (a.phone) secrets.add(a.phone.slice(-7));
      }
    }
    for (const out of outputs) for (const s of secrets) expect(out.includes(s), `«${s}» leaked`).to.equal(false);
  });

  it('one row per registered appeal, Ukrainian column titles; petitions with votes and threshold', () => {
    expect(appeals).to.have.length(115);
    const csv = parse(openAppealsCsv(appeals).slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(csv[0]!)).to.deep.equal([...OPEN_APPEALS_COLUMNS]);
    expect(csv[0]).to.include({ 'Коди питань': '009', 'Тематика питань': 'Комунальне господарство', 'Результат розгляду': 'надано роз’яснення' });
    const json = JSON.parse(openAppealsJson(appeals)) as Array<Record<string, unknown>>;
    expect(json[0]).to.include.keys('registrationIndex', 'receivedOn', 'channel', 'channelTitle', 'topics', 'result', 'resultTitle');
    expect(petitions).to.have.length(5);
    const pcsv = parse(openPetitionsCsv(petitions).slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(pcsv[0]!)).to.deep.equal([...OPEN_PETITIONS_COLUMNS]);
    expect(pcsv[0]!['Розглянуто як']).to.equal('колективне звернення');
    expect(JSON.parse(openPetitionsJson(petitions))).to.have.length(5);
  });

  it('a call answered on the spot without a card is not published; the period is respected', () => {
    const unregistered = { ...records[0]!, registered: false };
    expect(openAppealRows([unregistered])).to.deep.equal([]);
    expect(openAppealRows(records, { from: '2026-02-01', to: '2026-02-28' }).every((r) => r.receivedOn.startsWith('2026-02'))).to.equal(true);
  });
});
