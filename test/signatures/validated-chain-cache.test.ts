import { expect } from 'chai';
import { TrustStore, createTrustStore, verifySignaturesSync } from '../../src/signatures';
import { Lru } from '../../src/signatures/cache/lru';
import { CertificatePool } from '../../src/signatures/trust/certificate-pool';
import { validatedChain } from '../../src/signatures/validation/chain-cache';
import { parseCertificateCached } from '../../src/signatures/x509/certificate';
import { parseCrl } from '../../src/signatures/x509/crl';
import { signCms } from './support/cms';
import { pki } from './support/fixture';
import { issueCrl } from './support/test-pki';
import { DOCUMENT, checkOf, expectVerdict } from './support/verify';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Issue 16: a signer's validated chain and the CRLs that apply to each link are kept per trust
 * store and per what the signature carries (src/signatures/validation/chain-cache.ts). The verdict
 * must be the one an uncached verification gives: a refreshed CRL (a new store, or one carried in
 * the signature) is used at once, and the validity periods and CRL times are judged at every
 * verification's own time (EN 319 102-1 §5.2.6, RFC 5280 §6.3), never taken from the cache.
 */
describe('signatures: validated-chain cache (issue 16)', function () {
  this.timeout(60_000);

  const at = (offset: number): Date => new Date(pki().now.getTime() + offset);
  /** The issuing CA's CRL without the signer (crlNumber 10), current for a day. */
  const crlWithout = () => issueCrl({ issuer: pki().qca, thisUpdate: at(-HOUR), nextUpdate: at(DAY), crlNumber: 10 });
  /** The refreshed CRL (crlNumber 11) listing the signer as revoked 20 minutes ago (keyCompromise). */
  const crlWith = () =>
    issueCrl({
      issuer: pki().qca,
      thisUpdate: at(-10 * MINUTE),
      nextUpdate: at(DAY),
      crlNumber: 11,
      entries: [{ serial: pki().signerEc.serial, date: at(-20 * MINUTE), reason: 1 }],
    });
  const store = (crls: Buffer[]): TrustStore => createTrustStore({ certificates: [pki().root.der], crls: [...crls, pki().rootCrl] });
  /** signed 5 minutes ago: after the revocation in crlWith() */
  const signature = (crls?: Buffer[]) =>
    signCms({ content: DOCUMENT, signer: pki().signerEc, certificates: [pki().signerEc, pki().qca], signingTime: at(-5 * MINUTE), ...(crls ? { crls } : {}) });
  const verifyAt = (sig: Uint8Array, trust: TrustStore, time: Date, revocation: 'ifAvailable' | 'require' = 'ifAvailable') =>
    verifySignaturesSync({ signature: sig, content: DOCUMENT }, { trust, at: time, revocation });

  it('a cached chain gives the report an uncached verification gives, every time', () => {
    const sig = signature();
    const warm = store([crlWithout()]);
    const first = verifyAt(sig, warm, pki().now);
    expectVerdict(first, 'TOTAL-PASSED', null);
    expect(checkOf(first.signatures[0]!, 'revocation').status).to.equal('passed');
    for (let i = 0; i < 3; i++) expect(verifyAt(sig, warm, pki().now)).to.deep.equal(first);
    // a store of the same certificates and CRLs starts with an empty cache: the same report
    expect(verifyAt(sig, store([crlWithout()]), pki().now)).to.deep.equal(first);
  });

  it('keeps one entry per trust store, signer and carried objects; a new store or carried CRL is a new entry', () => {
    const p = pki();
    const trust = store([crlWithout()]);
    const signer = parseCertificateCached(p.signerEc.der);
    const qca = parseCertificateCached(p.qca.der);
    const pool = new CertificatePool([signer, qca], trust.pool);
    const carried = { certificates: [signer.fingerprint, qca.fingerprint], crls: [] };
    const entry = validatedChain(signer, pool, trust, trust.crls, carried);
    expect(entry.chain.status).to.equal('trusted');
    expect(entry.chain.certificates.map((c) => c.serialNumber)).to.have.length(3);
    // one applicable CRL list per link below the anchor: the CA's for the signer, the root's for the CA
    expect(entry.linkCrls.map((list) => list.map((crl) => crl.crlNumber))).to.deep.equal([['0A'], ['07']]);
    expect(validatedChain(signer, pool, trust, trust.crls, carried)).to.equal(entry);

    const refreshed = trust.with({ crls: [crlWith()] });
    const other = validatedChain(signer, new CertificatePool([signer, qca], refreshed.pool), refreshed, refreshed.crls, carried);
    expect(other).to.not.equal(entry);
    expect(other.linkCrls[0]!.map((crl) => crl.crlNumber)).to.deep.equal(['0A', '0B']);

    const inSignature = parseCrl(crlWith());
    const withCarried = validatedChain(signer, pool, trust, [...trust.crls, inSignature], { ...carried, crls: [inSignature.fingerprint] });
    expect(withCarried).to.not.equal(entry);
    expect(withCarried.linkCrls[0]!.map((crl) => crl.crlNumber)).to.deep.equal(['0A', '0B']);
  });

  it('a certificate revoked after its chain was cached is REVOKED once the refreshed CRL is in (RFC 5280 §6.3)', () => {
    const sig = signature();
    const before = store([crlWithout()]);
    expectVerdict(verifyAt(sig, before, pki().now), 'TOTAL-PASSED', null);
    expectVerdict(verifyAt(sig, before, pki().now), 'TOTAL-PASSED', null);
    // the CRL refresh makes a new store (as the hub and its worker threads do)
    const after = expectVerdict(verifyAt(sig, before.with({ crls: [crlWith()] }), pki().now), 'TOTAL-FAILED', 'REVOKED');
    expect(checkOf(after, 'revocation').message).to.contain('keyCompromise');
    // or the refreshed CRL comes inside the signature, against the very store whose entry is cached
    expectVerdict(verifyAt(signature([crlWith()]), before, pki().now), 'TOTAL-FAILED', 'REVOKED');
    // the old store still answers from its own CRLs
    expectVerdict(verifyAt(sig, before, pki().now), 'TOTAL-PASSED', null);
  });

  it('an expired CRL is seen as expired at once: TRY_LATER after its nextUpdate, with the chain cached', () => {
    const sig = signature();
    const trust = store([crlWithout()]);
    expectVerdict(verifyAt(sig, trust, pki().now), 'TOTAL-PASSED', null);
    const stale = expectVerdict(verifyAt(sig, trust, at(2 * DAY)), 'INDETERMINATE', 'TRY_LATER');
    expect(checkOf(stale, 'revocation').messageUk).to.contain('потрібен новіший');
    // policy 'require' changes nothing: the CRL is there but out of date
    expectVerdict(verifyAt(sig, trust, at(2 * DAY), 'require'), 'INDETERMINATE', 'TRY_LATER');
    expectVerdict(verifyAt(sig, trust, pki().now), 'TOTAL-PASSED', null);
  });

  it('a cached chain does not answer for a time outside the certificates’ validity', () => {
    const p = pki();
    const sig = signature();
    const trust = store([crlWithout()]);
    expectVerdict(verifyAt(sig, trust, p.now), 'TOTAL-PASSED', null);
    const late = expectVerdict(verifyAt(sig, trust, new Date(p.signerEc.notAfter.getTime() + DAY)), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    expect(checkOf(late, 'validity').status).to.equal('failed');
    const early = expectVerdict(verifyAt(sig, trust, new Date(p.signerEc.notBefore.getTime() - DAY)), 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
    expect(checkOf(early, 'validity').message).to.contain('was not valid at');
    expectVerdict(verifyAt(sig, trust, p.now), 'TOTAL-PASSED', null);
  });
});

describe('signatures: the bounded cache behind the verifier’s caches (issue 16)', () => {
  it('holds at most its capacity and keeps what was used since the last turn', () => {
    const cache = new Lru<number, string>(4);
    for (let i = 0; i < 100; i++) {
      cache.set(i, String(i));
      expect(cache.size).to.be.at.most(4);
    }
    const recent = new Lru<string, number>(4);
    recent.set('a', 1);
    recent.set('b', 2);
    recent.set('c', 3); // turns: a and b are now the older generation
    expect(recent.get('a')).to.equal(1); // used: moved to the current one
    recent.set('d', 4); // turns again: b, not used since, is dropped
    expect(recent.get('b')).to.equal(undefined);
    expect(recent.get('a')).to.equal(1);
    expect(recent.get('d')).to.equal(4);
    recent.delete('a');
    expect(recent.get('a')).to.equal(undefined);
    expect(() => new Lru(1)).to.throw(RangeError);
  });
});
