import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliResult, runCli } from '../support/cli';
import { signCms } from './support/cms';
import { pki } from './support/fixture';
import { ref } from './support/reference';
import { DOCUMENT } from './support/verify';

describe('CLI: dilovod verify', function () {
  this.timeout(60_000);
  /** All runs start up front, two at a time (one per core): each spawn costs about a second of start-up. */
  let runs: Record<string, Promise<CliResult>>;
  const slots: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  let turn = 0;
  const queued = (args: string[]): Promise<CliResult> => {
    const slot = turn++ % slots.length;
    const run = (slots[slot] as Promise<unknown>).then(() => runCli(args));
    slots[slot] = run;
    return run;
  };

  before(() => {
    const p = pki();
    const write = (name: string, data: Uint8Array | string) => {
      const path = join(p.dir, name);
      writeFileSync(path, data);
      return path;
    };
    const sig = write('cli.p7s', signCms({ content: DOCUMENT, signer: p.signerEc, certificates: [p.signerEc, p.qca] }));
    const doc = write('cli.txt', DOCUMENT);
    const tampered = write('cli-tampered.txt', Buffer.concat([DOCUMENT, Buffer.from('!')]));
    const garbage = write('cli-garbage.p7s', 'це не підпис');
    const root = write('cli-root.pem', p.root.pem);
    const crl = write('cli-qca.crl', p.crl);
    const missing = join(p.dir, 'no-such.p7s');
    runs = {
      text: queued(['verify', sig, '--content', doc, '--trust', root, '--crl', crl]),
      tampered: queued(['verify', sig, '--content', tampered, '--trust', root, '--json']),
      noContent: queued(['verify', sig, '--trust', root]),
      garbage: queued(['verify', garbage, '--json']),
      diia: queued([
        'verify',
        ref('uapki/cades-t-attached.p7s'),
        '--trust',
        ref('uapki/certs'),
        '--crl',
        ref('uapki/crls'),
        '--at',
        '2023-09-19T18:30:00Z',
        '--json',
      ]),
      badAt: queued(['verify', sig, '--at', 'yesterday']),
      unreadable: queued(['verify', missing]),
      badTrust: queued(['verify', sig, '--trust', doc]),
    };
  });

  it('exit 0 and a Ukrainian report for a valid qualified signature', async () => {
    const text = await runs.text!;
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.contain('ПІДПИС ДІЙСНИЙ (TOTAL-PASSED)');
    expect(text.stdout).to.contain('Підписувач: Шевченко Тарас Григорович');
    expect(text.stdout).to.contain('Код ЄДРПОУ: 04055555');
    expect(text.stdout).to.contain('РНОКПП (ДРФО): 1234567890');
    expect(text.stdout).to.contain('Кваліфікований підпис (КЕП): так');
  });

  it('exit 1 (JSON report) for tampered content, 2 for a detached signature without its content', async () => {
    const tampered = await runs.tampered!;
    expect(tampered.code).to.equal(1);
    const report = JSON.parse(tampered.stdout);
    expect(report).to.include({ indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' });
    expect(report.signatures[0].signer.drfo).to.equal('1234567890');
    const noContent = await runs.noContent!;
    expect(noContent.code).to.equal(2);
    expect(noContent.stdout).to.contain('SIGNED_DATA_NOT_FOUND');
    expect(noContent.stdout).to.contain('підписаний документ не надано');
  });

  it('garbage is a FORMAT_FAILURE report (exit 1), not a crash', async () => {
    const res = await runs.garbage!;
    expect(res.code).to.equal(1);
    expect(JSON.parse(res.stdout)).to.include({ indication: 'TOTAL-FAILED', subIndication: 'FORMAT_FAILURE' });
    expect(res.stderr).to.equal('');
  });

  it('a real Diia DSTU signature with a trust directory, a --crl directory and --at', async () => {
    const res = await runs.diia!;
    expect(res.code, res.stderr).to.equal(0);
    const report = JSON.parse(res.stdout);
    expect(report.signatures[0].signer.edrpou).to.equal('43395033');
    expect(report.signatures[0].timestamp.genTime).to.equal('2023-09-19T18:17:19.000Z');
  });

  it('exit 64 for bad usage and unreadable files', async () => {
    for (const name of ['badAt', 'unreadable', 'badTrust']) {
      const r = await runs[name]!;
      expect(r.code, `${name}: ${r.stderr}${r.stdout}`).to.equal(64);
    }
    expect((await runs.unreadable!).stderr).to.contain('ENOENT');
    expect((await runs.badTrust!).stderr).to.contain('cli.txt');
  });
});
