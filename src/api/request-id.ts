import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
  }
}

/** Every request gets an id (the caller's X-Request-Id, or a new one) carried on every log line. */
export function requestId(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.header('x-request-id');
    req.id = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    req.log = log.child({ traceId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // A request that went well is a debug line (the input it carried has its own info line); a refusal or a failure is info.
      req.log[res.statusCode < 400 ? 'debug' : 'info'](
        { method: req.method, path: req.baseUrl + req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    next();
  };
}
