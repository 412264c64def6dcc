import { createHash } from 'node:crypto';
import { plural } from '../plural-uk';
import type { CheckpointRef } from './checkpoint';

/**
 * The control log auditors rely on (issue: "who had what, when was it due, when was it done, who
 * changed the term"). Each entry carries the hash of the previous one, so editing or deleting
 * any entry but the newest breaks the chain at that point. The hash is unkeyed: whoever holds the
 * database can recompute the whole chain, or cut its tail; the signed checkpoints (checkpoint.ts)
 * are what catch that.
 */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  documentId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  /**
   * How the actor was authenticated: method, the system it came through (the EDMS's token),
   * whom it stood in for, the client's address. Absent on entries written before identity
   * existed, so their hashes are unchanged (canonicalJson leaves out what is undefined).
   */
  via?: AuditVia;
}

export interface AuditVia {
  method: string;
  principalKind: 'person' | 'system';
  system?: { tokenId: string; name: string };
  standingInFor?: string;
  clientAddress?: string;
}

/** Who acted, as the control log records it (src/identity auditActor makes it from the caller). */
export type AuditActor = Pick<AuditRecord, 'actor' | 'via'>;

export interface AuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(prevHash: string, seq: number, rec: AuditRecord): string {
  const material = canonicalJson({ seq, prevHash, ...rec, at: new Date(rec.at).toISOString() });
  return createHash('sha256').update(material).digest('hex');
}

/**
 * What entryHash hashes, but for the link: `head + JSON.stringify(prevHash) + middle + seq + tail`
 * is its canonical JSON. The database appends an entry in one statement (migration 024,
 * audit_next_link) and so computes the hash itself, under the chain's lock, from the head it reads
 * there: everything else it is given already in canonical form (issue 16).
 */
export function linkMaterial(rec: AuditRecord): { head: string; middle: string; tail: string } {
  const obj: Record<string, unknown> = { ...rec, at: new Date(rec.at).toISOString() };
  const keys = [...Object.keys(obj).filter((k) => obj[k] !== undefined && k !== 'prevHash' && k !== 'seq'), 'prevHash', 'seq'].sort();
  const pieces = [''];
  for (const [i, k] of keys.entries()) {
    pieces[pieces.length - 1] += `${i ? ',' : '{'}${JSON.stringify(k)}:`;
    // The database's value goes here: a new piece follows it.
    if (k === 'prevHash' || k === 'seq') pieces.push('');
    else pieces[pieces.length - 1] += canonicalJson(obj[k]);
  }
  const [head, middle, tail] = pieces as [string, string, string];
  return { head, middle, tail: `${tail}}` };
}

export type ChainProblem = 'hash-mismatch' | 'link-broken' | 'checkpoint-mismatch' | 'entries-missing' | 'checkpoint-invalid' | 'checkpoint-untrusted';

/** A checkpoint verify did not believe, and where it was found (src/audit/checkpoints/verify.ts). */
export interface RejectedCheckpoint {
  where: string;
  reason: 'untrusted-key' | 'bad-signature' | 'wrong-log' | 'unreadable';
  /** Absent when it could not be read as a checkpoint. */
  checkpoint?: CheckpointRef;
}

export type ChainVerdict =
  | {
      ok: true;
      checked: number;
      head: { seq: number; hash: string } | null;
      /** With checkpoints: the newest one the log agrees with (entries after it are not yet vouched for), and how many were compared. */
      checkpoint?: CheckpointRef | null;
      checkpointsChecked?: number;
    }
  | {
      ok: false;
      checked: number;
      /** The seq of the first entry that does not hold (for a deleted tail: the first one missing). */
      brokenAt?: number;
      problem: ChainProblem;
      message: string;
      messageUk: string;
      /** The checkpoint the log disagrees with, and the newest one it still agrees with. */
      checkpoint?: CheckpointRef;
      lastConfirmed?: CheckpointRef | null;
      /** Checkpoints that were not believed (a key not on the trusted list, a bad signature): nothing was checked against them. */
      rejected?: RejectedCheckpoint[];
    };

export type ChainFailure = Extract<ChainVerdict, { ok: false }>;

/** «1 запис», «2 записи», «5 записів» (accusative, as after «засвідчує»). */
const ENTRIES = { one: 'запис', few: 'записи', many: 'записів' };

export interface VerifierOptions {
  /** Checkpoints whose signatures were checked: each must agree with the entry at its size. */
  checkpoints?: CheckpointRef[];
  /** Continue after a confirmed checkpoint instead of from the genesis (the hub, before it signs the next). */
  start?: { prevHash: string; checked: number };
}

/**
 * Walks entries in seq order (in batches, for millions of rows) and reports the first entry whose
 * own hash does not match its content (edited) or whose prevHash does not match the entry before
 * it (an entry before it was deleted or edited). Someone who rewrites the whole chain passes those
 * checks; a signed checkpoint does not agree with the rewritten chain, and the verifier names the
 * entries between the newest checkpoint that still agrees and the first one that does not.
 */
export class ChainVerifier {
  private prev: string;
  private checked: number;
  private head: { seq: number; hash: string } | null = null;
  private failure?: ChainFailure;
  private readonly pending: CheckpointRef[];
  private readonly withCheckpoints: boolean;
  private lastConfirmed: CheckpointRef | null = null;
  private compared = 0;
  /** The first entry no agreeing checkpoint vouches for yet: where a rewrite can have begun. */
  private firstUnconfirmed?: number;

  constructor(opts: VerifierOptions = {}) {
    this.prev = opts.start?.prevHash ?? GENESIS_HASH;
    this.checked = opts.start?.checked ?? 0;
    this.withCheckpoints = opts.checkpoints !== undefined;
    this.pending = [...(opts.checkpoints ?? [])].filter((c) => c.size > this.checked).sort((a, b) => a.size - b.size);
  }

  /** Feeds the next entries; returns false once the chain is broken (stop reading). */
  feed(entries: AuditEntry[]): boolean {
    for (const e of entries) {
      if (this.failure) return false;
      if (e.prevHash !== this.prev) {
        this.fail({
          brokenAt: e.seq, problem: 'link-broken',
          message: `entry ${e.seq} does not follow the entry before it: an entry was deleted or edited`,
          messageUk: `запис ${e.seq} не продовжує попередній: запис видалено або змінено`,
        });
        return false;
      }
      const { seq, prevHash, hash, ...rec } = e;
      if (entryHash(prevHash, seq, rec) !== hash) {
        this.fail({
          brokenAt: seq, problem: 'hash-mismatch',
          message: `entry ${seq} was changed after it was written`,
          messageUk: `запис ${seq} змінено після внесення до журналу`,
        });
        return false;
      }
      this.prev = hash;
      this.head = { seq, hash };
      this.checked++;
      this.firstUnconfirmed ??= seq;
      if (!this.compareCheckpoints()) return false;
    }
    return true;
  }

  /** Every checkpoint of exactly this many entries must name the entry just read. */
  private compareCheckpoints(): boolean {
    while (this.pending[0] && this.pending[0].size === this.checked) {
      const cp = this.pending.shift() as CheckpointRef;
      this.compared++;
      const head = this.head as { seq: number; hash: string };
      if (cp.headSeq === head.seq && cp.headHash === head.hash) {
        this.lastConfirmed = cp;
        this.firstUnconfirmed = undefined;
        continue;
      }
      const from = this.firstUnconfirmed ?? head.seq;
      const since = this.lastConfirmed ? `the checkpoint of ${this.lastConfirmed.at} (${this.lastConfirmed.size} entries) still agrees` : 'no earlier checkpoint';
      const sinceUk = this.lastConfirmed
        ? `контрольна точка від ${this.lastConfirmed.at} (${plural(this.lastConfirmed.size, ENTRIES)}) ще збігається`
        : 'ранішої контрольної точки немає';
      this.fail({
        brokenAt: from, problem: 'checkpoint-mismatch', checkpoint: cp,
        ...(from === head.seq
          ? {
              message: `entry ${from} is not the entry the checkpoint of ${cp.at} (${cp.size} entries) was signed for: the log was rewritten from this entry on (${since})`,
              messageUk: `запис ${from} не той, що засвідчила підписана контрольна точка від ${cp.at} (${plural(cp.size, ENTRIES)}): журнал переписано, починаючи з цього запису (${sinceUk})`,
            }
          : {
              message: `the log differs from the checkpoint of ${cp.at} (${cp.size} entries) at one of entries ${from}–${head.seq}: they were rewritten (${since})`,
              messageUk: `журнал не збігається з підписаною контрольною точкою від ${cp.at} (${plural(cp.size, ENTRIES)}): переписано один із записів ${from}–${head.seq} (${sinceUk})`,
            }),
      });
      return false;
    }
    return true;
  }

  private fail(f: Omit<ChainFailure, 'ok' | 'checked' | 'lastConfirmed'>): ChainFailure {
    this.failure = { ok: false, checked: this.checked, ...f, ...(this.withCheckpoints ? { lastConfirmed: this.lastConfirmed } : {}) };
    return this.failure;
  }

  verdict(): ChainVerdict {
    if (this.failure) return this.failure;
    const missing = this.pending[0];
    if (missing) {
      // The log ends before a checkpoint's size: entries it vouched for are gone (a deleted tail, TRUNCATE).
      const after = this.head?.seq ?? 0;
      return this.fail({
        brokenAt: after + 1, problem: 'entries-missing', checkpoint: missing,
        message: `the log has ${this.checked} entries, but the checkpoint of ${missing.at} vouches for ${missing.size} (the newest being ${missing.headSeq}): ` +
          (this.head ? `the entries after ${after} were deleted` : 'the log was emptied'),
        messageUk: `у журналі ${plural(this.checked, ENTRIES)}, а підписана контрольна точка від ${missing.at} засвідчує ${plural(missing.size, ENTRIES)} (останній № ${missing.headSeq}): ` +
          (this.head ? `записи після № ${after} видалено` : 'журнал спорожнено (усі записи видалено)'),
      });
    }
    return {
      ok: true, checked: this.checked, head: this.head,
      ...(this.withCheckpoints ? { checkpoint: this.lastConfirmed, checkpointsChecked: this.compared } : {}),
    };
  }
}
