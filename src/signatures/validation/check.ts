import { CheckId, CheckStatus, SignatureCheck } from '../report';

/** One reported check, in English for integrators and Ukrainian for staff. */
export function check(id: CheckId, status: CheckStatus, message: string, messageUk: string): SignatureCheck {
  return { id, passed: status !== 'failed', status, message, messageUk };
}

export function iso(date: Date): string {
  return date.toISOString();
}
