import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SignatureError } from '../errors';
import { parseCertificate } from '../x509/certificate';
import { ParsedCrl, parseCrl } from '../x509/crl';
import { readPkiObjects } from './read-objects';
import { TrustAnchor, TrustStore } from './trust-store';

/** Where the hub's trust comes from. Every path may hold PEM, DER or a certs-only PKCS#7 bundle. */
export interface TrustStoreSources {
  /** Trust-anchor files of qualified providers (e.g. CACertificates.p7b, certificates from the trusted list). */
  files?: string[];
  /** Directories of such files (read recursively; files that hold no certificate or CRL are skipped with a warning). */
  dirs?: string[];
  /** CRL files, full or delta (RFC 5280 §5). */
  crlFiles?: string[];
  crlDirs?: string[];
  /** Trust anchors that are not qualified providers (a corporate or test root): chains pass, `qualified` stays false. */
  nonQualifiedFiles?: string[];
  nonQualifiedDirs?: string[];
}

export async function loadTrustStore(sources: TrustStoreSources): Promise<TrustStore> {
  const anchors: TrustAnchor[] = [];
  const crls: ParsedCrl[] = [];
  const warnings: string[] = [];
  const take = async (paths: string[], strict: boolean, qualifiedProvider: boolean, crlOnly: boolean): Promise<void> => {
    for (const path of paths) {
      const bytes = await readSource(path);
      let objects;
      try {
        objects = readPkiObjects(bytes);
      } catch (err) {
        if (strict) throw invalid(path, err);
        warnings.push(`${path}: skipped, ${(err as Error).message}`);
        continue;
      }
      if (crlOnly && objects.certificates.length) warnings.push(`${path}: certificates in a CRL source ignored`);
      if (!crlOnly) {
        for (const der of objects.certificates) {
          try {
            anchors.push({ certificate: parseCertificate(der), qualifiedProvider, source: path });
          } catch (err) {
            warnings.push(`${path}: a certificate skipped, ${(err as Error).message}`);
          }
        }
      }
      for (const der of objects.crls) {
        try {
          crls.push(parseCrl(der));
        } catch (err) {
          if (strict && crlOnly) throw invalid(path, err);
          warnings.push(`${path}: a CRL skipped, ${(err as Error).message}`);
        }
      }
    }
  };
  await take(sources.files ?? [], true, true, false);
  await take(await listFiles(sources.dirs ?? []), false, true, false);
  await take(sources.nonQualifiedFiles ?? [], true, false, false);
  await take(await listFiles(sources.nonQualifiedDirs ?? []), false, false, false);
  await take(sources.crlFiles ?? [], true, true, true);
  await take(await listFiles(sources.crlDirs ?? []), false, true, true);
  return new TrustStore(anchors, crls, warnings);
}

async function readSource(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new SignatureError('TRUST_SOURCE_UNREADABLE', `Cannot read ${path}: ${(err as Error).message}`, `Не вдається прочитати ${path}`, {
      path,
    });
  }
}

function invalid(path: string, err: unknown): SignatureError {
  return new SignatureError(
    'TRUST_SOURCE_INVALID',
    `${path} holds no certificate, bundle or CRL: ${(err as Error).message}`,
    `${path} не містить сертифіката, пакета сертифікатів чи СВС`,
    { path },
  );
}

async function listFiles(dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      throw new SignatureError(
        'TRUST_SOURCE_UNREADABLE',
        `Cannot read directory ${dir}: ${(err as Error).message}`,
        `Не вдається прочитати каталог ${dir}`,
        { path: dir },
      );
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await listFiles([path])));
      else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path)).isFile())) out.push(path);
    }
  }
  return out;
}
