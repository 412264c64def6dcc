import { expect } from 'chai';
import { appealCardOf } from '../../src/appeals/card';
import { assertValid, type DocumentSubmission } from '../../src/schemas';
import { decodeHotlineCard, topicsOf } from './inbound';
import { OBLAST_CENTRE, sample, sampleJson, testConfig } from './test-support';

const HUB_TIME = new Date('2026-03-10T09:00:00Z');

function decode(file: string): DocumentSubmission {
  const sub = decodeHotlineCard(sample(file), testConfig(), HUB_TIME);
  // What the pipeline checks next: the canonical schema, then the appeal card (topics against the classifier).
  assertValid<DocumentSubmission>('document-submission.schema.json', sub);
  appealCardOf(sub);
  return sub;
}

describe('hotline inbound: card → DocumentSubmission (003 §136-139)', function () {
  it('a 1545 complaint: source hotline-1545, card id as externalId, the centre\'s term as dueDate, applicant as correspondent', () => {
    const sub = decode('ukc-1545-complaint.json');
    expect(sub).to.deep.include({
      externalId: '1545-2026-0309-004517',
      source: 'hotline-1545',
      kind: 'hotline-card',
      receivedAt: '2026-03-10T07:30:00Z',
      dueDate: '2026-03-24',
    });
    expect(sub.correspondent).to.deep.equal({
      name: 'Мельничук Оксана Василівна',
      address: '51931, Дніпропетровська обл., м. Кам’янське, вул. Соборна, буд. 12, кв. 34',
      email: 'o.melnychuk@example.com',
      phone: '+380 67 000 12 34',
    });
    expect(sub.summary).to.match(/^Заявниця повідомляє, що з 2 березня 2026 року/);
  });

  it('003 §139: the appeal card says the government contact centre forwarded it, under its control, with the card id and date', () => {
    const { card, cardSource } = appealCardOf(decode('ukc-1545-complaint.json'));
    expect(cardSource).to.equal('submitted');
    expect(card).to.deep.include({
      type: 'complaint', form: 'individual', submission: 'oral', channel: 'hotline-1545', receivedOn: '2026-03-10',
      topics: ['009'], signed: true, dated: true, newFacts: false,
    });
    expect(card.forwardedBy).to.deep.equal({
      body: 'government-contact-centre', name: 'Урядовий контактний центр',
      reference: { number: '1545-2026-0309-004517', date: '2026-03-09' }, underControl: true,
    });
    expect(card.applicants).to.deep.equal([{
      fullName: 'Мельничук Оксана Василівна',
      address: '51931, Дніпропетровська обл., м. Кам’янське, вул. Соборна, буд. 12, кв. 34',
      email: 'o.melnychuk@example.com',
      phone: '+380 67 000 12 34',
      priorityCategory: 'combat-veteran',
    }]);
  });

  it('003 §139: every requisite of the card is kept whole in meta.hotline', () => {
    expect(decode('ukc-1545-complaint.json').meta?.hotline).to.deep.equal(sampleJson('ukc-1545-complaint.json'));
    expect(decode('oblast-application-repeated.json').meta?.hotline).to.deep.equal(sampleJson('oblast-application-repeated.json'));
  });

  it('an oblast centre card: source oblast-contact-centre, the configured centre name, клопотання as an application, topic by the configured map', () => {
    const sub = decode('oblast-application-repeated.json');
    expect(sub).to.deep.include({ externalId: 'ОКЦ/2026/01877', source: 'oblast-contact-centre', kind: 'hotline-card', receivedAt: '2026-03-09T08:05:00Z' });
    expect(sub).not.to.have.property('dueDate');
    expect(sub.correspondent).to.deep.equal({ name: 'Гребенюк Петро Іванович', address: 'Дніпропетровська обл., м. Кам’янське, просп. Металургів, буд. 5-А', phone: '0960001122' });
    const { card } = appealCardOf(sub);
    expect(card).to.deep.include({ type: 'application', channel: 'oblast-contact-centre', topics: ['003'] });
    expect(card.forwardedBy).to.deep.equal({ body: 'oblast-contact-centre', name: OBLAST_CENTRE, reference: { number: 'ОКЦ/2026/01877', date: '2026-03-06' }, underControl: true });
    expect(card.applicants[0]).not.to.have.property('priorityCategory');
    // The centre's repeat mark and earlier cards stay with the card; intake decides recurrence itself (003 §99).
    expect(sub.meta?.hotline).to.deep.include({ repeated: true, earlierCards: ['ОКЦ/2025/10342'] });
  });

  it('a minimal 1545 proposal: no sentAt → the hub\'s receipt time; unknown subject code → no topic; category told by its title', () => {
    const sub = decode('ukc-1545-proposal-minimal.json');
    expect(sub.receivedAt).to.equal(HUB_TIME.toISOString());
    expect(sub.correspondent).to.deep.equal({ name: 'Савчук Лідія' });
    const { card } = appealCardOf(sub);
    expect(card).to.deep.include({ type: 'proposal', topics: [] });
    expect(card.applicants).to.deep.equal([{ fullName: 'Савчук Лідія', priorityCategory: 'large-family' }]);
  });

  it('topics: the map wins, a classifier code passes, anything else gives none', () => {
    const config = testConfig({ topicBySubjectCode: { '009': '010', 'X-1': '006' } });
    expect(topicsOf({ code: '009', text: 't' }, config)).to.deep.equal(['010']);
    expect(topicsOf({ code: 'X-1', text: 't' }, config)).to.deep.equal(['006']);
    expect(topicsOf({ code: '012.03', text: 't' }, config)).to.deep.equal(['012.03']);
    expect(topicsOf({ code: '999', text: 't' }, config)).to.deep.equal([]);
    expect(topicsOf({ text: 't' }, config)).to.deep.equal([]);
  });

  it('the same bytes give the same submission (a redelivered card maps identically)', () => {
    const a = decodeHotlineCard(sample('ukc-1545-complaint.json'), testConfig(), HUB_TIME);
    const b = decodeHotlineCard(sample('ukc-1545-complaint.json'), testConfig(), new Date('2026-03-11T10:00:00Z'));
    expect(b).to.deep.equal(a);
  });
});
