import { ParsedCertificate, parseCertificate } from '../x509/certificate';
import { ParsedCrl, parseCrl } from '../x509/crl';
import { CertificatePool } from './certificate-pool';
import { PkiObjects, readPkiObjects } from './read-objects';
import { SignatureError } from '../errors';

/** A trust anchor and whether its source lists qualified trust service providers. */
export interface TrustAnchor {
  certificate: ParsedCertificate;
  /** From a qualified-provider list (trusted list, CACertificates.p7b), as opposed to a plain anchor. */
  qualifiedProvider: boolean;
  source: string;
}

export interface TrustStoreAdditions {
  /** DER/PEM certificates or bundles. Qualified providers unless `qualifiedProvider: false`. */
  certificates?: (Uint8Array | { data: Uint8Array; qualifiedProvider?: boolean; source?: string })[];
  /** DER/PEM CRLs, full or delta. */
  crls?: Uint8Array[];
}

/**
 * Trust anchors and CRLs. Every certificate in the store is a trust anchor (as a service listed in a
 * trusted list is, ETSI TS 119 612 / EN 319 102-1 §5.2.4); intermediates the signature carries are
 * not trusted by themselves. Immutable: `with()` returns an extended copy for per-call overrides.
 */
export class TrustStore {
  readonly pool: CertificatePool;
  private readonly anchors = new Map<string, TrustAnchor>();

  constructor(
    anchors: TrustAnchor[] = [],
    readonly crls: readonly ParsedCrl[] = [],
    /** Files or entries skipped while loading, for the operator. */
    readonly warnings: readonly string[] = [],
  ) {
    this.pool = new CertificatePool();
    for (const anchor of anchors) {
      const cert = this.pool.add(anchor.certificate);
      const known = this.anchors.get(cert.fingerprint);
      // a certificate listed both ways counts as a qualified provider
      if (!known || (!known.qualifiedProvider && anchor.qualifiedProvider))
        this.anchors.set(cert.fingerprint, { ...anchor, certificate: cert });
    }
  }

  static empty(): TrustStore {
    return new TrustStore();
  }

  get size(): number {
    return this.anchors.size;
  }

  anchor(cert: ParsedCertificate): TrustAnchor | undefined {
    return this.anchors.get(cert.fingerprint);
  }

  listAnchors(): TrustAnchor[] {
    return [...this.anchors.values()];
  }

  /** A copy with more anchors and CRLs (e.g. supplied with one request). Throws SignatureError TRUST_SOURCE_INVALID. */
  with(additions: TrustStoreAdditions): TrustStore {
    const anchors = [...this.anchors.values()];
    const crls = [...this.crls];
    (additions.certificates ?? []).forEach((item, index) => {
      const entry = item instanceof Uint8Array ? { data: item } : item;
      const source = entry.source ?? `certificates[${index}]`;
      const objects = readOrThrow(entry.data, source);
      for (const der of objects.certificates) {
        anchors.push({
          certificate: parseOrThrow(() => parseCertificate(der), source),
          qualifiedProvider: entry.qualifiedProvider ?? true,
          source,
        });
      }
      crls.push(...objects.crls.map((der) => parseOrThrow(() => parseCrl(der), source)));
    });
    (additions.crls ?? []).forEach((data, index) => {
      const objects = readOrThrow(data, `crls[${index}]`);
      crls.push(...objects.crls.map((der) => parseOrThrow(() => parseCrl(der), `crls[${index}]`)));
    });
    return new TrustStore(anchors, dedupe(crls), this.warnings);
  }
}

function readOrThrow(data: Uint8Array, source: string): PkiObjects {
  return parseOrThrow(() => readPkiObjects(data), source);
}

function parseOrThrow<T>(parse: () => T, source: string): T {
  try {
    return parse();
  } catch (err) {
    throw new SignatureError(
      'TRUST_SOURCE_INVALID',
      `${source} holds no usable certificate, bundle or CRL: ${(err as Error).message}`,
      `${source} не містить придатного сертифіката, пакета сертифікатів чи СВС`,
      { source },
    );
  }
}

function dedupe(crls: ParsedCrl[]): ParsedCrl[] {
  const seen = new Map<string, ParsedCrl>();
  for (const crl of crls) seen.set(crl.fingerprint, crl);
  return [...seen.values()];
}

/** Builds a store from bytes (no file system). */
export function createTrustStore(additions: TrustStoreAdditions): TrustStore {
  return TrustStore.empty().with(additions);
}
