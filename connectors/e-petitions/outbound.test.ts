/** Hub events of petitions → updates for the platform, which publishes them (art. 23-1). */
import { expect } from 'chai';
import { assertValid, type HubEvent, type PetitionPlatformUpdate } from '../../src/schemas';
import { ePetitionsConnector } from '.';

function event(over: Partial<HubEvent> = {}): HubEvent {
  return assertValid<HubEvent>('event.schema.json', {
    eventId: '7c4e2a10-5b3d-4f6e-8a9c-1d2e3f4a5b6c',
    type: 'document.registered',
    documentId: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
    occurredAt: '2026-03-10T09:00:00.000Z',
    sequence: 5,
    source: 'e-petition',
    externalId: 'kamianska-mtg/118',
    kind: 'e-petition',
    status: 'registered',
    registration: { journal: 'petitions', index: '01-11/3', number: 3, date: '2026-03-10', case: '01-11', year: 2026 },
    data: {},
    ...over,
  });
}

function updates(e: HubEvent): PetitionPlatformUpdate[] {
  return ePetitionsConnector.outbound(e).map((m) => {
    expect(m.destination).to.equal('kamianska-mtg');
    expect(m.contentType).to.match(/^application\/json/);
    const body = assertValid<PetitionPlatformUpdate>('petition-platform-update.schema.json', JSON.parse(m.body.toString('utf8')));
    expect(body.messageId).to.equal(m.messageId);
    return body;
  });
}

describe('e-petitions outbound: hub events → platform updates', () => {
  it('document.registered → registered with the index and date', () => {
    expect(updates(event())).to.deep.equal([{
      messageId: updates(event())[0]!.messageId, platformId: 'kamianska-mtg/118', status: 'registered', occurredAt: '2026-03-10T09:00:00.000Z',
      documentId: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091', registrationIndex: '01-11/3', registeredOn: '2026-03-10',
    }]);
  });

  it('control.assigned → under consideration with the term; appeal.answered → answered with result, date and outgoing index', () => {
    const [assigned] = updates(event({ type: 'control.assigned', data: { term: '2026-03-24', controlStatus: 'under-control' } }));
    expect(assigned).to.include({ status: 'under-consideration', term: '2026-03-24' });
    const [answered] = updates(event({ type: 'appeal.answered', data: { result: 'resolved-positively', answeredOn: '2026-03-20', outgoingIndex: '01-11/45', onMerits: true } }));
    expect(answered).to.include({ status: 'answered', result: 'resolved-positively', answeredOn: '2026-03-20', outgoingIndex: '01-11/45' });
  });

  it('the message id is name-based on the event: the same event gives the same id, another event another', () => {
    const a = ePetitionsConnector.outbound(event())[0]!.messageId;
    expect(ePetitionsConnector.outbound(event())[0]!.messageId).to.equal(a);
    expect(ePetitionsConnector.outbound(event({ eventId: '8d5f3b21-6c4e-4a7f-9b0d-2e3f4a5b6c7d' }))[0]!.messageId).to.not.equal(a);
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('nothing for other sources, other events, or «залишено на контролі»', () => {
    expect(ePetitionsConnector.outbound(event({ source: 'sev-ovv' }))).to.deep.equal([]);
    expect(ePetitionsConnector.outbound(event({ type: 'control.due-soon', data: { term: '2026-03-24' } }))).to.deep.equal([]);
    expect(ePetitionsConnector.outbound(event({ type: 'appeal.answered', data: { result: 'on-control', answeredOn: '2026-03-20' } }))).to.deep.equal([]);
  });
});
