import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

/**
 * Personal data never reaches the logs (Law "Про захист персональних даних"; 001 §2.2.13).
 * The code logs ids, codes and indexes only; these paths are a second line of defence for any
 * object that slips through: applicants' and correspondents' names, addresses, phones, e-mails,
 * tax numbers, and whole payloads.
 */
export const REDACT_PATHS = [
  'correspondent', '*.correspondent', 'applicant', '*.applicant', 'applicants', '*.applicants',
  'name', '*.name', 'fullName', '*.fullName', 'address', '*.address', 'phone', '*.phone', 'email', '*.email',
  'drfo', '*.drfo', 'taxNumber', '*.taxNumber', 'rnokpp', '*.rnokpp', 'payload', '*.payload', 'body', '*.body',
  'summary', '*.summary', 'req.headers.authorization',
];

export function createLogger(opts: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: 'dilovod' },
      redact: { paths: REDACT_PATHS, censor: '[masked]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

/** For places that must name a person to staff-facing output: "Шевченко Тарас" → "Ш******* Т****". */
export function maskPersonal(value: string): string {
  return value.replace(/[\p{L}\p{N}'’ʼ-]+/gu, (w) => (w.length <= 1 ? '*' : w[0] + '*'.repeat(w.length - 1)));
}
