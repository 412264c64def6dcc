import type { Request } from 'express';
import { maySeePersonalData, recordPersonalDataReads, type PersonalRecordRef } from '../identity';
import type { Clock } from '../domain/clock';
import type { Queryable } from '../store';
import { operationOf } from './secure-router';

/**
 * Records that this request showed these records' personal data unmasked (Law «Про захист
 * персональних даних», art. 10, 14). Called by every route that can show it; does nothing for a
 * caller who saw them masked.
 */
export async function personalDataShown(db: Queryable, clock: Clock, req: Request, records: PersonalRecordRef[]): Promise<void> {
  if (!records.length || !req.principal || !maySeePersonalData(req.principal)) return;
  await recordPersonalDataReads(db, req.principal, operationOf(req), records, clock.now());
}
