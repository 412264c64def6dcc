import { createHash } from 'node:crypto';

/**
 * The control log auditors rely on (issue: "who had what, when was it due, when was it done, who
 * changed the term"). Each entry carries the hash of the previous one, so editing or deleting
 * any entry but the newest breaks the chain at that point; the newest is covered by the head
 * hash that `verify` reports and auditors write down.
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

export type ChainVerdict =
  | { ok: true; checked: number; head: { seq: number; hash: string } | null }
  | {
      ok: false;
      checked: number;
      brokenAt: number;
      problem: 'hash-mismatch' | 'link-broken';
      message: string;
      messageUk: string;
    };

/**
 * Walks entries in seq order (in batches, for millions of rows) and reports the first entry whose
 * own hash does not match its content (edited) or whose prevHash does not match the entry before
 * it (an entry before it was deleted or edited).
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private checked = 0;
  private head: { seq: number; hash: string } | null = null;
  private failure?: Extract<ChainVerdict, { ok: false }>;

  /** Feeds the next entries; returns false once the chain is broken (stop reading). */
  feed(entries: AuditEntry[]): boolean {
    for (const e of entries) {
      if (this.failure) return false;
      if (e.prevHash !== this.prev) {
        this.failure = {
          ok: false, checked: this.checked, brokenAt: e.seq, problem: 'link-broken',
          message: `entry ${e.seq} does not follow the entry before it: an entry was deleted or edited`,
          messageUk: `запис ${e.seq} не продовжує попередній: запис видалено або змінено`,
        };
        return false;
      }
      const { seq, prevHash, hash, ...rec } = e;
      if (entryHash(prevHash, seq, rec) !== hash) {
        this.failure = {
          ok: false, checked: this.checked, brokenAt: seq, problem: 'hash-mismatch',
          message: `entry ${seq} was changed after it was written`,
          messageUk: `запис ${seq} змінено після внесення до журналу`,
        };
        return false;
      }
      this.prev = hash;
      this.head = { seq, hash };
      this.checked++;
    }
    return true;
  }

  verdict(): ChainVerdict {
    return this.failure ?? { ok: true, checked: this.checked, head: this.head };
  }
}
