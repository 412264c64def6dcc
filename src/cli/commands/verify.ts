import { readFile, stat } from 'node:fs/promises';
import { CliCommand, EXIT_USAGE, UsageError, parseArgs } from '../command';
import { plural } from '../../domain/plural-uk';
import {
  SignatureError,
  SignatureVerificationResult,
  TrustStoreSources,
  loadTrustStore,
  renderReportUk,
  verifySignatures,
} from '../../signatures';

const EXIT_BY_INDICATION: Record<SignatureVerificationResult['indication'], number> = {
  'TOTAL-PASSED': 0,
  'TOTAL-FAILED': 1,
  INDETERMINATE: 2,
};

/** `dilovod verify`: checks a CMS/CAdES signature and prints the report; exit 0 valid, 1 invalid, 2 indeterminate. */
export const command: CliCommand = {
  name: 'verify',
  summary: 'перевірити кваліфікований електронний підпис (CMS/CAdES, .p7s): код виходу 0 — дійсний, 1 — недійсний, 2 — невизначений',
  usage: ['dilovod verify ПІДПИС.p7s [--content ФАЙЛ] [--trust ФАЙЛ|КАТАЛОГ]... [--crl ФАЙЛ|КАТАЛОГ]... [--at ЧАС-ISO] [--require-revocation] [--json]'],
  async run(args: string[]): Promise<number> {
    const { flags, positional } = parseArgs(args, ['json', 'require-revocation']);
    const known = new Set(['content', 'trust', 'crl', 'at', 'json', 'require-revocation']);
    const unknown = [...flags.keys()].filter((f) => !known.has(f));
    if (unknown.length) throw new UsageError(`невідомий параметр --${unknown[0]}`);
    if (positional.length !== 1) {
      throw new UsageError(`потрібен один файл підпису, отримано ${plural(positional.length, { one: 'файл', few: 'файли', many: 'файлів' })}`);
    }
    if ((flags.get('content')?.length ?? 0) > 1 || (flags.get('at')?.length ?? 0) > 1)
      throw new UsageError('--content і --at можна вказати лише один раз');

    let at: Date | undefined;
    const atText = flags.get('at')?.[0];
    if (atText !== undefined) {
      at = new Date(atText);
      if (!/^\d{4}-\d{2}-\d{2}/.test(atText) || Number.isNaN(at.getTime()))
        throw new UsageError(`--at: потрібен час за ISO 8601 (наприклад 2026-03-05T10:00:00Z), отримано «${atText}»`);
    }
    try {
      const signature = await readInput(positional[0] as string);
      const contentPath = flags.get('content')?.[0];
      const content = contentPath === undefined ? undefined : await readInput(contentPath);
      const trust = await loadTrustStore(await sources(flags.get('trust') ?? [], flags.get('crl') ?? []));
      // The warning's own words are the parser's (English); the sentence around them is the clerk's.
      for (const warning of trust.warnings) console.error(`dilovod verify: попередження сховища довірених сертифікатів: ${warning}`);
      const result = await verifySignatures(
        { signature, ...(content ? { content } : {}) },
        { trust, ...(at ? { at } : {}), ...(flags.has('require-revocation') ? { revocation: 'require' as const } : {}) },
      );
      process.stdout.write(flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : renderReportUk(result));
      return EXIT_BY_INDICATION[result.indication];
    } catch (err) {
      if (err instanceof InputError || err instanceof SignatureError) {
        console.error(`dilovod verify: ${err instanceof SignatureError ? err.messageUk : err.message}`);
        return EXIT_USAGE;
      }
      throw err;
    }
  },
};

class InputError extends Error {}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new InputError(`не вдається прочитати ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** Sorts each --trust/--crl path into a file or a directory source. */
async function sources(trust: string[], crl: string[]): Promise<TrustStoreSources> {
  const out: Required<Pick<TrustStoreSources, 'files' | 'dirs' | 'crlFiles' | 'crlDirs'>> = {
    files: [],
    dirs: [],
    crlFiles: [],
    crlDirs: [],
  };
  const place = async (path: string, file: string[], dir: string[]) => {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      throw new InputError(`не вдається прочитати ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    (info.isDirectory() ? dir : file).push(path);
  };
  for (const path of trust) await place(path, out.files, out.dirs);
  for (const path of crl) await place(path, out.crlFiles, out.crlDirs);
  return out;
}
