import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestCert, toPem } from './test-pki';

/** Runs the `openssl` CLI (an independent CMS and RFC 3161 producer) inside a temp dir. */
function openssl(dir: string, args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function writeKeyAndCert(dir: string, name: string, cert: TestCert): { certPath: string; keyPath: string } {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key`);
  writeFileSync(certPath, cert.pem);
  writeFileSync(keyPath, cert.key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, { mode: 0o600 });
  return { certPath, keyPath };
}

/** An RFC 3161 time-stamping authority run by `openssl ts -reply` with a test TSA certificate. */
export class OpensslTsa {
  private readonly config: string;
  private counter = 0;

  constructor(
    private readonly dir: string,
    tsa: TestCert,
    chain: TestCert[],
  ) {
    const { certPath, keyPath } = writeKeyAndCert(dir, 'tsa', tsa);
    writeFileSync(join(dir, 'tsa-chain.pem'), chain.map((c) => c.pem).join(''));
    writeFileSync(join(dir, 'tsaserial'), '01\n');
    this.config = join(dir, 'tsa.cnf');
    writeFileSync(
      this.config,
      [
        '[ tsa ]',
        'default_tsa = tsa_config',
        '[ tsa_config ]',
        `serial = ${join(dir, 'tsaserial')}`,
        `signer_cert = ${certPath}`,
        `certs = ${join(dir, 'tsa-chain.pem')}`,
        `signer_key = ${keyPath}`,
        'signer_digest = sha256',
        'default_policy = 1.2.804.2.1.1.1.2.3.1',
        'other_policies = 1.2.804.2.1.1.1.2.3.1',
        'digests = sha256, sha384, sha512',
        'accuracy = secs:1',
        'ordering = yes',
        'tsa_name = yes',
        'ess_cert_id_chain = no',
        'ess_cert_id_alg = sha256',
        '',
      ].join('\n'),
    );
  }

  /** A time-stamp token (ContentInfo DER) over `data`, hashed with SHA-256. */
  stamp(data: Uint8Array): Buffer {
    const n = ++this.counter;
    const dataPath = join(this.dir, `stamp-${n}.bin`);
    writeFileSync(dataPath, data);
    openssl(this.dir, ['ts', '-query', '-data', dataPath, '-sha256', '-cert', '-no_nonce', '-out', `q-${n}.tsq`]);
    openssl(this.dir, ['ts', '-reply', '-config', this.config, '-queryfile', `q-${n}.tsq`, '-token_out', '-out', `t-${n}.der`]);
    return readFileSync(join(this.dir, `t-${n}.der`));
  }
}

/** `openssl cms -sign -cades`: detached CAdES-BES (signing-certificate-v2, signing-time). */
export function opensslCadesSign(
  dir: string,
  name: string,
  content: Buffer,
  signer: TestCert,
  chain: TestCert[],
  opts: { pss?: boolean } = {},
): Buffer {
  const { certPath, keyPath } = writeKeyAndCert(dir, name, signer);
  const contentPath = join(dir, `${name}.txt`);
  writeFileSync(contentPath, content);
  const chainPath = join(dir, `${name}-chain.pem`);
  writeFileSync(chainPath, chain.map((c) => c.pem).join('') || toPem('CERTIFICATE', signer.der));
  const args = [
    'cms',
    '-sign',
    '-cades',
    '-binary',
    '-md',
    'sha256',
    '-in',
    contentPath,
    '-signer',
    certPath,
    '-inkey',
    keyPath,
    '-certfile',
    chainPath,
    '-outform',
    'DER',
  ];
  if (opts.pss) args.push('-keyopt', 'rsa_padding_mode:pss');
  return openssl(dir, args);
}
