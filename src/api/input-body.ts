import express, { type RequestHandler } from 'express';
import { HubError } from '../errors';
import { offloads } from '../workers';

/**
 * express.raw() for the routes whose large bodies are decoded or verified on a worker thread
 * (issue 14, "one input never takes the hub down"). A body that declares its length, is not
 * compressed and is large enough to go to a worker is read straight into shared memory, chunk by
 * chunk as the socket delivers it: the worker then reads those very bytes. express.raw would join
 * the chunks into one buffer at the end and the worker hand-over would copy it again: for a 48 MB
 * СЕВ ОВВ message that was 267 ms on the hub's thread (two 48 MB copies into fresh pages,
 * measured with --cpu-prof), while /healthz must answer in under 100 ms. Every other body (small,
 * chunked, gzip) is express.raw's, exactly as before.
 *
 * req.body is then a Buffer over a SharedArrayBuffer; src/workers hands such a buffer to the
 * thread without copying. Nothing writes to it after the request ends.
 */
export function inputBody(opts: { limit: number; type?: string }): RequestHandler {
  const type = opts.type;
  const raw = express.raw({ type: type ?? (() => true), limit: opts.limit });
  return (req, res, next) => {
    // A body of another type is express.raw's to leave alone, as it would.
    if (type && !req.is(type)) return raw(req, res, next);
    const declared = Number(req.headers['content-length']);
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const shared = Number.isSafeInteger(declared) && declared <= opts.limit && offloads(declared) && encoding === 'identity';
    if (!shared) return raw(req, res, next);
    readShared(req, declared).then((body) => {
      req.body = body;
      next();
    }, next);
  };
}

/** The body into shared memory; an early end or an abort is BODY_INCOMPLETE (the client's, never a 500). */
function readShared(req: import('node:http').IncomingMessage, length: number): Promise<Buffer> {
  const body = Buffer.from(new SharedArrayBuffer(length));
  let at = 0;
  return new Promise((resolve, reject) => {
    const fail = (problem: string) => {
      req.removeAllListeners('data');
      req.resume();
      reject(HubError.of('BODY_INCOMPLETE', { declared: length, received: at, problem }));
    };
    req.on('data', (chunk: Buffer) => {
      // Node's HTTP parser does not deliver past Content-Length; kept as a guard on the shared bytes.
      if (at + chunk.length > length) return fail('more bytes than Content-Length');
      chunk.copy(body, at);
      at += chunk.length;
    });
    req.once('end', () => (at === length ? resolve(body) : fail('fewer bytes than Content-Length')));
    req.once('aborted', () => fail('the client closed the connection'));
    req.once('error', () => fail('the connection failed'));
  });
}
