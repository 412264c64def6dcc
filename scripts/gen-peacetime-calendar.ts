/**
 * Writes reference-data/calendars/peacetime.json from the rules in src/domain/calendar
 * (art. 73 КЗпП as amended, 2000-2100). `npx tsx scripts/gen-peacetime-calendar.ts` after changing
 * a rule or bumping PEACETIME_VERSION; src/domain/calendar/peacetime-derivation.test.ts fails
 * while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPeacetimeCalendarJson } from '../src/domain/calendar/peacetime-derivation';

export const peacetimeJsonPath = join(__dirname, '..', 'reference-data', 'calendars', 'peacetime.json');

if (require.main === module) {
  writeFileSync(peacetimeJsonPath, renderPeacetimeCalendarJson());
  console.log(`written ${peacetimeJsonPath}`);
}
