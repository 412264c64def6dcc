import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { SignatureError, TrustStore, loadTrustStore, verifySignaturesSync } from '../../src/signatures';
import { Asn1Error, octetStringValue, parseTlv, readTlv, stringValue } from '../../src/signatures/asn1/der';
import { parseAlgorithmIdentifier } from '../../src/signatures/x509/algorithm-identifier';
import { parseSignedData } from '../../src/signatures/cms/signed-data';
import { parseSignerInfo } from '../../src/signatures/cms/signer-info';
import { SignatureDecodeError, decodeSignature } from '../../src/signatures/input/decode';
import { parseCertificateCached } from '../../src/signatures/x509/certificate';
import { parseCrl } from '../../src/signatures/x509/crl';
import { DIIA, DIIA_AT, REFERENCE_NOW, ref } from '../signatures/support/reference';
import { type Node, type TreeMutation, allNodes, applyTreeMutation, encode, lengthOctets, toTree, treeMutation } from './asn1-mutate';
import { Budget, type ByteMutation, applyByteMutation, byteMutation, done, params } from './support';

/**
 * Issue 14, quality bar: the CMS reader and the verifier behind POST /api/v1/signatures/verify
 * under about 50,000 hostile inputs built from the real reference vectors. The reader either
 * returns a SignedData or throws its own structured errors (Asn1Error, SignatureDecodeError: the
 * verifier turns them into TOTAL-FAILED / FORMAT_FAILURE); the verifier returns a report with an
 * indication, or throws SignatureError with its stable code, and nothing else. No input takes a
 * second or grows the process by 256 MB.
 */

const VECTORS: Array<[string, string?]> = [
  ['dss/CAdES-BpB-att-SHA256-SHA512withRSA.p7m'],
  ['dss/CAdES-BpB_revoked_signingCertificate.p7m'],
  ['dss/CAdES-BpT_modified_ts_hash.p7m'],
  ['dss/NexU-CAdES-B-B-Detached-Sha512.p7m'],
  ['dss/cades-bes-signeddata-detached.p7s', 'dss/cades-bes-signeddata-detached.content.txt'],
  ['dss/cades-bes-signeddata-enveloping.p7m'],
  ['dss/cades-broken-sig-tst.p7m'],
  ['generated/doc.txt.ec.attached.p7s'],
  ['generated/doc.txt.ec.cades-t.p7s', 'generated/doc.txt'],
  ['generated/doc.txt.ec.p7s', 'generated/doc.txt'],
  ['generated/doc.txt.revoked.p7s', 'generated/doc.txt'],
  ['generated/doc.txt.rsa.p7s', 'generated/doc.txt'],
  ['generated/doc.txt.rsapss.p7s', 'generated/doc.txt'],
  ['jkurwa/message.p7'],
  ['jkurwa/message_detached.p7'],
  ['uapki/cades-bes-attached-custom-attrs.p7s'],
  ['uapki/cades-bes-attached.p7s'],
  ['uapki/cades-bes-detached.p7s', 'uapki/cades-bes-detached.content.txt'],
  ['uapki/cades-t-attached.p7s'],
];
/** DSTU 4145 vectors cost ~8 ms a verification (pure-JS curve arithmetic): fuzzed by the reader, sampled by the verifier. */
const DSTU = /^(jkurwa|uapki)\//;

const DONOR_FILES = [
  'jkurwa/CA-Justice-ECDSA-261217.cer', 'jkurwa/CZOROOT.cer', 'jkurwa/SELF_SIGNED1.cer', 'jkurwa/SFS_1.cer',
  DIIA.ca, DIIA.root, DIIA.tsp, DIIA.signer, DIIA.deltaCrl, 'generated/qca.crl', 'generated/sig.tsr',
];

type Vector = { name: string; der: Buffer; content?: Buffer; tree: Node };

function load(): { vectors: Vector[]; donors: Node[] } {
  const vectors = VECTORS.map(([name, content]) => {
    const der = readFileSync(ref(name));
    return { name, der, ...(content ? { content: readFileSync(ref(content)) } : {}), tree: toTree(der).node };
  });
  const donorTrees = DONOR_FILES.map((f) => toTree(readFileSync(ref(f))).node);
  return { vectors, donors: allNodes([...vectors.map((v) => v.tree), ...donorTrees]) };
}

/** How the mutated DER reaches the reader: as is, PEM, bare base64, or in a tax-office transport container. */
type Wrapping = 'der' | 'pem' | 'base64' | 'transport' | 'pem-broken';

function wrap(der: Uint8Array, how: Wrapping): Uint8Array {
  const b64 = Buffer.from(der).toString('base64');
  switch (how) {
    case 'der':
      return der;
    case 'pem':
      return Buffer.from(`-----BEGIN PKCS7-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END PKCS7-----\n`);
    case 'pem-broken':
      return Buffer.from(`-----BEGIN CMS-----\n${b64.slice(0, b64.length >> 1)}!!\u0000${b64.slice(b64.length >> 1)}\n-----END CMS-----`);
    case 'base64':
      return Buffer.from(`\uFEFF  ${b64}\r\n`, 'latin1');
    case 'transport': {
      const block = (label: string, payload: Buffer) => {
        const len = Buffer.alloc(4);
        len.writeUInt32LE(payload.length);
        return Buffer.concat([Buffer.from(`${label}\0`, 'latin1'), len, payload]);
      };
      return Buffer.concat([block('TRANSPORTABLE', Buffer.from('EDRPOU=12345678\r\nDOC_TYPE=1\r\n\0')), block('UA1_SIGN', Buffer.from(der))]);
    }
  }
}

const wrapping = fc.constantFrom<Wrapping>('der', 'der', 'der', 'der', 'der', 'der', 'pem', 'base64', 'transport', 'pem-broken');

/**
 * A recipe for a mutated vector: which vector, 0-3 structural changes, 0-3 byte-level ones, a
 * wrapping. The recipe (not the bytes) is what fast-check shrinks and prints on failure.
 */
function recipe(count: number) {
  return fc.record({
    vector: fc.nat(count - 1),
    tree: fc.array(treeMutation(), { maxLength: 3 }),
    bytes: fc.array(byteMutation(), { maxLength: 3 }),
    how: wrapping,
  });
}
type Recipe = { vector: number; tree: TreeMutation[]; bytes: ByteMutation[]; how: Wrapping };

/** Each of these once threw something other than Asn1Error (issue 14, found by the reader property); run first, every time. */
const READER_REGRESSIONS: Array<[Recipe]> = [
  // an empty AlgorithmIdentifier: a plain Error
  [{ vector: 11, tree: [{ op: 'delete', at: 492176070 }], bytes: [], how: 'der' }],
  // 2,559 definite-length SEQUENCEs inside a certificate: RangeError, maximum call stack size exceeded
  [{ vector: 4, tree: [{ op: 'nest', at: 1116438631, depth: 2559, indefinite: false }], bytes: [], how: 'der' }],
  // a CRL's authorityKeyIdentifier that @peculiar cannot read: Error "Too big integer"
  [{ vector: 6, tree: [{ op: 'empty', at: 1445905121 }, { op: 'body', at: 1379042823, bytes: Uint8Array.from([0, 0]) }], bytes: [{ op: 'flip', at: 381567258, mask: 32 }], how: 'der' }],
  // a UniversalString holding U+4E5A4E20: RangeError, invalid code point
  [{ vector: 0, tree: [{ op: 'retag', at: 958311124, tag: 28 }], bytes: [], how: 'der' }],
  // a BMPString of an odd number of octets: RangeError from Buffer.swap16
  [{ vector: 15, tree: [{ op: 'retag', at: 1992786362, tag: 30 }], bytes: [], how: 'der' }],
];

function build(pool: Vector[], donors: Node[], r: Recipe): { vector: Vector; input: Uint8Array; label: () => string } {
  const v = pool[r.vector] as Vector;
  let der: Uint8Array = v.der;
  if (r.tree.length) {
    let node = v.tree;
    for (const m of r.tree) node = applyTreeMutation(node, m, donors);
    der = encode(node);
  }
  for (const m of r.bytes) der = applyByteMutation(der, m);
  const label = () => `${v.name} tree=${JSON.stringify(r.tree, bigBytes)} bytes=${JSON.stringify(r.bytes, bigBytes)} ${r.how}`;
  return { vector: v, input: wrap(der, r.how), label };
}

function bigBytes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value;
}

/** What the reader may throw: its own errors, which the verifier reports as FORMAT_FAILURE. */
function expectReaderError(err: unknown, label: () => string): void {
  if (err instanceof Asn1Error || err instanceof SignatureDecodeError) return;
  throw new Error(`the CMS reader threw ${(err as Error)?.name}: ${(err as Error)?.message} for ${label()}`, { cause: err });
}

/** Decode, SignedData, every SignerInfo, certificate and CRL: what the verifier reads before any cryptography. */
function readAll(input: Uint8Array, label: () => string): void {
  let signedData;
  try {
    signedData = parseSignedData(decodeSignature(input).der);
  } catch (err) {
    expectReaderError(err, label);
    return;
  }
  for (const tlv of signedData.signerInfos) {
    try {
      parseSignerInfo(tlv);
    } catch (err) {
      expectReaderError(err, label);
    }
  }
  for (const der of signedData.certificates) {
    try {
      // Cached by SHA-256 as the verifier does: an unchanged certificate is read once.
      parseCertificateCached(der);
    } catch (err) {
      expectReaderError(err, label);
    }
  }
  for (const der of signedData.crls) {
    try {
      parseCrl(der);
    } catch (err) {
      expectReaderError(err, label);
    }
  }
}

const INDICATIONS = ['TOTAL-PASSED', 'TOTAL-FAILED', 'INDETERMINATE'];

describe('fuzz: the CMS reader and the signature verifier (issue 14)', function () {
  this.timeout(120_000);
  let vectors: Vector[];
  let donors: Node[];
  let trust: TrustStore;

  before(async () => {
    ({ vectors, donors } = load());
    trust = await loadTrustStore({
      files: [ref('generated/root.pem'), ref('generated/qca.pem'), ref(DIIA.ca), ref(DIIA.root), ref(DIIA.tsp), ref('jkurwa/SELF_SIGNED1.cer')],
      crlFiles: [ref('generated/qca.crl'), ref(DIIA.deltaCrl)],
    });
  });

  /** verifySignaturesSync, as the route and the pipeline call it: a report, or SignatureError with its code. */
  function verifyCleanly(signature: Uint8Array, content: Uint8Array | undefined, at: Date, label: () => string): void {
    let result;
    try {
      result = verifySignaturesSync({ signature, ...(content ? { content } : {}) }, { trust, now: () => at });
    } catch (err) {
      if (err instanceof SignatureError && typeof err.code === 'string') return;
      throw new Error(`the verifier threw ${(err as Error)?.name}: ${(err as Error)?.message} for ${label()}`, { cause: err });
    }
    expect(INDICATIONS, label()).to.include(result.indication);
    for (const s of result.signatures) expect(INDICATIONS, label()).to.include(s.indication);
    // The report goes out as JSON: it must serialise (no BigInt, no cycles).
    JSON.stringify(result);
  }

  it('the reader: 30,000 structural and byte mutations of the 19 reference vectors, PEM/base64/transport-wrapped', () => {
    const budget = new Budget('CMS reader, mutated vectors');
    fc.assert(
      fc.property(recipe(vectors.length), (r) => {
        const { input, label } = build(vectors, donors, r);
        budget.run(label, () => readAll(input, label));
      }),
      params(20_261_401, 30_000, READER_REGRESSIONS),
    );
    done(budget, 30_000);
  });

  it('the verifier: 6,000 mutated vectors (DSTU 4145 ones one in four), with and without detached content', () => {
    const budget = new Budget('CMS verifier, mutated vectors');
    const cheap = vectors.filter((v) => !DSTU.test(v.name));
    const mutated = fc.oneof(
      { weight: 3, arbitrary: recipe(cheap.length).map((r) => ({ ...r, dstu: false })) },
      { weight: 1, arbitrary: recipe(vectors.length).map((r) => ({ ...r, dstu: true })) },
    );
    fc.assert(
      fc.property(mutated, fc.boolean(), fc.boolean(), (r, withContent, diiaTime) => {
        const { vector, input: bytes, label } = build(r.dstu ? vectors : cheap, donors, r);
        const content = withContent ? vector.content ?? Buffer.from('123') : undefined;
        budget.run(label, () => verifyCleanly(bytes, content, diiaTime ? DIIA_AT : REFERENCE_NOW, label));
      }),
      params(20_261_402, 6_000),
    );
    done(budget, 6_000);
  });

  it('the verifier: 14,000 random byte strings and random BER trees', () => {
    const budget = new Budget('CMS verifier, random bytes');
    const leaf = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 24 })).map(([tag, body]) => Buffer.concat([Buffer.from([tag & ~0x20]), Buffer.from([body.length]), body]));
    const ber: fc.Arbitrary<Buffer> = fc.letrec<{ el: Buffer }>((tie) => ({
      el: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom(0x30, 0x31, 0xa0, 0xa1, 0xa3, 0x24), fc.array(tie('el'), { maxLength: 5 }), fc.boolean()).map(([tag, kids, indefinite]) => {
          const contents = Buffer.concat(kids);
          if (indefinite) return Buffer.concat([Buffer.from([tag, 0x80]), contents, Buffer.from([0, 0])]);
          const len = contents.length < 0x80 ? Buffer.from([contents.length]) : Buffer.from([0x82, contents.length >> 8, contents.length & 0xff]);
          return Buffer.concat([Buffer.from([tag]), len, contents]);
        }),
      ),
    })).el;
    // A ContentInfo that claims SignedData (1.2.840.113549.1.7.2), with random insides.
    const signedDataOid = Buffer.from('06092a864886f70d010702', 'hex');
    const claimsSignedData = fc.array(ber, { maxLength: 6 }).map((kids) => {
      const sd = Buffer.concat([Buffer.from([0x30, 0x80]), ...kids, Buffer.from([0, 0])]);
      const explicit = Buffer.concat([Buffer.from([0xa0, 0x80]), sd, Buffer.from([0, 0])]);
      return Buffer.concat([Buffer.from([0x30, 0x80]), signedDataOid, explicit, Buffer.from([0, 0])]);
    });
    const input = fc.oneof(fc.uint8Array({ maxLength: 600 }), ber, claimsSignedData, fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)));
    fc.assert(
      fc.property(input, (bytes) => {
        const label = () => Buffer.from(bytes).toString('hex').slice(0, 400);
        budget.run(label, () => {
          readAll(bytes, label);
          verifyCleanly(bytes, undefined, REFERENCE_NOW, label);
        });
      }),
      params(20_261_403, 14_000),
    );
    done(budget, 14_000);
  });

  it('regressions found by fuzzing: malformed strings, algorithm identifiers and deep definite nesting are Asn1Errors', () => {
    const tlv = (hex: string) => readTlv(Buffer.from(hex, 'hex')).tlv;
    expect(() => stringValue(tlv('1c04ffffffff'))).to.throw(Asn1Error, /UniversalString/);
    expect(() => stringValue(tlv('1e03004100'))).to.throw(Asn1Error, /BMPString/);
    expect(stringValue(tlv('1e0400410042'))).to.equal('AB');
    expect(() => parseAlgorithmIdentifier(tlv('3000'), 'test')).to.throw(Asn1Error, /empty AlgorithmIdentifier/);
    // 3,000 definite-length constructed OCTET STRINGs: a walk over them stops at the depth limit.
    let bytes = Buffer.from('040101', 'hex');
    for (let i = 0; i < 3000; i++) bytes = Buffer.concat([Buffer.from([0x24]), lengthOctets(bytes.length), bytes]);
    expect(() => octetStringValue(parseTlv(bytes))).to.throw(Asn1Error, /too deep/);
  });

  it('pathological shapes: deep nesting, ten thousands of tiny elements, absurd lengths and tags — fast, bounded, FORMAT_FAILURE', () => {
    const budget = new Budget('CMS verifier, pathological shapes');
    const shapes: Array<[string, Buffer]> = [
      ['20,000 indefinite SEQUENCEs', Buffer.concat([Buffer.alloc(40_000, Buffer.from([0x30, 0x80])), Buffer.alloc(40_000)])],
      ['5,000 definite SEQUENCEs', encode({ id: Uint8Array.of(0x30), kids: [], wrap: { depth: 5000, indefinite: false } })],
      ['200,000 NULLs in one SEQUENCE', encode({ id: Uint8Array.of(0x30), kids: Array.from({ length: 200_000 }, () => ({ id: Uint8Array.of(0x05), body: new Uint8Array() })) })],
      ['length 0x84 FFFFFFFF', Buffer.from('3084ffffffff3000', 'hex')],
      ['length of 9 octets', Buffer.from('3089ffffffffffffffffff00', 'hex')],
      ['tag number of 20 octets', Buffer.concat([Buffer.from([0x3f]), Buffer.alloc(20, 0xff), Buffer.from([0x01, 0x00])])],
      ['indefinite primitive', Buffer.from('0480000000', 'hex')],
      ['unterminated indefinite', Buffer.from('3080308030803080', 'hex')],
    ];
    for (const [label, bytes] of shapes) {
      budget.run(() => label, () => {
        readAll(bytes, () => label);
        const r = verifySignaturesSync({ signature: bytes }, { trust, now: () => REFERENCE_NOW });
        expect(r, label).to.include({ indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE' });
      });
    }
    done(budget, shapes.length);
  });
});
