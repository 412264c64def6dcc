import { addDays } from '../../clock';

/**
 * For the intake tests: Monday to Friday, no holidays — enough for terms in March 2026, which has
 * no days off besides weekends (and none at all under martial law).
 */
export function addWeekdays(date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; ) {
    d = addDays(d, 1);
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) i++;
  }
  return d;
}
