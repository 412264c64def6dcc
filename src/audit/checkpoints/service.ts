import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  CHECKPOINT_EVENT, CHECKPOINT_ORIGIN, checkpointText, checkSignature, parseCheckpoint, type ChainVerdict, type Checkpoint,
} from '../../domain/audit';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../log';
import { Periodic } from '../../periodic';
import { outbox, type Db, type Queryable } from '../../store';
import { auditHead, auditPrefix, insertCheckpoint, listCheckpoints } from '../../store/audit-checkpoints';
import { verifyAuditLog } from '..';
import { appendCheckpointFile, readCheckpointFile } from './file';
import type { CheckpointSigner } from './signer';
import { verifyWithCheckpoints, type FoundCheckpoint } from './verify';

/**
 * Serialises checkpoint passes across hub processes (several hubs on one PostgreSQL, each may
 * sign: issue 14). Even without it two signers could not sign conflicting checkpoints: appends to
 * the log are serialised and take their seq under the chain's lock (migration 024, audit_next_link), so every
 * snapshot sees a prefix of one history, and two checkpoints of the same size name the same head.
 * The lock keeps them from signing the same head twice, and makes each signer check that the log
 * extends the newest checkpoint any trusted signer made (RFC 6962 §2.1.2 consistency between
 * heads) before it adds its own.
 */
const CHECKPOINT_LOCK = 704_117_014;
/** The outbox (and the event schema) want a document id: a checkpoint is about the log, not a document — the nil UUID. */
export const AUDIT_LOG_EVENT_ID = '00000000-0000-0000-0000-000000000000';
export { CHECKPOINT_EVENT };
const PAGE = 10_000;

export interface CheckpointSettings {
  /** Absent: this process verifies but does not sign. */
  signer?: CheckpointSigner;
  /** This process's key, when it is not among `keys`: it signs nothing and each pass says why. */
  untrustedSigner?: CheckpointSigner;
  /** The JSON Lines file the auditor archives (appended by this process, read by verify). */
  file?: string;
  /** The trusted keys: AUDIT_CHECKPOINT_PUBLIC_KEYS, or the signer's own when that is not set (index.ts trustedKeys). */
  keys: Map<string, KeyObject>;
  intervalMs: number;
}

/** The log no longer extends the newest checkpoint: the hub refuses to sign over a rewritten history. */
export class LogDivergedError extends Error {
  constructor(readonly detail: Record<string, unknown>, readonly messageUk: string) {
    super(`the control log does not extend its newest signed checkpoint: ${messageUk}`);
    this.name = 'LogDivergedError';
  }
}

/** This hub's key is not on the trusted list: it would sign checkpoints nobody believes, so it signs none. */
export class UntrustedSignerError extends Error {
  constructor(readonly keyId: string, readonly publicKeyPem: string) {
    super(`this hub's checkpoint key ${keyId} is not among the trusted keys (AUDIT_CHECKPOINT_PUBLIC_KEYS): it signs no checkpoints until its public key is added there, on every hub and at the auditor's`);
    this.name = 'UntrustedSignerError';
  }
}

/**
 * Makes, stores and publishes signed checkpoints of the control log, and verifies the log against
 * every checkpoint it has. Before it signs, it checks that the log still extends the newest
 * checkpoint (the transparency logs' consistency between heads), so a rewritten history never
 * gets a fresh signature and the error says so in the log at once.
 */
export class AuditCheckpoints {
  private readonly periodic: Periodic;
  /** The newest authentic checkpoint seen in the file (read once, then kept up to date). */
  private fromFile?: Checkpoint | null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    readonly settings: CheckpointSettings,
    private readonly onEventsCommitted?: () => void,
  ) {
    this.periodic = new Periodic(() => this.make(), log, settings.intervalMs, 'контрольну точку журналу не зроблено / audit checkpoint pass failed');
  }

  /** A new checkpoint when the log moved since the newest one; null when nothing changed or the log is empty. */
  async make(): Promise<Checkpoint | null> {
    const refused = this.settings.untrustedSigner;
    if (refused) throw new UntrustedSignerError(refused.keyId, refused.publicKeyPem);
    const signer = this.settings.signer;
    if (!signer) return null;
    this.fromFile ??= this.newestInFile();
    const made = await this.db.tx(async (q) => {
      // One snapshot: the head counted and the entries read are the same log.
      await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const [lock] = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [CHECKPOINT_LOCK]);
      if (!lock?.ok) return null;
      const prev = newest([await this.newestInTable(q), this.fromFile ?? null]);
      const { size, head } = await auditHead(q);
      if (!head || (prev && prev.size === size && prev.headHash === head.hash)) return null;
      await this.requireExtends(q, prev, size, head);
      const unsigned = { v: 1 as const, origin: CHECKPOINT_ORIGIN, size, headSeq: head.seq, headHash: head.hash, at: this.clock.now().toISOString(), keyId: signer.keyId };
      const c: Checkpoint = { ...unsigned, signature: (await signer.sign(Buffer.from(checkpointText(unsigned)))).toString('base64') };
      await insertCheckpoint(q, c);
      await outbox.appendEvent(q, {
        type: CHECKPOINT_EVENT, documentId: AUDIT_LOG_EVENT_ID, occurredAt: new Date(c.at),
        body: { type: CHECKPOINT_EVENT, documentId: AUDIT_LOG_EVENT_ID, occurredAt: c.at, data: { checkpoint: c } },
      });
      return c;
    });
    if (!made) return null;
    if (this.settings.file) {
      try {
        appendCheckpointFile(this.settings.file, made);
        this.fromFile = made;
      } catch (err) {
        this.log.error({ err: (err as Error).message, file: this.settings.file }, 'контрольну точку не дописано до файлу аудитора / could not append the checkpoint to the auditor\'s file');
      }
    }
    this.log.info({ size: made.size, headSeq: made.headSeq, keyId: made.keyId }, 'підписано контрольну точку журналу контролю / audit log checkpoint signed');
    this.onEventsCommitted?.();
    return made;
  }

  /** The entry at the previous checkpoint's size is still the one it signed, and everything after it chains on. */
  private async requireExtends(q: Queryable, prev: Checkpoint | null, size: number, head: { seq: number; hash: string }): Promise<void> {
    const refuse = (detail: Record<string, unknown>, messageUk: string) => {
      const err = new LogDivergedError(detail, messageUk);
      this.log.error({ ...detail, problem: messageUk }, 'ЖУРНАЛ КОНТРОЛЮ ЗМІНЕНО: нову контрольну точку не підписано / THE CONTROL LOG WAS REWRITTEN: no new checkpoint signed');
      throw err;
    };
    if (prev) {
      const at = await auditPrefix(q, prev.headSeq);
      if (at.size !== prev.size || at.hash !== prev.headHash) {
        refuse({ checkpoint: { size: prev.size, headSeq: prev.headSeq, at: prev.at }, found: at },
          `запис ${prev.headSeq} або записи до нього не ті, що засвідчила контрольна точка від ${prev.at}`);
      }
    }
    const verdict = await verifyAuditLog(q, prev ? { start: { prevHash: prev.headHash, checked: prev.size }, afterSeq: prev.headSeq } : {});
    if (!verdict.ok) refuse({ brokenAt: verdict.brokenAt, problem: verdict.problem }, verdict.messageUk);
    else if (verdict.checked !== size || verdict.head?.seq !== head.seq) refuse({ size, head, checked: verdict.checked }, 'журнал змінився під час перевірки');
  }

  private async newestInTable(q: Queryable): Promise<Checkpoint | null> {
    const rows = await q.query<{ checkpoint: unknown }>('SELECT checkpoint FROM audit_checkpoints ORDER BY size DESC, seq DESC LIMIT 20');
    return newest(rows.map((r) => this.authentic(r.checkpoint)));
  }

  private newestInFile(): Checkpoint | null {
    const file = this.settings.file;
    if (!file || !existsSync(file)) return null;
    return newest(readCheckpointFile(file).checkpoints.map((c) => this.authentic(c)));
  }

  private authentic(value: unknown): Checkpoint | null {
    const c = parseCheckpoint(value);
    return c && checkSignature(c, this.settings.keys).ok ? c : null;
  }

  /** Every checkpoint the hub keeps: its table and the auditor's file (someone may have deleted rows; the file still has them). */
  async found(q: Queryable = this.db): Promise<FoundCheckpoint[]> {
    const found: FoundCheckpoint[] = [];
    for (let after = 0; ;) {
      const rows = await listCheckpoints(q, after, PAGE);
      for (const r of rows) found.push({ value: r.checkpoint, where: `in the database (row ${r.seq})`, whereUk: `у базі даних (рядок ${r.seq})` });
      if (rows.length < PAGE) break;
      after = (rows[rows.length - 1] as { seq: number }).seq;
    }
    const file = this.settings.file;
    if (file && existsSync(file)) {
      const read = readCheckpointFile(file);
      for (const line of read.unreadable) found.push({ value: null, where: `${file}:${line}`, whereUk: `${file}:${line}` });
      for (const c of read.checkpoints) found.push({ value: c, where: `${file}:${c.line}`, whereUk: `${file}:${c.line}` });
    }
    return found;
  }

  /**
   * Key ids in the stored checkpoints that are not trusted here, with how many each: at start the
   * hub warns (usually another hub's key missing from AUDIT_CHECKPOINT_PUBLIC_KEYS; else someone
   * signed with a key of their own). A hint only: verify checks each signature.
   */
  async untrustedKeyIds(q: Queryable = this.db): Promise<Array<{ keyId: string; checkpoints: number }>> {
    const rows = await q.query<{ key_id: string; n: number }>('SELECT key_id, count(*)::int AS n FROM audit_checkpoints GROUP BY key_id ORDER BY key_id');
    return rows.filter((r) => !this.settings.keys.has(r.key_id)).map((r) => ({ keyId: r.key_id, checkpoints: r.n }));
  }

  /** GET /api/v1/audit/verify: the chain against every checkpoint the hub keeps. */
  async verify(): Promise<ChainVerdict> {
    return verifyWithCheckpoints(this.db, await this.found(), this.settings.keys);
  }

  start(): void {
    this.periodic.start();
  }

  observe(fn: (ok: boolean) => void): void {
    this.periodic.observe = fn;
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

function newest(list: Array<Checkpoint | null>): Checkpoint | null {
  let best: Checkpoint | null = null;
  for (const c of list) if (c && (!best || c.size > best.size || (c.size === best.size && c.at > best.at))) best = c;
  return best;
}
