import { Lru } from '../cache/lru';
import { CheckId, CheckStatus, SignatureCheck } from '../report';

/** One reported check, in English for integrators and Ukrainian for staff. */
export function check(id: CheckId, status: CheckStatus, message: string, messageUk: string): SignatureCheck {
  return { id, passed: status !== 'failed', status, message, messageUk };
}

/**
 * ISO 8601 text of a date. Date#toISOString costs over a microsecond and a report writes a dozen
 * (certificate periods, signing and validation times in several messages) of instants that recur
 * (the same certificates, signers and validation time): each instant is formatted once.
 */
export function iso(date: Date): string {
  return formatted.memo(date.getTime(), () => date.toISOString());
}

const formatted = new Lru<number, string>(4096);
