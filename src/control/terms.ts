import { readFileSync } from 'node:fs';
import { ConfigError, type Config } from '../config';
import { createCalendars, parseCalendarOverride, type CalendarOverride, type WorkingDayCalendar } from '../domain/calendar';
import { urgencyOf } from '../domain/info-requests';
import { computeTerm, deriveDates, rollToWorkingDay, TermError, type TermOptions } from '../domain/terms';
import { HubError } from '../errors';
import type { DocumentCard } from '../schemas';
import type { TermService } from './term-service';

/** Prosecutorial acts by subtype (Law "Про прокуратуру"; 003 §184-188). */
const PROSECUTOR_RULES: Record<string, string> = {
  protest: 'prosecutor-protest',
  submission: 'prosecutor-submission',
  order: 'prosecutor-order',
  demand: 'prosecutor-demand',
  request: 'prosecutor-request',
};

/** The default term rule of each kind of document (see `dilovod term --list` for the sources). */
export function ruleForDocument(doc: Pick<DocumentCard, 'kind' | 'subtype' | 'urgency'> & { meta?: DocumentCard['meta'] }): string {
  const urgent = doc.urgency === 'urgent' || doc.urgency === 'immediate';
  switch (doc.kind) {
    case 'official-letter':
      return 'letter';
    case 'telegram':
      return urgent ? 'urgent-telegram' : 'telegram';
    case 'higher-authority-document':
      return 'higher-authority';
    case 'prosecutorial-act':
      return PROSECUTOR_RULES[doc.subtype ?? ''] ?? 'document';
    case 'citizen-appeal':
    case 'hotline-card':
      return 'appeal';
    case 'e-petition':
      // Below its threshold it is considered as a collective appeal (Law art. 20; seeds 000, 002).
      return doc.subtype === 'below-threshold' ? 'appeal' : 'petition';
    case 'info-request':
      // 48 hours when marked urgent or meta.infoRequest.urgentReason names a ground of ст. 20 ч. 2.
      return urgencyOf(doc) ? 'info-request-urgent' : 'info-request';
    case 'committee-decision':
      return 'committee-decision';
    case 'mayor-order':
      return 'mayor-order';
  }
}

/**
 * Kinds whose terms run from receipt rather than from registration. A council's own decision or
 * order is registered on the day it was signed, but its control term runs from the general
 * department's dissemination (003 §195), which is when the hub receives it.
 */
export const COUNTS_FROM_RECEIPT = new Set(['citizen-appeal', 'hotline-card', 'e-petition', 'info-request', 'prosecutorial-act', 'telegram', 'committee-decision', 'mayor-order']);

function asHubError(err: unknown): unknown {
  if (!(err instanceof TermError)) return err;
  return new HubError(err.code, { status: 422, message: err.message, messageUk: err.messageUk }, err.details);
}

/** The calendar chosen by CALENDAR, with a council's CALENDAR_FILE override applied. */
export function configuredCalendar(config: Pick<Config, 'calendar' | 'calendarOverrideFile'>): WorkingDayCalendar {
  let overrides: CalendarOverride[] = [];
  if (config.calendarOverrideFile) {
    try {
      overrides = [parseCalendarOverride(JSON.parse(readFileSync(config.calendarOverrideFile, 'utf8')), config.calendarOverrideFile)];
    } catch (err) {
      const uk = (err as { messageUk?: string }).messageUk ?? (err as Error).message;
      throw new ConfigError('CALENDAR_FILE', (err as Error).message, `не вдається застосувати файл календаря: ${uk}`);
    }
  }
  return createCalendars(overrides).byName(config.calendar);
}

/**
 * The council's term options (TERM_ROLL: ЦК ст. 254 ч. 5 moves a term off a day off to the next
 * working day, or the previous one by the council's choice): one source for control's terms and
 * the appeals intake's (src/hub/pipeline.ts), so a term is the same wherever it is counted.
 */
export function configuredTermOptions(config: Pick<Config, 'termRoll'>): TermOptions & { roll: Config['termRoll'] } {
  return { roll: config.termRoll };
}

/** Terms on the working-day calendar (src/domain/terms), for the control service. */
export function calendarTermService(config: Pick<Config, 'calendar' | 'calendarOverrideFile' | 'termRoll'>): TermService {
  const calendar = configuredCalendar(config);
  const options = configuredTermOptions(config);
  return {
    ruleFor: ruleForDocument,
    termFor(rule, from, explicitTerm) {
      try {
        const r = computeTerm({ rule: rule === 'explicit' ? 'document' : rule, from, calendar, explicitTerm, options });
        return { term: r.term, basis: r.basis };
      } catch (err) {
        throw asHubError(err);
      }
    },
    derive(term, isAppeal, from) {
      const r = deriveDates({ term, from: from < term ? from : term, kind: isAppeal ? 'appeal' : 'document', calendar, options });
      return { reminderOn: r.reminder, coExecutorsDue: r.coExecutorsDue, extensionDeadline: r.extensionRequestDeadline };
    },
    appealCap(receivedOn) {
      return computeTerm({ rule: 'appeal-cap', from: receivedOn, calendar, options }).term;
    },
    roll(term, after) {
      return rollToWorkingDay(calendar, term, after, options.roll).term;
    },
  };
}
