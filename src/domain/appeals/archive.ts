/**
 * The earlier appeals intake compares a new one with. `EarlierAppeals` is the port: given
 * blocking keys, the earlier appeals filed under any of them. The store answers it from an
 * indexed key column (`appeal_keys(key, appeal_id)` with a B-tree on key); `MemoryArchive` is
 * the same in memory, for tests and the bench.
 */
import type { AppealForm, AppealRecord, ForwardingBody } from './types';
import { blockingKeys, fingerprintApplicant, type ApplicantFingerprint } from './matching';
import { summaryStems } from './questions';

/** What intake needs to know about an earlier appeal (a row of the store plus its applicants' fingerprints). */
export interface EarlierAppeal {
  id: string;
  registrationIndex?: string;
  receivedOn: string;
  form: AppealForm;
  applicants: readonly ApplicantFingerprint[];
  topics: readonly string[];
  /** summaryStems(summary), stored with the row. */
  stems: readonly string[];
  answeredOnMerits: boolean;
  answeredOn: string | null;
  forwardedBy: ForwardingBody;
}

export interface EarlierAppeals {
  /** Earlier appeals filed under any of the keys, each once. */
  findByKeys(keys: readonly string[]): readonly EarlierAppeal[];
}

/** The row intake keeps of a registered appeal, from its record. */
export function earlierAppealOf(record: AppealRecord, applicants?: readonly ApplicantFingerprint[]): EarlierAppeal {
  const c = record.card;
  return {
    id: c.id,
    registrationIndex: c.registrationIndex,
    receivedOn: c.receivedOn,
    form: c.form,
    applicants: applicants ?? c.applicants.map(fingerprintApplicant),
    topics: c.topics,
    stems: summaryStems(c.summary),
    answeredOnMerits: record.answeredOnMerits,
    answeredOn: record.answeredOn,
    forwardedBy: c.forwardedBy.body,
  };
}

/** Every key an appeal is filed under: its applicants' blocking keys. */
export function appealKeys(applicants: readonly ApplicantFingerprint[]): string[] {
  const keys = new Set<string>();
  for (const a of applicants) for (const k of blockingKeys(a)) keys.add(k);
  return [...keys];
}

const EMPTY: readonly EarlierAppeal[] = [];

/** An in-memory key → appeals index. */
export class MemoryArchive implements EarlierAppeals {
  private readonly blocks = new Map<string, EarlierAppeal[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Distinct keys on file: what a database index would hold. */
  get keyCount(): number {
    return this.blocks.size;
  }

  add(appeal: EarlierAppeal, keys: readonly string[] = appealKeys(appeal.applicants)): void {
    for (const k of keys) {
      const list = this.blocks.get(k);
      if (list) list.push(appeal);
      else this.blocks.set(k, [appeal]);
    }
    this.count++;
  }

  /** The appeals under one key (what the bench's baseline looks up). */
  block(key: string): readonly EarlierAppeal[] {
    return this.blocks.get(key) ?? EMPTY;
  }

  findByKeys(keys: readonly string[]): readonly EarlierAppeal[] {
    if (keys.length === 1) return this.block(keys[0]!);
    const seen = new Set<EarlierAppeal>();
    for (const k of keys) for (const a of this.block(k)) seen.add(a);
    return [...seen];
  }
}
