/**
 * The e-petition state machine (Law «Про звернення громадян» art. 23-1) with fixed dates on the
 * law-in-force calendar (2026: martial law, weekends off). Made-up petitions and people.
 */
import { expect } from 'chai';
import { LAW_IN_FORCE } from '../calendar';
import { applyPetitionEvent, awaitsRegistration, petitionReceivedOn, type PetitionContext, type PetitionRecord, type PetitionSnapshot } from '.';

function snap(over: Partial<PetitionSnapshot> = {}): PetitionSnapshot {
  return {
    platformId: 'kamianska-mtg/118',
    number: 'ЕП-118',
    title: 'Облаштувати безбар’єрний перехід біля ліцею № 7',
    text: 'Просимо облаштувати пониження бордюрів і тактильну плитку на переході по вул. Січових Стрільців.',
    author: { fullName: 'Гребенюк Оксана Василівна', email: 'o.grebeniuk@example.org' },
    publishedOn: '2026-01-12',
    collectionEndsOn: '2026-03-12',
    votes: 140,
    threshold: 250,
    thresholdSource: 'platform',
    platformState: 'collecting',
    capturedAt: '2026-02-01T08:00:00Z',
    ...over,
  };
}

function ctx(today: string, time = '09:00:00'): PetitionContext {
  return { now: new Date(`${today}T${time}+02:00`), today, calendar: LAW_IN_FORCE };
}

function start(over: Partial<PetitionSnapshot> = {}, today = '2026-02-01'): PetitionRecord {
  return applyPetitionEvent(null, { type: 'snapshot', snapshot: snap(over) }, ctx(today)).record;
}

describe('domain/petitions: the e-petition state machine (art. 23-1)', () => {
  it('a first snapshot below the threshold during collection: collecting, with the rule it rests on', () => {
    const step = applyPetitionEvent(null, { type: 'snapshot', snapshot: snap() }, ctx('2026-02-01'));
    expect(step.outcome).to.equal('created');
    expect(step.record).to.include({ state: 'collecting', consideredAs: null });
    expect(step.transitions).to.have.length(1);
    expect(step.transitions[0]).to.include({ from: null, to: 'collecting', on: '2026-01-12', rule: 'petition-collecting' });
    expect(step.transitions[0]!.basis).to.contain('ст. 23-1');
    expect(awaitsRegistration(step.record.state)).to.equal(false);
  });

  it('reaching the threshold moves it to threshold-reached, to be registered and considered as a petition', () => {
    const record = start();
    const step = applyPetitionEvent(record, { type: 'snapshot', snapshot: snap({ votes: 251, capturedAt: '2026-02-20T10:00:00Z' }) }, ctx('2026-02-20'));
    expect(step.outcome).to.equal('updated');
    expect(step.record).to.include({ state: 'threshold-reached', consideredAs: 'petition' });
    expect(step.transitions.map((t) => [t.from, t.to, t.rule])).to.deep.equal([['collecting', 'threshold-reached', 'petition-threshold-reached']]);
    expect(step.transitions[0]!.basis).to.contain('10 робочих днів');
    expect(step.transitions[0]!.details).to.deep.include({ votes: 251, threshold: 250 });
    expect(awaitsRegistration(step.record.state)).to.equal(true);
  });

  it('the platform’s threshold is the one compared (exactly at the threshold counts as reached)', () => {
    const step = applyPetitionEvent(null, { type: 'snapshot', snapshot: snap({ votes: 100, threshold: 100 }) }, ctx('2026-02-01'));
    expect(step.record.state).to.equal('threshold-reached');
    expect(step.transitions.map((t) => t.to)).to.deep.equal(['collecting', 'threshold-reached']);
  });

  it('a day after the last day of collection, below the threshold: below-threshold, a collective appeal (000, 002)', () => {
    const record = start({ votes: 212 });
    expect(applyPetitionEvent(record, { type: 'day' }, ctx('2026-03-12')).outcome, 'the last day still collects').to.equal('unchanged');
    const step = applyPetitionEvent(record, { type: 'day' }, ctx('2026-03-13'));
    expect(step.record).to.include({ state: 'below-threshold', consideredAs: 'collective-appeal', collectionEndedOn: '2026-03-12' });
    const t = step.transitions[0]!;
    expect(t).to.include({ from: 'collecting', to: 'below-threshold', rule: 'petition-below-threshold', on: '2026-03-13' });
    expect(t.basis).to.contain('колективне звернення');
    expect(t.basis).to.contain('§134');
    expect(t.details).to.include({ votes: 212, threshold: 250, form: 'collective' });
  });

  it('a platform that closed the collection early ends it on the day of the snapshot', () => {
    const record = start();
    const step = applyPetitionEvent(record, { type: 'snapshot', snapshot: snap({ votes: 150, platformState: 'collection-ended', capturedAt: '2026-03-02T07:00:00Z' }) }, ctx('2026-03-02'));
    expect(step.record).to.include({ state: 'below-threshold', collectionEndedOn: '2026-03-02' });
  });

  it('the same snapshot twice changes nothing', () => {
    const record = start();
    const again = { ...snap(), author: { email: 'o.grebeniuk@example.org', fullName: 'Гребенюк Оксана Василівна' } };
    const step = applyPetitionEvent(record, { type: 'snapshot', snapshot: again }, ctx('2026-02-02'));
    expect(step).to.deep.equal({ outcome: 'unchanged', record, transitions: [] });
  });

  it('stale snapshots (older, or fewer votes than known) do not move the state back', () => {
    const reached = applyPetitionEvent(start(), { type: 'snapshot', snapshot: snap({ votes: 260, capturedAt: '2026-02-20T10:00:00Z' }) }, ctx('2026-02-20')).record;
    const older = applyPetitionEvent(reached, { type: 'snapshot', snapshot: snap({ votes: 140, capturedAt: '2026-02-10T10:00:00Z' }) }, ctx('2026-02-21'));
    expect(older.outcome).to.equal('stale');
    expect(older.record).to.equal(reached);
    const fewer = applyPetitionEvent(reached, { type: 'snapshot', snapshot: snap({ votes: 259, capturedAt: '2026-02-21T10:00:00Z' }) }, ctx('2026-02-21'));
    expect(fewer.outcome).to.equal('stale');
    expect(fewer.record.snapshot.votes).to.equal(260);
    const more = applyPetitionEvent(reached, { type: 'snapshot', snapshot: snap({ votes: 301, capturedAt: '2026-02-22T10:00:00Z' }) }, ctx('2026-02-22'));
    expect(more.outcome).to.equal('updated');
    expect(more.record).to.include({ state: 'threshold-reached' });
    expect(more.record.snapshot.votes).to.equal(301);
    expect(more.transitions).to.deep.equal([]);
  });

  it('the resolution starts consideration: 10 working days from the resolution on the calendar given (art. 23-1)', () => {
    const reached = start({ votes: 260 });
    // Thursday 5 March 2026 + 10 working days, weekends skipped: Thursday 19 March.
    const step = applyPetitionEvent(reached, { type: 'resolution', resolutionDate: '2026-03-05', controlTerm: '2026-03-19' }, ctx('2026-03-05'));
    expect(step.record).to.include({ state: 'under-consideration', considerationStartedOn: '2026-03-05', term: '2026-03-19', termRule: 'petition' });
    expect(step.transitions[0]).to.include({ from: 'threshold-reached', to: 'under-consideration', rule: 'petition-consideration-started' });
    // From a Friday: Friday 6 March + 10 working days = Friday 20 March, whatever the control card said.
    const later = applyPetitionEvent(reached, { type: 'resolution', resolutionDate: '2026-03-06', controlTerm: '2026-03-16' }, ctx('2026-03-06'));
    expect(later.record.term).to.equal('2026-03-20');
    expect(later.transitions[0]!.details).to.include({ controlTerm: '2026-03-16' });
  });

  it('below the threshold the term is the collective appeal’s (the control card’s, Law art. 20)', () => {
    const below = applyPetitionEvent(start({ votes: 90 }), { type: 'day' }, ctx('2026-03-13')).record;
    const step = applyPetitionEvent(below, { type: 'resolution', resolutionDate: '2026-03-16', controlTerm: '2026-04-13' }, ctx('2026-03-16'));
    expect(step.record).to.include({ state: 'under-consideration', term: '2026-04-13', termRule: 'appeal' });
    expect(step.transitions[0]!.basis).to.contain('ст. 20');
  });

  it('the answer closes it; «залишено на контролі» does not; a second resolution or answer changes nothing', () => {
    const reached = start({ votes: 260 });
    const considered = applyPetitionEvent(reached, { type: 'resolution', resolutionDate: '2026-03-05', controlTerm: '2026-03-19' }, ctx('2026-03-05')).record;
    expect(applyPetitionEvent(considered, { type: 'answer', answeredOn: '2026-03-10', result: 'on-control', outgoingIndex: null }, ctx('2026-03-10')).outcome).to.equal('unchanged');
    expect(applyPetitionEvent(considered, { type: 'resolution', resolutionDate: '2026-03-09', controlTerm: '2026-03-23' }, ctx('2026-03-09')).outcome).to.equal('unchanged');
    const step = applyPetitionEvent(considered, { type: 'answer', answeredOn: '2026-03-18', result: 'resolved-positively', outgoingIndex: '01-11/45' }, ctx('2026-03-18'));
    expect(step.record).to.include({ state: 'answered', answeredOn: '2026-03-18', result: 'resolved-positively', outgoingIndex: '01-11/45' });
    expect(step.transitions[0]).to.include({ from: 'under-consideration', to: 'answered', rule: 'petition-answered' });
    expect(step.transitions[0]!.details).to.include({ onTime: true, term: '2026-03-19' });
    expect(applyPetitionEvent(step.record, { type: 'answer', answeredOn: '2026-03-19', result: 'explained', outgoingIndex: null }, ctx('2026-03-19')).outcome).to.equal('unchanged');
  });

  it('a snapshot after the answer updates the votes but never reopens it', () => {
    const reached = start({ votes: 260 });
    const answered = applyPetitionEvent(reached, { type: 'answer', answeredOn: '2026-03-18', result: 'explained', outgoingIndex: null }, ctx('2026-03-18')).record;
    const step = applyPetitionEvent(answered, { type: 'snapshot', snapshot: snap({ votes: 270, platformState: 'answered', capturedAt: '2026-03-20T10:00:00Z' }) }, ctx('2026-03-20'));
    expect(step.record.state).to.equal('answered');
    expect(step.transitions).to.deep.equal([]);
  });
  describe('the receipt date (art. 23-1): the threshold reached or the end of collection, not the day the hub sees it', () => {
    it('a live petition reaching its threshold: the day seen', () => {
      const step = applyPetitionEvent(start(), { type: 'snapshot', snapshot: snap({ votes: 251, capturedAt: '2026-03-02T07:00:00Z' }) }, ctx('2026-03-02'));
      expect(step.transitions[0]).to.include({ to: 'threshold-reached', on: '2026-03-02' });
      expect(petitionReceivedOn(step.record, step.transitions)).to.equal('2026-03-02');
    });

    it('the platform’s own instant of the threshold wins', () => {
      const step = applyPetitionEvent(null, { type: 'snapshot', snapshot: snap({ votes: 251, thresholdReachedAt: '2026-02-20T22:30:00Z', capturedAt: '2026-03-02T07:00:00Z' }) }, ctx('2026-03-02'));
      // 22:30 UTC on 20 February is 00:30 on 21 February in Kyiv.
      expect(step.transitions.at(-1)).to.include({ to: 'threshold-reached', on: '2026-02-21' });
      expect(step.transitions.at(-1)!.details).to.include({ thresholdReachedOn: '2026-02-21' });
      expect(petitionReceivedOn(step.record, step.transitions)).to.equal('2026-02-21');
    });

    it('a 2018 petition exported in 2026: its end of collection, reached or not', () => {
      const old = { publishedOn: '2018-02-01', collectionEndsOn: '2018-05-01', platformState: 'collection-ended' as const, capturedAt: '2026-03-09T07:00:00Z' };
      const reached = applyPetitionEvent(null, { type: 'snapshot', snapshot: snap({ ...old, votes: 300 }) }, ctx('2026-03-10'));
      expect(reached.transitions.at(-1)).to.include({ to: 'threshold-reached', on: '2018-05-01' });
      expect(petitionReceivedOn(reached.record, reached.transitions)).to.equal('2018-05-01');
      const below = applyPetitionEvent(null, { type: 'snapshot', snapshot: snap({ ...old, votes: 41 }) }, ctx('2026-03-10'));
      expect(below.record).to.include({ state: 'below-threshold', collectionEndedOn: '2018-05-01' });
      expect(petitionReceivedOn(below.record, below.transitions)).to.equal('2018-05-01');
      expect(petitionReceivedOn(start(), [])).to.equal(null);
    });
  });
});
