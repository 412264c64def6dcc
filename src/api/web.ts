import express, { Router, type RequestHandler } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OidcConfig } from '../identity/oidc';
import { projectPath } from '../paths';

/** Where `npm run build:web` (part of `npm run build`, so of `npm install`) writes the pages. */
export const WEB_DIR = projectPath('dist', 'web');

/**
 * The pages may load only their own scripts and styles and talk only to this hub (and, with OIDC,
 * to the identity provider's discovery and token endpoints); attachments are shown from blob: URLs
 * the page makes of what it fetched with the user's token. No inline script.
 */
function pagePolicy(providerOrigin: string | undefined): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", `connect-src 'self'${providerOrigin ? ` ${providerOrigin}` : ''}`,
    "frame-src 'self' blob:", "object-src 'self' blob:", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The department's web pages (issue 15): static files, served before authentication — they hold
 * no data; every API call the page makes carries the user's bearer token and is checked as any.
 * With OIDC_WEB_CLIENT_ID, index.html names the provider and the pages' client in a meta tag
 * (what an authorization-code sign-in with PKCE needs, nothing secret). Hashed assets are cached
 * for a year, index.html never (a new build is seen at once).
 */
export function webPages(opts: { dir?: string; oidc?: OidcConfig } = {}): RequestHandler | undefined {
  const dir = opts.dir ?? WEB_DIR;
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const web = opts.oidc?.webClientId ? { issuer: opts.oidc.issuer, clientId: opts.oidc.webClientId, scope: opts.oidc.webScope ?? 'openid profile' } : undefined;
  const meta = web ? `<meta name="dilovod-oidc" content="${escapeAttr(JSON.stringify(web))}">` : '';
  const index = readFileSync(join(dir, 'index.html'), 'utf8').replace('</head>', `${meta}</head>`);
  const policy = pagePolicy(web ? new URL(web.issuer).origin : undefined);
  const router = Router();
  router.get(['/', '/index.html'], (_req, res) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.type('html').send(index);
  });
  router.use(express.static(dir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(res) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  }));
  // Marked so the permission matrix (test/identity) can tell this one public router of static
  // files from a data route mounted without secureRouter.
  return Object.assign(router, { staticPages: true as const });
}
