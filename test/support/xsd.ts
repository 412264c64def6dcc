import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The СЕВ ОВВ message schema (copied with its provenance: test/fixtures/reference/sev-ovv/SOURCES.md). */
export const ORDER_1207_XSD = join(__dirname, '..', 'fixtures', 'reference', 'sev-ovv', 'xsd', 'Order1207_1.5_v.2.2.xsd');

/**
 * Validates a message against Order1207_1.5_v.2.2.xsd with xmllint (Debian's libxml2-utils; .ci/run
 * installs it): a real schema validator, not a hand check. Resolves with xmllint's words when invalid.
 */
export function xsdProblems(xml: Buffer, schema = ORDER_1207_XSD): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = execFile('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], (err, _stdout, stderr) => {
      if (!err) return resolve(null);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error('xmllint is not installed (apt-get install libxml2-utils)'));
      resolve(stderr.trim() || String(err));
    });
    child.stdin!.end(xml);
  });
}
