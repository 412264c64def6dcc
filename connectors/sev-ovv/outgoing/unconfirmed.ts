import { addWorkingDays, type WorkingDayCalendar } from '../../../src/domain/calendar';
import { kyivDate } from '../../../src/domain/clock';

const DAY_MS = 86_400_000;

/**
 * When a message's first receipt is due (issue 18: none within a configurable time, by default 1
 * working day → listed as unconfirmed): `workingDays` working days after the day it was sent, at the
 * same time of day. Sent on a Friday at 10:00, one working day → Monday 10:00 (on the working-day
 * calendar the hub counts terms by: weekends, holidays and their transfers).
 */
export function receiptDueAt(sentAt: Date, workingDays: number, calendar: WorkingDayCalendar): Date {
  const sentDay = kyivDate(sentAt);
  const dueDay = addWorkingDays(calendar, sentDay, workingDays);
  return new Date(sentAt.getTime() + Math.round((Date.parse(`${dueDay}T00:00:00Z`) - Date.parse(`${sentDay}T00:00:00Z`)) / DAY_MS) * DAY_MS);
}
