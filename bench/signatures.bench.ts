import { createPublicKey, verify as cryptoVerify, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Bench } from './main';
import { machine } from './support';
import { TrustStore, loadTrustStore, verifySignaturesSync } from '../src/signatures';
import { parseSignedData } from '../src/signatures/cms/signed-data';
import { parseSignerInfo } from '../src/signatures/cms/signer-info';
import { gost34311, parseDstu4145PublicKey, verifyDstu4145 } from '../src/signatures/dstu4145';
import { parseCertificate } from '../src/signatures/x509/certificate';

/**
 * `npm run bench -- signatures`: verifications per second of detached CAdES-BES signatures —
 * RSA-2048 and ECDSA P-256 (OpenSSL-made, test/fixtures/reference/signatures/generated) and DSTU 4145
 * M257 (a real Diia test signature, uapki/) — each beside baselines measured in the same run:
 * bare crypto.verify of the same signature value (RSA/ECDSA), the GOST 34.311 hash of the same
 * signed attributes alone (DSTU), and pkijs SignedData.verify with chain checking on the same files.
 * The full verification keeps the trust store warm as the hub does (CA signatures cached).
 */
const REF = resolve(__dirname, '../test/fixtures/reference/signatures');
const read = (p: string): Buffer => readFileSync(resolve(REF, p));
/** Per measurement; about 20 s in all. */
const SLICE_MS = Number(process.env.BENCH_SIGNATURES_MS ?? 1500);

interface Case {
  label: string;
  signature: Buffer;
  content: Buffer;
  trust: TrustStore;
  at: Date;
  rootDer?: Buffer;
}

export const bench: Bench = {
  name: 'signatures',
  async run() {
    const generatedAt = new Date('2026-11-23T12:00:00Z');
    const generatedTrust = await loadTrustStore({ files: [resolve(REF, 'generated/root.pem')] });
    const rootPem = read('generated/root.pem').toString();
    const rootDer = Buffer.from(rootPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const diiaTrust = await loadTrustStore({
      files: [
        'uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer',
        'uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer',
      ].map((f) => resolve(REF, f)),
    });
    const cases: Case[] = [
      {
        label: 'RSA-2048',
        signature: read('generated/doc.txt.rsa.p7s'),
        content: read('generated/doc.txt'),
        trust: generatedTrust,
        at: generatedAt,
        rootDer,
      },
      {
        label: 'ECDSA P-256',
        signature: read('generated/doc.txt.ec.p7s'),
        content: read('generated/doc.txt'),
        trust: generatedTrust,
        at: generatedAt,
        rootDer,
      },
      {
        label: 'DSTU 4145 M257',
        signature: read('uapki/cades-bes-detached.p7s'),
        content: read('uapki/cades-bes-detached.content.txt'),
        trust: diiaTrust,
        at: new Date('2023-09-19T18:30:00Z'),
      },
    ];

    const rows: string[][] = [];
    for (const c of cases) {
      const ours = () => {
        const r = verifySignaturesSync({ signature: c.signature, content: c.content }, { trust: c.trust, at: c.at });
        if (r.indication !== 'TOTAL-PASSED') throw new Error(`${c.label}: ${r.indication} ${r.subIndication}`);
      };
      ours(); // warm: chain signatures are cached from here on, as in a running hub
      const oursRate = await timed(ours);
      const { signedDer, signature, spki, scheme } = signerParts(c.signature);
      let baselineLabel: string;
      let baselineRate: number;
      if (scheme === 'dstu4145') {
        baselineLabel = 'GOST 34.311 of the signed attributes';
        baselineRate = await timed(() => gost34311(signedDer));
        const pub = parseDstu4145PublicKey(spki);
        const hash = gost34311(signedDer);
        if (!verifyDstu4145(pub, hash, signature)) throw new Error('DSTU baseline does not verify');
        const rawRate = await timed(() => verifyDstu4145(pub, gost34311(signedDer), signature));
        rows.push([
          c.label,
          fmt(oursRate),
          baselineLabel,
          fmt(baselineRate),
          ratio(oursRate, baselineRate),
          'bare DSTU 4145 verify (hash included)',
          fmt(rawRate),
          ratio(oursRate, rawRate),
        ]);
        continue;
      }
      const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
      if (!cryptoVerify('sha256', signedDer, key, signature)) throw new Error(`${c.label} baseline does not verify`);
      baselineLabel = 'bare crypto.verify of the same signature';
      baselineRate = await timed(() => cryptoVerify('sha256', signedDer, key, signature));
      const pkijsVerify = await pkijsVerifier(c);
      await pkijsVerify();
      const pkijsRate = await timedAsync(pkijsVerify);
      rows.push([
        c.label,
        fmt(oursRate),
        baselineLabel,
        fmt(baselineRate),
        ratio(oursRate, baselineRate),
        'pkijs SignedData.verify (checkChain)',
        fmt(pkijsRate),
        ratio(oursRate, pkijsRate),
      ]);
    }

    console.log(`machine: ${machine()}, OpenSSL ${process.versions.openssl}`);
    console.log(`each figure: verifications per second over ${SLICE_MS} ms, single thread`);
    const header = [
      'signature',
      'verifySignatures/s',
      'baseline',
      'baseline/s',
      'ours÷baseline',
      'comparison',
      'comparison/s',
      'ours÷comparison',
    ];
    printTable([header, ...rows]);
  },
};

/** The signed attributes DER, the signature value and the signer's key of the first SignerInfo. */
function signerParts(cms: Buffer): { signedDer: Uint8Array; signature: Uint8Array; spki: Buffer; scheme: 'dstu4145' | 'node' } {
  const sd = parseSignedData(cms);
  const si = parseSignerInfo(sd.signerInfos[0] as never);
  if (si.sid.kind !== 'issuerAndSerialNumber') throw new Error('unexpected sid');
  const serial = si.sid.serialNumber;
  const cert = sd.certificates.map(parseCertificate).find((c) => c.serialNumber === serial);
  if (!cert || !si.signedAttributes) throw new Error('signer not found');
  const scheme = cert.publicKeyAlgorithm.oid.startsWith('1.2.804.2.1.1.1.1.3.1') ? 'dstu4145' : 'node';
  return { signedDer: si.signedAttributes.signedDer, signature: si.signature, spki: Buffer.from(cert.spki), scheme };
}

/** pkijs 4 (WebCrypto) verifying signature, content digest and chain to the same root, at the same time. */
async function pkijsVerifier(c: Case): Promise<() => Promise<void>> {
  const pkijs = await import('pkijs');
  pkijs.setEngine(
    'node',
    new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'] }),
  );
  const toArrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const root = pkijs.Certificate.fromBER(toArrayBuffer(c.rootDer as Buffer));
  const data = toArrayBuffer(c.content);
  const signature = toArrayBuffer(c.signature);
  return async () => {
    const info = pkijs.ContentInfo.fromBER(signature);
    const signed = new pkijs.SignedData({ schema: info.content });
    const ok = await signed.verify({ signer: 0, data, checkChain: true, trustedCerts: [root], checkDate: c.at });
    if (!ok) throw new Error('pkijs says invalid');
  };
}

async function timed(fn: () => unknown): Promise<number> {
  return timedAsync(async () => {
    fn();
  });
}

async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < SLICE_MS) {
    for (let i = 0; i < 4; i++) await fn();
    n += 4;
    elapsed = performance.now() - started;
  }
  return (n * 1000) / elapsed;
}

const fmt = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number, b: number): string => (a / b).toFixed(3);

function printTable(rows: string[][]): void {
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | '));
}
