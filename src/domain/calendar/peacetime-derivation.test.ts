import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEACETIME_DATA } from './index';
import { AMENDMENTS } from './labour-code-amendments';
import { HOLIDAY_RULES } from './labour-code-holidays';
import { derivePeacetimeCalendar, PEACETIME_VERSION, renderPeacetimeCalendarJson } from './peacetime-derivation';

const peacetimeJsonPath = join(__dirname, '..', '..', '..', 'reference-data', 'calendars', 'peacetime.json');

describe('peacetime.json is derived from the rules', () => {
  it('the shipped file is exactly what the rules give (run `npx tsx scripts/gen-peacetime-calendar.ts`)', () => {
    expect(readFileSync(peacetimeJsonPath, 'utf8')).to.equal(renderPeacetimeCalendarJson());
  });

  it('the loaded data covers 2000-2100 with every rule-derived holiday, and names its version', () => {
    expect(PEACETIME_DATA.covers).to.deep.equal({ from: '2000-01-01', to: '2100-12-31' });
    expect(PEACETIME_DATA.version).to.equal(PEACETIME_VERSION);
    expect(PEACETIME_DATA.holidays).to.deep.equal(derivePeacetimeCalendar().holidays);
    expect(PEACETIME_DATA.extraDaysOff).to.deep.equal([]); // no Cabinet bridge days unless a council adds them
  });

  it('cites every act in the notes staff read, and each rule names acts that exist', () => {
    const notes = PEACETIME_DATA.notes.join('\n');
    for (const a of AMENDMENTS.filter((x) => x.id !== 'law-2136-IX')) expect(notes).to.contain(a.actUk);
    const ids = new Set(AMENDMENTS.map((a) => a.id));
    for (const r of HOLIDAY_RULES) {
      expect(ids.has(r.since), r.nameUk).to.equal(true);
      if (r.until) expect(ids.has(r.until), r.nameUk).to.equal(true);
    }
    expect(PEACETIME_DATA.basis).to.contain('ст. 73').and.contain('№ 2211-VIII').and.contain('№ 3107-IX').and.contain('№ 576-XIV');
  });
});
