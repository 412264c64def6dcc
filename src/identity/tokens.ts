/**
 * API tokens for systems (the EDMS, oblast systems, gateways, monitoring) and for people where no
 * identity provider is connected. A token is `dlv_<id>_<secret>`: 12 characters of public id, 43
 * of secret (256 bits from the CSPRNG). It is shown once, at creation; the database keeps only
 * SHA-256 of the secret, and a presented secret is compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../store';
import { identityError } from './errors';
import { isRole, type Role } from './roles';

const PREFIX = 'dlv_';
const TOKEN_SHAPE = /^dlv_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
/** last_used_at is written at most this often per token: a read-heavy EDMS must not turn every GET into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenSpec {
  name: string;
  roles: Role[];
  /** Sources it may submit for and read; required for an integrator. */
  sources?: string[];
  /** A personal token: the staff id of the person it signs in. */
  staffId?: string;
  /** Staff ids this system may act on behalf of (X-On-Behalf-Of); '*' = anyone in the directory. */
  actFor?: string[];
  expiresAt?: Date;
  createdBy: string;
}

export interface TokenInfo {
  id: string;
  name: string;
  roles: Role[];
  sources: string[] | null;
  staffId: string | null;
  actFor: string[] | null;
  expiresAt: string | null;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

interface TokenRow {
  id: string;
  secret_sha256: Buffer;
  name: string;
  roles: string[];
  sources: string[] | null;
  staff_id: string | null;
  act_for: string[] | null;
  expires_at: Date | null;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

const TOKEN_COLUMNS = 'id, secret_sha256, name, roles, sources, staff_id, act_for, expires_at, created_at, created_by, revoked_at, revoked_by, last_used_at';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function toInfo(r: TokenRow): TokenInfo {
  return {
    id: r.id, name: r.name, roles: r.roles.filter(isRole), sources: r.sources, staffId: r.staff_id, actFor: r.act_for,
    expiresAt: iso(r.expires_at), createdAt: r.created_at.toISOString(), createdBy: r.created_by,
    revokedAt: iso(r.revoked_at), revokedBy: r.revoked_by, lastUsedAt: iso(r.last_used_at),
  };
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

function newId(): string {
  const bytes = randomBytes(12);
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** Checks what a token may be before one is made: roles known, an integrator bound to sources. */
export function checkSpec(spec: TokenSpec): void {
  // [English, Ukrainian]: the API answers both; the CLI prints the Ukrainian.
  const found: Array<[string, string]> = [];
  if (!spec.name.trim() || spec.name.length > 200) found.push(['name: 1-200 characters', 'name: від 1 до 200 символів']);
  if (!spec.roles.length) found.push(['roles: at least one', 'roles: потрібна щонайменше одна роль']);
  if (spec.roles.includes('integrator') && !spec.sources?.length) {
    found.push(['sources: an integrator needs the sources it submits for', 'sources: інтегратору потрібні джерела, від імені яких він подає документи']);
  }
  if (spec.sources?.some((s) => !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(s))) found.push(['sources: lower-case names', 'sources: назви малими латинськими літерами']);
  if (spec.actFor?.length && !spec.roles.includes('integrator')) found.push(['actFor: only an integrator acts on behalf of people', 'actFor: діяти від імені людей може лише інтегратор']);
  if (spec.actFor?.length && spec.staffId) found.push(['actFor: a personal token acts for its person only', 'actFor: особистий токен діє лише від імені своєї особи']);
  if (spec.expiresAt && Number.isNaN(spec.expiresAt.getTime())) found.push(['expiresAt: not a date', 'expiresAt: не є датою']);
  if (found.length) throw identityError('TOKEN_SPEC_INVALID', { problems: found.map(([en]) => en), problemsUk: found.map(([, uk]) => uk) });
}

/** Creates a token; the returned `token` is the only time its secret exists outside the caller. */
export async function createToken(q: Queryable, spec: TokenSpec, now: Date): Promise<{ token: string; info: TokenInfo }> {
  checkSpec(spec);
  const id = newId();
  const secret = randomBytes(32).toString('base64url');
  const rows = await q.query<TokenRow>(
    `INSERT INTO api_tokens (id, secret_sha256, name, roles, sources, staff_id, act_for, expires_at, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [id, sha256(secret), spec.name.trim(), spec.roles, spec.sources ?? null, spec.staffId ?? null, spec.actFor ?? null,
      spec.expiresAt ?? null, now, spec.createdBy],
  );
  return { token: `${PREFIX}${id}_${secret}`, info: toInfo(rows[0] as TokenRow) };
}

/**
 * The token's record if the presented token is genuine, current and not revoked; otherwise the
 * 401 code. The id is looked up (public); the secret's hash is compared in constant time.
 */
export async function authenticateToken(q: Queryable, presented: string, now: Date): Promise<TokenInfo> {
  const m = TOKEN_SHAPE.exec(presented);
  if (!m) throw identityError('TOKEN_MALFORMED');
  const [, id, secret] = m as unknown as [string, string, string];
  // Every request asks it: prepared once per connection, its columns named (a prepared `*` fails
  // once a migration adds one under a running hub).
  const [row] = await q.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [id], 'dilovod_token_by_id');
  // Hash even when the id is unknown, so an unknown id costs the same as a wrong secret.
  const presentedHash = sha256(secret);
  const stored = row?.secret_sha256 ?? Buffer.alloc(32);
  const genuine = timingSafeEqual(presentedHash, stored) && !!row;
  if (!genuine || !row) throw identityError('TOKEN_INVALID');
  if (row.revoked_at) throw identityError('TOKEN_REVOKED', { tokenId: id });
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) throw identityError('TOKEN_EXPIRED', { tokenId: id });
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await q.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, now]);
    row.last_used_at = now;
  }
  return toInfo(row);
}

export async function listTokens(q: Queryable): Promise<TokenInfo[]> {
  return (await q.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id')).map(toInfo);
}

/** Revokes at once: the next request with it is refused. False when there is no such live token. */
export async function revokeToken(q: Queryable, id: string, by: string, now: Date): Promise<TokenInfo | undefined> {
  const rows = await q.query<TokenRow>(
    'UPDATE api_tokens SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING *',
    [id, now, by],
  );
  return rows[0] ? toInfo(rows[0]) : undefined;
}

export async function hasLiveAdminToken(q: Queryable, now: Date): Promise<boolean> {
  const rows = await q.query(
    "SELECT 1 FROM api_tokens WHERE 'admin' = ANY(roles) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $1) LIMIT 1",
    [now],
  );
  return rows.length > 0;
}
