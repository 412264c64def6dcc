/**
 * The pages call the hub's API with the signed-in person's bearer token; paths, query strings,
 * bodies and answers are typed from the OpenAPI document (schema.d.ts, generated — never by hand).
 */
import type { components, paths } from './schema';
import { session } from '../session';

export type Schemas = components['schemas'];
type Method = 'get' | 'post';
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, { responses: unknown }> ? P : never }[keyof paths];
type Op<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type PathParamsOf<O> = O extends { parameters: { path: infer P } } ? P : never;
type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type GetAnswer<P extends PathsWith<'get'>> = Ok<Op<P, 'get'>>;

/** A refusal of the hub, as its error body says it: the code, the Ukrainian message, the rule's basis. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly messageUk: string, readonly basis?: string) {
    super(messageUk);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

export function url(path: string, params: Record<string, string> = {}, query: Query = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${filled}?${s}` : filled;
}

async function refusal(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null) as { code?: string; messageUk?: string; details?: { basis?: string } } | null;
  if (res.status === 401) session.expired();
  return new ApiError(res.status, body?.code ?? `HTTP_${res.status}`, body?.messageUk ?? `Хаб відповів помилкою ${res.status}`, body?.details?.basis);
}

export async function raw(target: string, init: RequestInit = {}): Promise<Response> {
  const token = session.token();
  const res = await fetch(target, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers }, cache: 'no-store' });
  if (!res.ok) throw await refusal(res);
  return res;
}

export async function get<P extends PathsWith<'get'>>(
  path: P, opts: { params?: PathParamsOf<Op<P, 'get'>>; query?: QueryOf<Op<P, 'get'>> } = {},
): Promise<Ok<Op<P, 'get'>>> {
  const res = await raw(url(path, (opts.params ?? {}) as Record<string, string>, (opts.query ?? {}) as Query), { headers: { accept: 'application/json' } });
  return res.json() as Promise<Ok<Op<P, 'get'>>>;
}

export async function post<P extends PathsWith<'post'>>(
  path: P, opts: { params?: PathParamsOf<Op<P, 'post'>>; query?: QueryOf<Op<P, 'post'>>; body?: BodyOf<Op<P, 'post'>> } = {},
): Promise<Ok<Op<P, 'post'>>> {
  const res = await raw(url(path, (opts.params ?? {}) as Record<string, string>, (opts.query ?? {}) as Query), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(opts.body ?? {}),
  });
  return res.json() as Promise<Ok<Op<P, 'post'>>>;
}

/** A file the API makes (CSV, XLSX, an attachment): fetched with the token, then saved under the hub's name. */
export async function download(target: string, fallbackName: string): Promise<void> {
  const res = await raw(target);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : fallbackName;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
