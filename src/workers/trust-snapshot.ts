import { createHash } from 'node:crypto';
import { TrustStore, type TrustAnchor } from '../signatures';
import { parseCertificate } from '../signatures/x509/certificate';
import { parseCrl } from '../signatures/x509/crl';

/**
 * A trust store as a worker thread can receive it: every anchor's and CRL's DER packed into one
 * SharedArrayBuffer, so handing it to a task shares memory instead of copying a trust list and its
 * CRLs (megabytes) with every verification. Made once per store; each worker parses it once per key.
 */
export interface TrustSnapshot {
  key: string;
  bytes: SharedArrayBuffer;
  anchors: { offset: number; length: number; qualifiedProvider: boolean; source: string }[];
  crls: { offset: number; length: number }[];
  warnings: string[];
}

const snapshots = new WeakMap<TrustStore, TrustSnapshot>();

export function trustSnapshot(store: TrustStore): TrustSnapshot {
  const known = snapshots.get(store);
  if (known) return known;
  const anchors = store.listAnchors();
  const parts = [...anchors.map((a) => a.certificate.der), ...store.crls.map((c) => c.der)];
  const bytes = new SharedArrayBuffer(parts.reduce((n, p) => n + p.length, 0));
  const view = new Uint8Array(bytes);
  const hash = createHash('sha256');
  let offset = 0;
  const place = (der: Uint8Array) => {
    view.set(der, offset);
    hash.update(der);
    const at = { offset, length: der.length };
    offset += der.length;
    return at;
  };
  const snapshot: TrustSnapshot = {
    key: '',
    bytes,
    anchors: anchors.map((a) => {
      hash.update(a.qualifiedProvider ? 'q' : 'p');
      return { ...place(a.certificate.der), qualifiedProvider: a.qualifiedProvider, source: a.source };
    }),
    crls: store.crls.map((c) => place(c.der)),
    warnings: [...store.warnings],
  };
  snapshot.key = hash.digest('hex');
  snapshots.set(store, snapshot);
  return snapshot;
}

const stores = new Map<string, TrustStore>();

/** In a worker: the store a snapshot stands for, parsed the first time its key is seen (a few kept). */
export function storeFromSnapshot(snapshot: TrustSnapshot): TrustStore {
  const known = stores.get(snapshot.key);
  if (known) return known;
  const view = new Uint8Array(snapshot.bytes);
  const der = (at: { offset: number; length: number }) => view.slice(at.offset, at.offset + at.length);
  const anchors: TrustAnchor[] = snapshot.anchors.map((a) => ({ certificate: parseCertificate(der(a)), qualifiedProvider: a.qualifiedProvider, source: a.source }));
  const store = new TrustStore(anchors, snapshot.crls.map((c) => parseCrl(der(c))), snapshot.warnings);
  // A CRL refresh makes a new store; the old ones go (a handful at most are in use at once).
  if (stores.size >= 4) stores.delete(stores.keys().next().value as string);
  stores.set(snapshot.key, store);
  return store;
}
