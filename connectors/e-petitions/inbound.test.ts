/**
 * Platform export → canonical snapshot, on the samples (made-up petitions and people). The
 * petition's own threshold and end of collection win; the statute's (PETITION_*) fill the gaps.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '../../src/errors';
import { violations } from '../../src/schemas';
import { loadEPetitionsConfig } from './config';
import { decodePetitionExport } from './inbound';

const sample = (name: string): Buffer => readFileSync(join(__dirname, 'samples', name));
const config = loadEPetitionsConfig({});

function rejection(fn: () => unknown): HubError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(HubError);
    return err as HubError;
  }
  throw new Error('expected a HubError');
}

describe('e-petitions inbound: platform export → canonical snapshot', () => {
  it('maps a collecting petition with the platform’s threshold and end of collection', () => {
    const s = decodePetitionExport(sample('collecting.json'), config);
    expect(violations('petition-snapshot.schema.json', s)).to.deep.equal([]);
    expect(s).to.deep.include({
      platformId: 'kamianska-mtg/118', number: 'ЕП-118', publishedOn: '2026-01-12', collectionEndsOn: '2026-03-12', votes: 140, threshold: 250,
      thresholdSource: 'platform', platformState: 'collecting', capturedAt: '2026-02-01T08:00:00.000Z',
      url: 'https://petition.e-dem.ua/kamianska-mtg/Petition/View/118',
    });
    expect(s.author).to.deep.equal({ fullName: 'Гребенюк Оксана Василівна', email: 'o.grebeniuk@example.org', phone: '+380 67 000 11 22' });
  });

  it('without votes_needed and end_date: the statute’s threshold and period (ЦК ст. 253: from the day after publication)', () => {
    const s = decodePetitionExport(sample('closed-below-threshold.json'), loadEPetitionsConfig({ PETITION_THRESHOLD: '150', PETITION_COLLECTION_DAYS: '60' }));
    expect(s).to.include({ platformId: 'kamianska-mtg/207', number: '207', threshold: 150, thresholdSource: 'statute', publishedOn: '2025-12-01', collectionEndsOn: '2026-01-30', platformState: 'collection-ended' });
    expect(decodePetitionExport(sample('closed-below-threshold.json'), config)).to.include({ threshold: 250, collectionEndsOn: '2026-03-01' });
  });

  it('a malformed export is PETITION_INVALID naming every violation', () => {
    const err = rejection(() => decodePetitionExport(sample('malformed.json'), config));
    expect(err.code).to.equal('PETITION_INVALID');
    expect(err.status).to.equal(422);
    const paths = (err.details as { violations: Array<{ path: string }> }).violations.map((v) => v.path);
    expect(paths).to.include.members(['/title', '/author', '/published_at', '/votes', '/status']);
  });

  it('not JSON, or an end of collection before publication, is PETITION_INVALID too', () => {
    expect(rejection(() => decodePetitionExport(Buffer.from('<petition/>'), config)).code).to.equal('PETITION_INVALID');
    const raw = JSON.parse(sample('collecting.json').toString('utf8'));
    const err = rejection(() => decodePetitionExport(Buffer.from(JSON.stringify({ ...raw, end_date: '2026-01-01' })), config));
    expect((err.details as { violations: Array<{ path: string }> }).violations[0]!.path).to.equal('/end_date');
  });

  it('settings: a bad PETITION_THRESHOLD names its variable', () => {
    expect(() => loadEPetitionsConfig({ PETITION_THRESHOLD: '0' })).to.throw(/PETITION_THRESHOLD/);
    expect(() => loadEPetitionsConfig({ PETITION_COLLECTION_DAYS: 'три місяці' })).to.throw(/PETITION_COLLECTION_DAYS/);
  });
  it('keeps the classifier codes and the threshold’s instant; an unknown code or an impossible threshold date is PETITION_INVALID', () => {
    const base = JSON.parse(sample('collecting.json').toString('utf8'));
    const bytes = (over: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...base, ...over }), 'utf8');
    const s = decodePetitionExport(bytes({ votes: 260, topics: ['003', '003', '009.01'], threshold_reached_at: '2026-01-30T12:00:00+02:00' }), config);
    expect(violations('petition-snapshot.schema.json', s)).to.deep.equal([]);
    expect(s).to.deep.include({ topics: ['003', '009.01'], thresholdReachedAt: '2026-01-30T10:00:00.000Z' });
    expect(decodePetitionExport(sample('collecting.json'), config)).to.not.have.any.keys('topics', 'thresholdReachedAt');
    const paths = (over: Record<string, unknown>) => (rejection(() => decodePetitionExport(bytes(over), config)).details as { violations: Array<{ path: string }> }).violations.map((v) => v.path);
    expect(paths({ topics: ['999'] })).to.deep.equal(['/topics/0']);
    expect(paths({ votes: 260, threshold_reached_at: '2026-01-01T10:00:00+02:00' }), 'before publication').to.deep.equal(['/threshold_reached_at']);
    expect(paths({ votes: 260, threshold_reached_at: '2026-03-01T10:00:00+02:00' }), 'after the export').to.deep.equal(['/threshold_reached_at']);
    expect(paths({ threshold_reached_at: '2026-01-30T12:00:00+02:00' }), 'votes below the threshold').to.deep.equal(['/threshold_reached_at']);
  });
});
