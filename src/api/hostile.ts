import express, { type RequestHandler, type Response } from 'express';
import { HubError } from '../errors';
import { parseJson, printable, textError, textProblem } from '../pipeline/strict-json';
import { decodeInput } from '../workers';
import { inputBody } from './input-body';
import { rememberBody } from './rejected-bodies';

/**
 * The HTTP edge of issue 14 ("500s from bad input", "silently altered input"): bodies and query
 * strings are decoded here, once, with the pipeline's strict rules (src/pipeline/strict-json.ts);
 * bytes served back out get a media type, a file name and headers that cannot inject or sniff.
 */

/** A body declared in another charset than UTF-8 is refused (UNSUPPORTED_FORMAT), never re-decoded. */
export function assertUtf8Charset(req: import('express').Request): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.header('content-type') ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) throw HubError.of('UNSUPPORTED_FORMAT', { charset: printable(charset), supported: ['utf-8'] });
}

/**
 * express.json() with the strict decoding: the body is read as bytes and parsed by parseJson, so
 * invalid UTF-8, NUL, lone surrogates and deep nesting are 400 with their code instead of U+FFFD
 * or a 500 from PostgreSQL. Like express.json: only `type` bodies are parsed (else req.body is
 * untouched), an empty body is {}, `strict` (the default) takes only an object or an array.
 */
export function jsonBody(opts: {
  limit: string;
  type?: string | string[] | ((req: import('node:http').IncomingMessage) => boolean);
  strict?: boolean;
  /**
   * A body carrying files (`attachments[].contentBase64`, as the canonical submission does): a large
   * one is parsed on a worker thread, which also decodes and hashes its large files there
   * (src/workers decodeInput); the route reads them with attachmentContent (src/pipeline/attachments.ts).
   * A 35 MB body parsed, scanned and decoded here held every other request ~0.5 s (issue 18).
   */
  attachments?: boolean;
}): RequestHandler {
  // With files, a large body is read straight into shared memory, the worker's to read as it is (inputBody).
  const raw = opts.attachments && typeof opts.type !== 'function' && !Array.isArray(opts.type)
    ? inputBody({ limit: bytesOf(opts.limit), type: opts.type ?? 'application/json' })
    : express.raw({ type: opts.type ?? 'application/json', limit: opts.limit });
  const parse = async (req: import('express').Request): Promise<void> => {
    if (!Buffer.isBuffer(req.body)) return;
    // Exactly as sent, before anything decodes it: kept in quarantine if the route refuses it (issue 14).
    rememberBody(req, req.body);
    assertUtf8Charset(req);
    const bytes = req.body;
    if (bytes.length === 0) {
      req.body = {};
      return;
    }
    const value = opts.attachments
      ? await decodeInput({ channel: 'http', format: 'json', payload: bytes, receivedAt: new Date(), traceId: req.id ?? '' })
      : parseJson(bytes);
    if (opts.strict !== false && (value === null || typeof value !== 'object')) {
      throw HubError.of('INVALID_JSON', { parser: 'the body must be a JSON object or array' });
    }
    req.body = value;
  };
  return (req, res, next) => raw(req, res, (err?: unknown) => {
    if (err) return next(err);
    parse(req).then(() => next(), next);
  });
}

const LIMIT_UNITS: Record<string, number> = { '': 1, kb: 1024, mb: 1024 * 1024 };

/** A body-parser limit ('60mb', '512kb', '100') in bytes. */
function bytesOf(limit: string): number {
  const m = /^(\d+)\s*(kb|mb)?$/i.exec(limit.trim());
  if (!m) throw new Error(`a body limit in bytes, kb or mb: ${limit}`);
  return Number(m[1]) * LIMIT_UNITS[(m[2] ?? '').toLowerCase()]!;
}

/**
 * express.raw() whose bytes are kept in quarantine if the route refuses them as input, as
 * jsonBody's are (src/api/rejected-bodies.ts); for bodies a route decodes itself (JSON lines).
 */
export function rawBody(opts: { limit: string; type: string | string[] }): RequestHandler {
  const raw = express.raw(opts);
  return (req, res, next) => raw(req, res, (err?: unknown) => {
    if (!err && Buffer.isBuffer(req.body)) rememberBody(req, req.body);
    next(err);
  });
}

function decodeComponent(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The URL before any route reads it: every path segment and query parameter (name and value) is
 * percent-encoded UTF-8 (else INVALID_ENCODING: the parsers would put U+FFFD in its place or fail
 * as a 500) and holds no NUL (`q=%00`, `/petitions/a%00b`: NUL_CHARACTER, which PostgreSQL cannot
 * take); the error names the parameter or says it was the path.
 */
export const urlGuard: RequestHandler = (req, _res, next) => {
  const at = req.url.indexOf('?');
  const path = at < 0 ? req.url : req.url.slice(0, at);
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    const decoded = decodeComponentExact(segment);
    if (decoded === undefined) throw HubError.of('INVALID_ENCODING', { in: 'path', problem: 'percent-encoding that is not UTF-8' });
    const problem = textProblem(decoded);
    if (problem) throw textError(problem, { in: 'path' });
  }
  if (at < 0) return next();
  for (const pair of req.url.slice(at + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = decodeComponent(rawName);
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    const parameter = printable(name ?? rawName);
    if (name === undefined || value === undefined) throw HubError.of('INVALID_ENCODING', { parameter, problem: 'percent-encoding that is not UTF-8' });
    const problem = textProblem(name) ?? textProblem(value);
    if (problem) throw textError(problem, { parameter });
  }
  next();
};

function decodeComponentExact(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * A media type as RFC 6838 names one: type/subtype of restricted-name characters, optionally with
 * parameters (token=token or token="quoted"). No CR, LF or other controls: nothing to inject into
 * a header. schemas/attachment.schema.json holds attachments to the same pattern at intake.
 */
export const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\s*;\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+=([A-Za-z0-9!#$%&'*+.^_`|~-]+|"[^"\\\u0000-\u001f\u007f]*"))*$/;

/** The stored media type if it is well-formed, else application/octet-stream. */
export function safeMediaType(stored: string | null | undefined): string {
  return stored && stored.length <= 255 && MEDIA_TYPE.test(stored) ? stored : 'application/octet-stream';
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266) from the base name only: no path
 * (`../../../../etc/passwd` → `passwd`), no controls, quotes or backslashes; the ASCII fallback
 * replaces what is not printable ASCII with `_`.
 */
export function attachmentDisposition(name: string | null | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // Controls (C0, DEL, C1), NUL, lone surrogates and the characters a header or a shell would read.
  let clean = base.replace(/[\u0000-\u001f\u007f-\u009f"]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '').trim();
  if (!clean || /^\.+$/.test(clean)) clean = 'attachment';
  const ascii = clean.replace(/[^\x20-\x7e]|[%\\;]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends stored bytes: the stored type only if well-formed, never sniffed, never run as a page;
 * with a name, as a download under its safe base name.
 */
export function sendStoredBytes(res: Response, bytes: Buffer, stored: { mediaType?: string | null; name?: string | null }): void {
  res.setHeader('Content-Type', safeMediaType(stored.mediaType));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (stored.name !== undefined) res.setHeader('Content-Disposition', attachmentDisposition(stored.name));
  res.send(bytes);
}
