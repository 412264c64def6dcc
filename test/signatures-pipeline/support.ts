import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCms } from '../signatures/support/cms';
import { pki } from '../signatures/support/fixture';
import { toPem, type TestCert } from '../signatures/support/test-pki';
import { assertConforms } from '../support/contract';
import { submission, type TestHub } from '../support/hub';

/** The test PKI's root (and the CRLs) written to files, as a council would configure TRUST_FILES / CRL_FILES. */
export function writeTrustFiles(): { root: string; crls: string[]; dir: string } {
  const p = pki();
  const dir = mkdtempSync(join(tmpdir(), 'dilovod-trust-'));
  const root = join(dir, 'root.pem');
  writeFileSync(root, toPem('CERTIFICATE', p.root.der));
  const crls = [join(dir, 'qca.crl'), join(dir, 'root.crl')];
  writeFileSync(crls[0] as string, p.crl);
  writeFileSync(crls[1] as string, p.rootCrl);
  return { root, crls, dir };
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function attachment(name: string, content: Buffer): Record<string, unknown> {
  return { name, mediaType: 'application/pdf', contentBase64: content.toString('base64'), sha256: sha256(content) };
}

/** A detached CAdES-BES over `content`, made by `signer` (its CA certificate embedded). */
export function detached(content: Buffer, signer: TestCert, extra: TestCert[] = [pki().qca]): string {
  return signCms({ content, signer, certificates: [signer, ...extra], signingTime: new Date(pki().now.getTime() - 60_000) }).toString('base64');
}

/** A submission whose one attachment is signed (detached) by `signer`; `sent` replaces the bytes that go out. */
export function signedSubmission(over: Record<string, unknown>, signed: Buffer, signer: TestCert, sent: Buffer = signed): Record<string, unknown> {
  return submission({
    attachments: [attachment('наказ.pdf', sent)],
    signatures: [{ cms: detached(signed, signer), attachment: 'наказ.pdf' }],
    ...over,
  });
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function post(hub: TestHub, path: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { ...hub.auth, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return conforming(hub, 'POST', path, res);
}

export async function get(hub: TestHub, path: string): Promise<Answer> {
  const res = await fetch(`${hub.url}${path}`, { headers: hub.auth });
  return conforming(hub, 'GET', path, res);
}

/** The answer, checked against the published contract (test/support/contract.ts). */
async function conforming(hub: TestHub, method: string, path: string, res: Response): Promise<Answer> {
  const text = await res.text();
  const json = JSON.parse(text);
  assertConforms(hub, method, path, { status: res.status, contentType: res.headers.get('content-type'), json, text });
  return { status: res.status, json };
}

export const DOCUMENT_PDF = Buffer.from('%PDF-1.4\nДоручення обласної військової адміністрації № 01-14/2214\n', 'utf8');
