import { readFile, stat } from 'node:fs/promises';
import { CliCommand, EXIT_USAGE, UsageError, parseArgs } from '../command';
import {
  SignatureError,
  SignatureVerificationResult,
  TrustStoreSources,
  loadTrustStore,
  renderReportUk,
  verifySignatures,
} from '../../signatures';

const USAGE =
  'usage: dilovod verify SIG [--content FILE] [--trust FILE|DIR]... [--crl FILE|DIR]... [--at ISO-TIME] [--require-revocation] [--json]';

const EXIT_BY_INDICATION: Record<SignatureVerificationResult['indication'], number> = {
  'TOTAL-PASSED': 0,
  'TOTAL-FAILED': 1,
  INDETERMINATE: 2,
};

/** `dilovod verify`: checks a CMS/CAdES signature and prints the report; exit 0 valid, 1 invalid, 2 indeterminate. */
export const command: CliCommand = {
  name: 'verify',
  summary: 'verify a qualified e-signature (CMS/CAdES .p7s): exit 0 valid, 1 invalid, 2 indeterminate',
  async run(args: string[]): Promise<number> {
    const { flags, positional } = parseArgs(args, ['json', 'require-revocation', 'help']);
    if (flags.has('help')) {
      console.log(USAGE);
      return 0;
    }
    const known = new Set(['content', 'trust', 'crl', 'at', 'json', 'require-revocation', 'help']);
    const unknown = [...flags.keys()].filter((f) => !known.has(f));
    if (unknown.length) throw new UsageError(`unknown option --${unknown[0]}\n${USAGE}`);
    if (positional.length !== 1) throw new UsageError(`expected one signature file\n${USAGE}`);
    if ((flags.get('content')?.length ?? 0) > 1 || (flags.get('at')?.length ?? 0) > 1)
      throw new UsageError(`--content and --at may be given once\n${USAGE}`);

    let at: Date | undefined;
    const atText = flags.get('at')?.[0];
    if (atText !== undefined) {
      at = new Date(atText);
      if (!/^\d{4}-\d{2}-\d{2}/.test(atText) || Number.isNaN(at.getTime()))
        throw new UsageError(`--at needs an ISO 8601 time, got "${atText}"`);
    }
    try {
      const signature = await readInput(positional[0] as string);
      const contentPath = flags.get('content')?.[0];
      const content = contentPath === undefined ? undefined : await readInput(contentPath);
      const trust = await loadTrustStore(await sources(flags.get('trust') ?? [], flags.get('crl') ?? []));
      for (const warning of trust.warnings) console.error(`dilovod verify: ${warning}`);
      const result = await verifySignatures(
        { signature, ...(content ? { content } : {}) },
        { trust, ...(at ? { at } : {}), ...(flags.has('require-revocation') ? { revocation: 'require' as const } : {}) },
      );
      process.stdout.write(flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : renderReportUk(result));
      return EXIT_BY_INDICATION[result.indication];
    } catch (err) {
      if (err instanceof InputError || err instanceof SignatureError) {
        console.error(`dilovod verify: ${err.message}`);
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
    throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
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
      throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    (info.isDirectory() ? dir : file).push(path);
  };
  for (const path of trust) await place(path, out.files, out.dirs);
  for (const path of crl) await place(path, out.crlFiles, out.crlDirs);
  return out;
}
