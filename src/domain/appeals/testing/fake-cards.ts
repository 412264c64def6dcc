/** Appeal cards for tests and the bench: a complete written appeal unless told otherwise. */
import type { AppealCard } from '../types';
import { officialAddress, officialName, type FakePerson } from './fake-people';

let next = 0;

export function fakeCard(over: Partial<AppealCard> = {}): AppealCard {
  next++;
  return {
    id: `appeal-${next}`,
    registrationIndex: `К-${next}`,
    receivedOn: '2026-03-10',
    writtenOn: '2026-03-06',
    type: 'application',
    form: 'individual',
    submission: 'written',
    channel: 'post',
    forwardedBy: { body: 'none', underControl: false },
    applicants: [{ fullName: 'Гнатюк Оксана Петрівна', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34' }],
    topics: ['009'],
    summary: 'Щодо ремонту покрівлі багатоквартирного будинку',
    signed: true,
    dated: true,
    newFacts: false,
    ...over,
  };
}

export function applicantOf(p: FakePerson): AppealCard['applicants'][number] {
  return { fullName: officialName(p), address: officialAddress(p), ...(p.email ? { email: p.email } : {}), ...(p.phone ? { phone: p.phone } : {}) };
}
