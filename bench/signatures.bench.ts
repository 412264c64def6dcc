import { createHash, createPublicKey, verify as cryptoVerify, webcrypto } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Bench } from './main';
import { machine } from './support';
import { TrustStore, loadTrustStore, verifySignaturesSync } from '../src/signatures';
import { parseSignedData } from '../src/signatures/cms/signed-data';
import { parseSignerInfo } from '../src/signatures/cms/signer-info';
import { gost34311, parseDstu4145PublicKey, verifyDstu4145 } from '../src/signatures/dstu4145';
import { hashToFieldElement, splitSignature } from '../src/signatures/dstu4145/encoding';
import { parseCertificate } from '../src/signatures/x509/certificate';
import { closeWorkers, configureWorkers, DEFAULT_WORKER_SETTINGS, verifySignatureBatch, warmWorkers } from '../src/workers';
import { legacyCurve, legacyVerifyComponents } from '../test/signatures/dstu4145/legacy';

/**
 * `npm run bench -- signatures`: verifications per second of detached CAdES-BES signatures —
 * RSA-2048 and ECDSA P-256 (OpenSSL-made, test/fixtures/reference/signatures/generated) and DSTU 4145
 * M257 (a real Diia test signature, uapki/) — each beside baselines measured in the same run:
 * bare crypto.verify of the same signature value (RSA/ECDSA), the GOST 34.311 hash of the same
 * signed attributes alone (DSTU), and pkijs SignedData.verify with chain checking on the same files.
 * The full verification keeps the trust store warm as the hub does (CA signatures cached).
 *
 * That table times the built JavaScript (dist/src/signatures, what `npm start` runs), built first
 * when it is older than src/signatures (`tsc -p tsconfig.build.json`, as `npm run build`), and says
 * which it ran; the bare baselines run in the same process, in turns with it. The same verification
 * from the TypeScript sources through tsx (as the tests and the rest of this bench run it) follows
 * for comparison: tsx's module getters and kept function names cost microseconds a verification.
 *
 * Then DSTU 4145 / GOST 34.311 on real file sizes (issue 16): the hash in MiB/s beside Node's
 * SHA-256 and the `gost89` package on the same 1.09 MB СЕВ ОВВ document; bare DSTU 4145 M257
 * verification beside the implementation it replaced (bigint arithmetic + gost89, kept under
 * test/signatures/dstu4145/legacy.ts); full CAdES verification of the small Diia document and of
 * the 1.09 MB document beside that old implementation's hashing and verification alone (gost89
 * over the content for the messageDigest and again for the content time-stamp, the signed
 * attributes, the DSTU equation) — a lower bound of what the old full verification cost.
 *
 * Last, RSA-2048 and ECDSA P-256 verified over the hub's worker pool (src/workers
 * verifySignatureBatch) with 1, 2 and all threads, beside the one-thread inline figure of the same run.
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
  /** The files `trust` was loaded from, for the built verifier's own store. */
  trustFiles: string[];
  at: Date;
  rootDer?: Buffer;
}

export const bench: Bench = {
  name: 'signatures',
  async run() {
    const generatedAt = new Date('2026-11-23T12:00:00Z');
    const generatedFiles = [resolve(REF, 'generated/root.pem')];
    const generatedTrust = await loadTrustStore({ files: generatedFiles });
    const rootPem = read('generated/root.pem').toString();
    const rootDer = Buffer.from(rootPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const diiaFiles = [
      'uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer',
      'uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer',
    ].map((f) => resolve(REF, f));
    const diiaTrust = await loadTrustStore({ files: diiaFiles });
    const cases: Case[] = [
      {
        label: 'RSA-2048',
        signature: read('generated/doc.txt.rsa.p7s'),
        content: read('generated/doc.txt'),
        trust: generatedTrust,
        trustFiles: generatedFiles,
        at: generatedAt,
        rootDer,
      },
      {
        label: 'ECDSA P-256',
        signature: read('generated/doc.txt.ec.p7s'),
        content: read('generated/doc.txt'),
        trust: generatedTrust,
        trustFiles: generatedFiles,
        at: generatedAt,
        rootDer,
      },
      {
        label: 'DSTU 4145 M257',
        signature: read('uapki/cades-bes-detached.p7s'),
        content: read('uapki/cades-bes-detached.content.txt'),
        trust: diiaTrust,
        trustFiles: diiaFiles,
        at: new Date('2023-09-19T18:30:00Z'),
      },
    ];

    const built = await builtVerifier();
    const rows: string[][] = [];
    const fromSource: string[][] = [];
    for (const c of cases) {
      const check = (r: { indication: string; subIndication: string | null }) => {
        if (r.indication !== 'TOTAL-PASSED') throw new Error(`${c.label}: ${r.indication} ${r.subIndication}`);
      };
      // The built JavaScript with a trust store of its own classes (a TrustStore from src/ is not one to dist/).
      const builtTrust = await built.loadTrustStore({ files: c.trustFiles });
      const ours = () => check(built.verifySignaturesSync({ signature: c.signature, content: c.content }, { trust: builtTrust, at: c.at }));
      const oursTsx = () => check(verifySignaturesSync({ signature: c.signature, content: c.content }, { trust: c.trust, at: c.at }));
      warm(ours); // chain signatures are cached from here on, as in a running hub; the JIT has compiled the hot code
      warm(oursTsx);
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
          '—',
        ]);
        continue;
      }
      const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
      if (!cryptoVerify('sha256', signedDer, key, signature)) throw new Error(`${c.label} baseline does not verify`);
      baselineLabel = 'bare crypto.verify of the same signature';
      baselineRate = await timed(() => cryptoVerify('sha256', signedDer, key, signature));
      const bare = () => cryptoVerify('sha256', signedDer, key, signature);
      const alternating = interleavedRatio(ours, bare);
      const tsxRate = await timed(oursTsx);
      fromSource.push([c.label, fmt(tsxRate), ratio(tsxRate, oursRate), interleavedRatio(oursTsx, bare).toFixed(3)]);
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
        alternating.toFixed(3),
      ]);
    }

    console.log(`machine: ${machine()}, OpenSSL ${process.versions.openssl}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`verifySignatures: ${built.note}`);
    console.log(`each figure: verifications per second over ${SLICE_MS} ms, single thread`);
    console.log('alternating: ours and the baseline in turns of 25 calls for twice as long, ratio of the median turns (other load hits both alike)');
    const header = [
      'signature',
      'verifySignatures/s',
      'baseline',
      'baseline/s',
      'ours÷baseline',
      'comparison',
      'comparison/s',
      'ours÷comparison',
      'ours÷baseline, alternating',
    ];
    printTable([header, ...rows]);
    console.log('\nthe same verification from the TypeScript sources through tsx (src/signatures, as the tests run it), same run');
    printTable([['signature', 'verifySignatures/s (tsx)', 'tsx÷built', 'tsx÷baseline, alternating'], ...fromSource]);
    console.log('(the DSTU 4145 figures and the worker pool below run from the TypeScript sources through tsx)');
    await dstuOnRealSizes(diiaTrust, cases[2]!);
    await workerScaling(cases.slice(0, 2));
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  },
};

interface Gost89 {
  gosthash(data: Uint8Array): Uint8Array;
}

/** Issue 16's DSTU 4145 lines: the hash, the bare verification and full CAdES on a small and a 1.09 MB document. */
async function dstuOnRealSizes(diiaTrust: TrustStore, small: Case): Promise<void> {
  const gost89 = require('gost89') as Gost89;
  const oldHash = (data: Uint8Array): Uint8Array => gost89.gosthash(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  const sevOvv = sevOvvSample('DS01-do-vykonannia.xml');
  const mib = sevOvv.content.length / 2 ** 20;

  // GOST 34.311 against SHA-256 and gost89 on the same bytes.
  if (Buffer.from(gost34311(sevOvv.content)).compare(oldHash(sevOvv.content)) !== 0) throw new Error('GOST 34.311 differs from gost89');
  const gostRate = (await timed(() => gost34311(sevOvv.content))) * mib;
  const shaRate = (await timed(() => createHash('sha256').update(sevOvv.content).digest())) * mib;
  const gost89Rate = (await timed(() => oldHash(sevOvv.content))) * mib;
  console.log(`\nhash of the ${(sevOvv.content.length / 1e6).toFixed(2)} MB СЕВ ОВВ document (DS01), MiB/s, single thread`);
  printTable([
    ['hash', 'MiB/s', 'ours÷this'],
    ['GOST 34.311-95 (ours)', fmt(gostRate), '1'],
    ['SHA-256 (Node, OpenSSL)', fmt(shaRate), ratio(gostRate, shaRate)],
    ['GOST 34.311-95 (gost89, before)', fmt(gost89Rate), ratio(gostRate, gost89Rate)],
  ]);

  // Bare DSTU 4145 M257 verification, hash of the signed attributes included.
  const { signedDer, signature, spki } = signerParts(small.signature);
  const pub = parseDstu4145PublicKey(spki);
  const parts = splitSignature(signature, true)!;
  const old = legacyCurve(pub.curve);
  const oldVerify = (signed: Uint8Array): boolean =>
    legacyVerifyComponents(old, pub.point, hashToFieldElement(pub.curve.field, oldHash(signed)), parts.r, parts.s);
  if (!oldVerify(signedDer)) throw new Error('the old implementation does not verify the DSTU signature');
  warm(() => verifyDstu4145(pub, gost34311(signedDer), signature));
  const bareRate = await timed(() => verifyDstu4145(pub, gost34311(signedDer), signature));
  const coldRate = await timed(() => verifyDstu4145(parseDstu4145PublicKey(spki), gost34311(signedDer), signature));
  const oldBareRate = await timed(() => oldVerify(signedDer));
  console.log('\nbare DSTU 4145 M257 verification (GOST 34.311 of the signed attributes included), verifications/s');
  printTable([
    ['what', 'verify/s', 'old implementation/s', 'ours÷old'],
    ['key parsed once (a CA key, a returning signer)', fmt(bareRate), fmt(oldBareRate), ratio(bareRate, oldBareRate)],
    ['key parsed every time (a new signer)', fmt(coldRate), fmt(oldBareRate), ratio(coldRate, oldBareRate)],
  ]);

  // Full CAdES verification (verifySignaturesSync, trust store warm).
  const fullRows: string[][] = [['document', 'bytes', 'verifySignatures/s', 'old hash + verify alone/s', 'ours÷old', 'bare verify/s', 'ours÷bare']];
  const documents = [
    { label: 'small (Diia, CAdES-BES)', signature: small.signature, content: small.content, trust: diiaTrust, at: small.at, contentHashes: 1, expect: 'TOTAL-PASSED' },
    {
      label: 'СЕВ ОВВ DS01 (detached, content time-stamp)',
      signature: sevOvv.signature,
      content: sevOvv.content,
      trust: diiaTrust,
      at: new Date('2015-09-09T00:00:00Z'),
      contentHashes: 2,
      expect: undefined,
    },
  ];
  for (const d of documents) {
    const full = () => {
      const r = verifySignaturesSync({ signature: d.signature, content: d.content }, { trust: d.trust, at: d.at });
      const report = r.signatures[0];
      const failed = report?.checks.filter((c) => (c.id === 'message-digest' || c.id === 'signature-value') && c.status !== 'passed');
      if (!report || failed?.length || (d.expect && r.indication !== d.expect)) throw new Error(`${d.label}: ${r.indication} ${r.subIndication}`);
    };
    warm(full);
    const fullRate = await timed(full);
    const p = signerParts(d.signature);
    const key = parseDstu4145PublicKey(p.spki);
    const sig = splitSignature(p.signature, true)!;
    const oldCurve = legacyCurve(key.curve);
    // What the old code did at the least: gost89 over the content per use, the signed attributes, the equation.
    const oldCore = () => {
      for (let i = 0; i < d.contentHashes; i++) oldHash(d.content);
      const h = hashToFieldElement(key.curve.field, oldHash(p.signedDer));
      if (!legacyVerifyComponents(oldCurve, key.point, h, sig.r, sig.s)) throw new Error('old verify failed');
    };
    const oldRate = await timed(oldCore);
    const bare = await timed(() => verifyDstu4145(key, gost34311(p.signedDer), p.signature));
    fullRows.push([d.label, String(d.content.length), fmt(fullRate), fmt(oldRate), ratio(fullRate, oldRate), fmt(bare), ratio(fullRate, bare)]);
  }
  console.log('\nfull CAdES verification, DSTU 4145 M257 + GOST 34.311 (chain, revocation, time-stamps), verifications/s');
  printTable(fullRows);
}

/**
 * Issue 16: verifications per second over the worker pool with 1, 2 and all threads, each beside
 * the one-thread inline figure measured just before it (same run, same signature). The pool's threads
 * run below normal priority (src/workers/tasks.ts): on a machine busy with other work they get less.
 */
async function workerScaling(cases: Case[]): Promise<void> {
  const cores = availableParallelism();
  const rows: string[][] = [['signature', 'worker threads', 'verifications/s', 'one thread inline/s', 'workers ÷ inline']];
  const INPUTS = 512;
  try {
    for (const c of cases) {
      const input = { signature: c.signature, content: c.content };
      const terms = { nowMs: c.at.getTime(), revocation: 'ifAvailable' as const };
      const inputs = Array.from({ length: INPUTS }, () => input);
      const inline = () => verifySignaturesSync(input, { trust: c.trust, at: c.at });
      warm(inline);
      for (const threads of [...new Set([1, 2, cores])]) {
        const inlineRate = await timed(inline);
        configureWorkers({ threads });
        await warmWorkers();
        const batch = async () => {
          const reports = await verifySignatureBatch(inputs, c.trust, terms);
          if (reports[INPUTS - 1]?.indication !== 'TOTAL-PASSED') throw new Error(`${c.label} over ${threads} workers: ${reports[INPUTS - 1]?.indication}`);
        };
        await batch(); // every thread started, its modules loaded and its trust store parsed
        const rate = (await timedAsync(batch)) * INPUTS;
        rows.push([c.label, String(threads), fmt(rate), fmt(inlineRate), ratio(rate, inlineRate)]);
      }
    }
  } finally {
    configureWorkers(DEFAULT_WORKER_SETTINGS);
    await closeWorkers();
  }
  console.log(`\nverifications/s over the worker pool (verifySignatureBatch, up to 32 signatures a task), ${cores} core(s), beside one thread inline just before`);
  printTable(rows);
}

type SignaturesModule = typeof import('../src/signatures');

/**
 * The verifier as `npm start` runs it: dist/src/signatures, built first (tsc -p tsconfig.build.json,
 * the first step of `npm run build`) when a source file of src/signatures is newer than its output
 * or the output is missing, so the figures are of the code in the working tree.
 */
async function builtVerifier(): Promise<SignaturesModule & { note: string }> {
  const root = resolve(__dirname, '..');
  const stale = (): string[] => {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
          const js = join(root, 'dist', relative(root, path)).replace(/\.ts$/, '.js');
          if (!existsSync(js) || statSync(js).mtimeMs < statSync(path).mtimeMs) out.push(relative(root, path));
        }
      }
    };
    walk(join(root, 'src/signatures'));
    return out;
  };
  let built = 'up to date with src/signatures, not rebuilt';
  const before = stale();
  if (before.length) {
    const started = performance.now();
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    } catch (err) {
      // tsc still writes its output on type errors elsewhere in the tree; only a stale verifier stops the bench
      const left = stale();
      if (left.length) throw new Error(`dist/ could not be built for ${left.join(', ')}: ${(err as { stdout?: Buffer }).stdout?.toString() ?? err}`);
    }
    const left = stale();
    if (left.length) throw new Error(`dist/ is still older than ${left.join(', ')} after tsc -p tsconfig.build.json`);
    built = `rebuilt now (tsc -p tsconfig.build.json, ${((performance.now() - started) / 1000).toFixed(1)} s; ${before.length} source file(s) were newer)`;
  }
  const module = require(join(root, 'dist/src/signatures')) as SignaturesModule;
  return { ...module, note: `the built JavaScript, dist/src/signatures (${built})` };
}

/** A СЕВ ОВВ sample's detached signature (SignInfo/SignData) and the decoded DocTransfer it covers. */
function sevOvvSample(file: string): { signature: Buffer; content: Buffer } {
  const xml = readFileSync(resolve(__dirname, '../test/fixtures/reference/sev-ovv/samples', file), 'utf8');
  const id = /<SignInfo docTransfer_idnumber="(\d+)"/.exec(xml)?.[1];
  const doc = new RegExp(`<DocTransfer[^>]*idnumber="${id}"[^>]*>([^<]*)</DocTransfer>`).exec(xml)?.[1];
  const signData = /<SignData>([\s\S]*?)<\/SignData>/.exec(xml)?.[1];
  if (!doc || !signData) throw new Error(`${file}: no signed document`);
  return { signature: Buffer.from(signData.replace(/\s+/g, ''), 'base64'), content: Buffer.from(doc, 'base64') };
}

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

/**
 * a's rate over b's, measured in alternating turns of 25 calls for 2 × SLICE_MS, from the median turn
 * of each: on a machine shared with other work a busy spell slows both sides, not one of them.
 */
function interleavedRatio(a: () => unknown, b: () => unknown): number {
  const ta: number[] = [];
  const tb: number[] = [];
  const until = performance.now() + 2 * SLICE_MS;
  while (performance.now() < until) {
    let t = performance.now();
    for (let i = 0; i < 25; i++) a();
    ta.push(performance.now() - t);
    t = performance.now();
    for (let i = 0; i < 25; i++) b();
    tb.push(performance.now() - t);
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return median(tb) / median(ta);
}

/** Run fn for a few hundred milliseconds before it is timed (caches filled, code optimised). */
function warm(fn: () => unknown): void {
  const until = performance.now() + Math.min(300, SLICE_MS / 4);
  do fn();
  while (performance.now() < until);
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
