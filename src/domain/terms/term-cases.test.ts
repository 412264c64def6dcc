/**
 * The table of term cases. Every expected date was worked out by hand on a printed calendar
 * (weekdays checked against `cal`), never by calling the code under test; the reasoning is in
 * `why`. P = peacetime, M = martial law, L = law in force (peacetime before 24.03.2022).
 */
import { expect } from 'chai';
import { LAW_IN_FORCE, MARTIAL_LAW, PEACETIME, type WorkingDayCalendar } from '../calendar';
import { computeTerm } from './index';

const CAL: Record<'P' | 'M' | 'L', WorkingDayCalendar> = { P: PEACETIME, M: MARTIAL_LAW, L: LAW_IN_FORCE };

interface Case {
  rule: string;
  from: string;
  cal: 'P' | 'M' | 'L';
  term: string;
  source: string;
  why: string;
  explicitTerm?: string;
  roll?: 'next' | 'previous';
}

const APPEALS = 'Закон «Про звернення громадян» ст. 20, 003 п. 113';
const CC = 'ЦК ст. 253-254';

const CASES: Case[] = [
  // Month ends and leap years (ЦК ст. 254 ч. 2).
  { rule: 'appeal', from: '2025-01-31', cal: 'M', term: '2025-02-28', source: `${APPEALS}; ${CC}`, why: 'no 31 Feb: last day of February, a Friday' },
  { rule: 'appeal', from: '2028-01-31', cal: 'M', term: '2028-02-29', source: `${APPEALS}; ${CC}`, why: 'leap year: 29 Feb 2028, a Tuesday' },
  { rule: 'appeal', from: '2028-02-29', cal: 'M', term: '2028-03-29', source: `${APPEALS}; ${CC}`, why: 'same date next month, Wednesday' },
  { rule: 'appeal', from: '2027-01-31', cal: 'M', term: '2027-03-01', source: `${APPEALS}; ${CC} ч. 5`, why: '28 Feb 2027 is a Sunday: next working day Monday 1 March' },
  { rule: 'appeal', from: '2027-01-31', cal: 'M', term: '2027-02-26', roll: 'previous', source: `${APPEALS}; council roll to previous`, why: 'Sunday 28 Feb rolls back to Friday 26 Feb' },
  { rule: 'appeal', from: '2025-03-31', cal: 'M', term: '2025-04-30', source: `${APPEALS}; ${CC}`, why: 'April has no 31st: 30 April, Wednesday' },
  { rule: 'appeal', from: '2025-12-15', cal: 'M', term: '2026-01-15', source: `${APPEALS}; ${CC}`, why: 'year boundary, Thursday 15 Jan 2026' },
  { rule: 'appeal', from: '2021-12-01', cal: 'P', term: '2022-01-04', source: `${APPEALS}; КЗпП ст. 67 ч. 3, ст. 73`, why: '1 Jan 2022 Saturday holiday, Sunday, Monday 3 Jan is the moved day off: Tuesday 4 Jan' },
  { rule: 'appeal', from: '2021-12-01', cal: 'L', term: '2022-01-04', source: `${APPEALS}; law in force: peacetime before 24.03.2022`, why: 'January 2022 was before Law 2136-IX: same as peacetime' },
  { rule: 'appeal', from: '2021-12-01', cal: 'M', term: '2022-01-03', source: `${APPEALS}; Закон 2136-IX ст. 6`, why: 'no holidays: Saturday 1 Jan rolls to Monday 3 Jan' },
  { rule: 'appeal', from: '2021-12-07', cal: 'P', term: '2022-01-10', source: `${APPEALS}; КЗпП ст. 73 (7 січня до 2023 р.)`, why: 'Friday 7 Jan 2022 Christmas, then the weekend: Monday 10 Jan' },
  { rule: 'appeal', from: '2021-04-03', cal: 'P', term: '2021-05-05', source: `${APPEALS}; КЗпП ст. 67 ч. 3`, why: '1 May (Sat) and Easter 2 May (Sun) moved days off to Mon 3 and Tue 4 May' },
  { rule: 'appeal', from: '2021-04-03', cal: 'M', term: '2021-05-03', source: `${APPEALS}; Закон 2136-IX ст. 6`, why: 'Monday 3 May is an ordinary working day under the martial-law calendar' },
  { rule: 'appeal', from: '2022-02-08', cal: 'L', term: '2022-03-09', source: `${APPEALS}; КЗпП ст. 73; Закон 2136-IX in force 24.03.2022`, why: '8 March 2022 (Tuesday) still a holiday: Wednesday 9 March' },
  { rule: 'appeal', from: '2022-02-08', cal: 'M', term: '2022-03-08', source: `${APPEALS}; Закон 2136-IX ст. 6`, why: 'martial-law calendar applied by choice: 8 March is a working day' },
  { rule: 'appeal', from: '2022-03-25', cal: 'L', term: '2022-04-25', source: `${APPEALS}; Закон 2136-IX ст. 6`, why: 'Easter Sunday 24 Apr 2022 moved nothing under martial law: Monday 25 Apr works' },
  { rule: 'appeal', from: '2022-03-25', cal: 'P', term: '2022-04-26', source: `${APPEALS}; КЗпП ст. 67 ч. 3`, why: 'peacetime: Monday 25 Apr is the day off moved from Easter' },
  { rule: 'appeal', from: '2026-11-25', cal: 'M', term: '2026-12-25', source: `${APPEALS}; Закон 2136-IX ст. 6`, why: 'Christmas (Friday) is a working day under martial law' },
  { rule: 'appeal', from: '2026-11-25', cal: 'P', term: '2026-12-28', source: `${APPEALS}; КЗпП ст. 73`, why: 'Christmas Friday 25 Dec, weekend: Monday 28 Dec' },
  { rule: 'appeal', from: '2024-04-08', cal: 'P', term: '2024-05-09', source: `${APPEALS}; КЗпП ст. 73 (8 травня з 2024 р.)`, why: '8 May 2024 (Wednesday) is a holiday; 9 May no longer is' },

  // 15 days without further study.
  { rule: 'appeal-no-study', from: '2025-06-01', cal: 'M', term: '2025-06-16', source: APPEALS, why: '1 June + 15 = Monday 16 June' },
  { rule: 'appeal-no-study', from: '2021-12-23', cal: 'P', term: '2022-01-10', source: `${APPEALS}; КЗпП ст. 73`, why: '23 Dec + 15 = Friday 7 Jan 2022 (Christmas): Monday 10 Jan' },
  { rule: 'appeal-no-study', from: '2021-12-17', cal: 'P', term: '2022-01-04', source: `${APPEALS}; КЗпП ст. 67 ч. 3`, why: '17 Dec + 15 = Saturday 1 Jan; Monday 3 Jan moved day off: Tuesday 4 Jan' },
  { rule: 'appeal-no-study', from: '2022-03-09', cal: 'L', term: '2022-03-24', source: `${APPEALS}; law in force`, why: '9 Mar + 15 = Thursday 24 March 2022, a working day' },
  { rule: 'appeal-no-study', from: '2024-06-30', cal: 'P', term: '2024-07-16', source: `${APPEALS}; КЗпП ст. 73 (15 липня з 2024 р.)`, why: '30 Jun + 15 = Monday 15 July, Statehood Day: Tuesday 16 July' },
  { rule: 'appeal-no-study', from: '2024-06-30', cal: 'M', term: '2024-07-15', source: `${APPEALS}; Закон 2136-IX ст. 6`, why: 'Statehood Day is a working day under martial law' },

  // 45 days in total.
  { rule: 'appeal-cap', from: '2025-01-10', cal: 'M', term: '2025-02-24', source: APPEALS, why: '10 Jan + 45 = Monday 24 Feb' },
  { rule: 'appeal-cap', from: '2021-03-20', cal: 'P', term: '2021-05-05', source: `${APPEALS}; КЗпП ст. 67 ч. 3`, why: '20 Mar + 45 = Tuesday 4 May, a moved day off: Wednesday 5 May' },

  // Forwarding, returning (calendar days).
  { rule: 'forwarding', from: '2021-04-28', cal: 'P', term: '2021-05-05', source: 'Закон «Про звернення громадян» ст. 7; КЗпП ст. 67 ч. 3', why: '28 Apr + 5 = Monday 3 May (moved day off), Tuesday 4 May too: Wednesday 5 May' },
  { rule: 'forwarding', from: '2021-04-28', cal: 'P', term: '2021-04-30', roll: 'previous', source: 'Закон «Про звернення громадян» ст. 7; council roll to previous', why: 'back from Monday 3 May over the weekend to Friday 30 April' },
  { rule: 'forwarding', from: '2025-08-19', cal: 'M', term: '2025-08-25', source: 'Закон «Про звернення громадян» ст. 7', why: '19 Aug + 5 = Sunday 24 Aug: Monday 25 Aug' },
  { rule: 'forwarding', from: '2025-08-19', cal: 'P', term: '2025-08-26', source: 'Закон «Про звернення громадян» ст. 7; КЗпП ст. 67 ч. 3', why: 'Independence Day on Sunday moves the day off to Monday 25 Aug: Tuesday 26 Aug' },
  { rule: 'forwarding', from: '2024-09-26', cal: 'P', term: '2024-10-02', source: 'Закон «Про звернення громадян» ст. 7; КЗпП ст. 73 (1 жовтня з 2023 р.)', why: '26 Sep + 5 = Tuesday 1 Oct, Defenders Day: Wednesday 2 Oct' },
  { rule: 'forwarding', from: '2024-10-09', cal: 'P', term: '2024-10-14', source: 'Закон «Про звернення громадян» ст. 7; КЗпП ст. 73 (14 жовтня — до 2022 р.)', why: '14 Oct 2024 is no longer a holiday: Monday 14 Oct' },
  { rule: 'return-to-author', from: '2025-12-22', cal: 'M', term: '2026-01-01', source: 'Закон «Про звернення громадян» ст. 5, 003 п. 105; Закон 2136-IX', why: '22 Dec + 10 = Thursday 1 Jan, working under martial law' },
  { rule: 'return-to-author', from: '2025-12-22', cal: 'P', term: '2026-01-02', source: 'Закон «Про звернення громадян» ст. 5, 003 п. 105; КЗпП ст. 73', why: 'New Year (Thursday) is a holiday: Friday 2 Jan' },
  { rule: 'return-to-author', from: '2028-02-19', cal: 'M', term: '2028-02-29', source: 'Закон «Про звернення громадян» ст. 5, 003 п. 105', why: '19 Feb + 10 = 29 Feb 2028 (leap day, Tuesday)' },

  // Public information: working days and hours.
  { rule: 'info-request', from: '2021-04-28', cal: 'P', term: '2021-05-07', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1', why: 'Thu 29, Fri 30 Apr, (3-4 May off), Wed 5, Thu 6, Fri 7 May' },
  { rule: 'info-request', from: '2021-04-28', cal: 'M', term: '2021-05-05', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1', why: 'Thu 29, Fri 30, Mon 3, Tue 4, Wed 5 May' },
  { rule: 'info-request', from: '2025-12-26', cal: 'M', term: '2026-01-02', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1', why: 'Mon 29, Tue 30, Wed 31 Dec, Thu 1, Fri 2 Jan' },
  { rule: 'info-request', from: '2025-12-26', cal: 'P', term: '2026-01-05', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1; КЗпП ст. 73', why: 'Mon 29, Tue 30, Wed 31, (1 Jan off), Fri 2, Mon 5 Jan' },
  { rule: 'info-request', from: '2025-03-08', cal: 'M', term: '2025-03-14', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1', why: 'received Saturday: Mon 10 … Fri 14 March' },
  { rule: 'info-request', from: '2025-03-08', cal: 'P', term: '2025-03-17', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1; КЗпП ст. 67 ч. 3', why: '8 March on Saturday moves the day off to Monday 10: Tue 11 … Mon 17' },
  { rule: 'info-request', from: '2020-12-24', cal: 'P', term: '2021-01-04', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1; КЗпП ст. 73', why: '(25 Dec off) Mon 28, Tue 29, Wed 30, Thu 31, (1 Jan off) Mon 4 Jan' },
  { rule: 'info-request', from: '2022-03-04', cal: 'L', term: '2022-03-14', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1; law in force', why: 'Mon 7, (8 March still a holiday) Wed 9, Thu 10, Fri 11, Mon 14' },
  { rule: 'info-request', from: '2022-03-04', cal: 'M', term: '2022-03-11', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 1; Закон 2136-IX', why: 'Mon 7 … Fri 11 March' },
  { rule: 'info-request-extended', from: '2025-12-01', cal: 'M', term: '2025-12-29', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 4', why: 'Dec 2-5 (4), 8-12 (9), 15-19 (14), 22-26 (19), Mon 29 (20)' },
  { rule: 'info-request-extended', from: '2025-12-01', cal: 'P', term: '2025-12-30', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 4; КЗпП ст. 73', why: 'as above but Christmas Thursday 25 Dec is off: Tuesday 30 Dec' },
  { rule: 'info-request-extended', from: '2020-12-24', cal: 'P', term: '2021-01-26', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 4; КЗпП ст. 73', why: 'Dec 28-31 (4), Jan 4-6 (7), 7 Jan off, 8 (8), 11-15 (13), 18-22 (18), 25 (19), 26 (20)' },
  { rule: 'info-request-urgent', from: '2025-06-06', cal: 'M', term: '2025-06-08', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 2', why: '48 hours from Friday end on Sunday: hours are not moved' },
  { rule: 'info-request-urgent', from: '2025-06-03', cal: 'P', term: '2025-06-05', source: 'Закон «Про доступ до публічної інформації» ст. 20 ч. 2', why: 'Tuesday + 48 hours = Thursday' },

  // E-petition: working days.
  { rule: 'petition', from: '2021-06-14', cal: 'P', term: '2021-06-30', source: 'Закон «Про звернення громадян» ст. 23-1; КЗпП ст. 67 ч. 3, ст. 73', why: '15-18 (4), Mon 21 off (Trinity moved), 22-25 (8), Mon 28 Constitution Day, 29 (9), 30 (10)' },
  { rule: 'petition', from: '2021-06-14', cal: 'M', term: '2021-06-28', source: 'Закон «Про звернення громадян» ст. 23-1', why: '15-18 (4), 21-25 (9), Mon 28 (10)' },

  // Letters, higher-authority documents (003 §178, §166).
  { rule: 'letter', from: '2025-10-31', cal: 'M', term: '2025-12-01', source: '003 п. 178; ЦК ст. 254', why: '30 Nov (no 31st) is a Sunday: Monday 1 Dec' },
  { rule: 'letter', from: '2021-09-14', cal: 'P', term: '2021-10-15', source: '003 п. 178; КЗпП ст. 73 (14 жовтня до 2022 р.)', why: 'Thursday 14 Oct 2021 Defenders Day: Friday 15 Oct' },
  { rule: 'letter', from: '2021-09-14', cal: 'M', term: '2021-10-14', source: '003 п. 178; Закон 2136-IX', why: '14 Oct is a working day under martial law' },
  { rule: 'letter', from: '2024-12-07', cal: 'P', term: '2025-01-07', source: '003 п. 178; КЗпП ст. 73 (7 січня — до 2023 р.)', why: '7 January is no longer a holiday since the 2023 change' },
  { rule: 'letter', from: '2023-09-01', cal: 'P', term: '2023-10-03', source: '003 п. 178; КЗпП ст. 67 ч. 3, ст. 73 (1 жовтня з 2023 р.)', why: 'Sunday 1 Oct 2023 holiday moves the day off to Monday 2 Oct: Tuesday 3 Oct' },
  { rule: 'higher-authority', from: '2024-01-30', cal: 'M', term: '2024-02-29', source: '003 п. 166; ЦК ст. 254 ч. 2', why: 'no 30 Feb: last day of February 2024 (leap), Thursday' },
  { rule: 'higher-authority', from: '2023-01-30', cal: 'M', term: '2023-02-28', source: '003 п. 166; ЦК ст. 254 ч. 2', why: 'no 30 Feb: 28 Feb 2023, Tuesday' },
  { rule: 'higher-authority', from: '2025-03-10', cal: 'M', term: '2025-04-15', explicitTerm: '2025-04-15', source: '003 п. 166 (строк, визначений документом)', why: 'the term written in the document wins over one month' },

  // Documents without a term, telegrams (003 §158).
  { rule: 'document', from: '2025-01-15', cal: 'M', term: '2025-02-14', source: '003 п. 158', why: '15 Jan + 30 = Friday 14 Feb' },
  { rule: 'document', from: '2028-02-01', cal: 'M', term: '2028-03-02', source: '003 п. 158', why: '29-day February: 1 Feb + 30 = Thursday 2 March' },
  { rule: 'document', from: '2027-02-01', cal: 'M', term: '2027-03-03', source: '003 п. 158', why: '28-day February: 1 Feb + 30 = Wednesday 3 March' },
  { rule: 'document', from: '2021-11-25', cal: 'P', term: '2021-12-28', source: '003 п. 158; КЗпП ст. 67 ч. 3', why: 'Saturday 25 Dec Christmas moves the day off to Monday 27: Tuesday 28 Dec' },
  { rule: 'document', from: '2021-11-25', cal: 'M', term: '2021-12-27', source: '003 п. 158; Закон 2136-IX', why: 'Saturday 25 Dec: Monday 27 Dec' },
  { rule: 'document', from: '2021-11-25', cal: 'P', term: '2021-12-24', roll: 'previous', source: '003 п. 158; council roll to previous', why: 'back from Saturday to Friday 24 Dec' },
  { rule: 'document', from: '2023-09-14', cal: 'P', term: '2023-10-16', source: '003 п. 158; КЗпП ст. 73 (зміни 2023 р.)', why: 'Saturday 14 Oct 2023 is no longer a holiday, so nothing is moved: Monday 16 Oct' },
  { rule: 'urgent-telegram', from: '2025-12-31', cal: 'M', term: '2026-01-02', source: '003 п. 158', why: 'Thu 1 Jan (1), Fri 2 Jan (2)' },
  { rule: 'urgent-telegram', from: '2025-12-31', cal: 'P', term: '2026-01-05', source: '003 п. 158; КЗпП ст. 73', why: '(1 Jan off) Fri 2 (1), Mon 5 (2)' },
  { rule: 'urgent-telegram', from: '2021-05-07', cal: 'P', term: '2021-05-12', source: '003 п. 158; КЗпП ст. 67 ч. 3', why: 'Mon 10 May is moved from Sunday 9 May: Tue 11 (1), Wed 12 (2)' },
  { rule: 'telegram', from: '2025-02-18', cal: 'M', term: '2025-02-28', source: '003 п. 158', why: '18 Feb + 10 = Friday 28 Feb' },

  // Own acts (003 §195).
  { rule: 'committee-decision', from: '2021-05-28', cal: 'P', term: '2021-06-29', source: '003 п. 195; КЗпП ст. 73', why: 'Monday 28 June Constitution Day: Tuesday 29 June' },
  { rule: 'mayor-order', from: '2021-07-23', cal: 'P', term: '2021-08-23', source: '003 п. 195', why: 'Monday 23 Aug 2021 is a working day (no КМУ transfer in the shipped data)' },
  { rule: 'mayor-order', from: '2021-07-24', cal: 'P', term: '2021-08-25', source: '003 п. 195; КЗпП ст. 73', why: 'Tuesday 24 Aug Independence Day: Wednesday 25 Aug' },

  // Prosecutorial acts.
  { rule: 'prosecutor-protest', from: '2025-04-03', cal: 'M', term: '2025-04-14', source: 'Закон № 1789-XII ст. 21; 003 п. 184', why: '3 Apr + 10 = Sunday 13 Apr: Monday 14 Apr' },
  { rule: 'prosecutor-submission', from: '2025-04-30', cal: 'M', term: '2025-05-30', source: 'Закон № 1789-XII ст. 23; 003 п. 184', why: 'one month: Friday 30 May' },
  { rule: 'prosecutor-order', from: '2025-05-01', cal: 'M', term: '2025-05-05', explicitTerm: '2025-05-03', source: 'Закон № 1789-XII ст. 22; ЦК ст. 254 ч. 5', why: 'the order sets Saturday 3 May: Monday 5 May' },
  { rule: 'prosecutor-demand', from: '2025-05-05', cal: 'P', term: '2025-05-12', explicitTerm: '2025-05-12', source: 'Закон № 1789-XII ст. 8, 20', why: 'term set by the prosecutor, a Monday' },
];

describe('term cases (hand-computed table, each with its legal source)', () => {
  it('has at least 50 cases', () => {
    expect(CASES.length).to.be.at.least(50);
  });

  for (const c of CASES) {
    const label = `${c.rule} from ${c.from} [${c.cal}${c.roll === 'previous' ? ', roll previous' : ''}${c.explicitTerm ? `, explicit ${c.explicitTerm}` : ''}] → ${c.term} (${c.source}): ${c.why}`;
    it(label, () => {
      const result = computeTerm({
        rule: c.rule,
        from: c.from,
        calendar: CAL[c.cal],
        explicitTerm: c.explicitTerm,
        options: c.roll ? { roll: c.roll } : undefined,
      });
      expect(result.term).to.equal(c.term);
    });
  }
});
