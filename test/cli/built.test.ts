import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../support/process';

/**
 * Issue 12: `npx dilovod …` took 4-13 s a call, mostly compiling TypeScript at start-up. It runs
 * the JavaScript built on install (`prepare` → dist/), and loads only the command asked for.
 * A probe preloaded into the CLI's process lists every module it loaded.
 */
describe('CLI: runs the built JavaScript and loads only its command', function () {
  this.timeout(60_000);
  let tmp: string;
  let probe: string;

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dilovod-built-'));
    probe = join(tmp, 'probe.js');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n");
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  function loadedBy(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; modules: string[] }> {
    return new Promise((resolve, reject) => {
      execFile(process.execPath, ['--require', probe, join(REPO, 'bin', 'dilovod.js'), ...args], { cwd: REPO, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
        const line = stderr.split('\n').find((l) => l.startsWith('LOADED '));
        if (!line) return reject(new Error(`no module list:\n${stderr}`));
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, modules: JSON.parse(line.slice('LOADED '.length)) as string[] });
      });
    });
  }

  const isPackage = (name: string) => (m: string) => m.includes(`/node_modules/${name}/`);

  it('dilovod term: no TypeScript compiler, no database, no web server; only the built code of its own command', async () => {
    const { code, stdout, modules } = await loadedBy(['term', '--rule', 'appeal', '--from', '2026-01-05']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}/);
    expect(modules.filter((m) => m.endsWith('.ts')), 'TypeScript sources loaded').to.deep.equal([]);
    expect(modules.filter(isPackage('tsx')), 'tsx loaded').to.deep.equal([]);
    expect(modules.some((m) => m.includes(`${join(REPO, 'dist', 'src', 'cli', 'commands')}/term.js`))).to.equal(true);
    for (const heavy of ['pg', '@electric-sql/pglite', 'express', 'amqplib']) {
      expect(modules.filter(isPackage(heavy)), `${heavy} loaded for dilovod term`).to.deep.equal([]);
    }
    expect(modules.filter((m) => /\/dist\/src\/cli\/commands\/(?!term\.js)/.test(m)), 'other commands loaded').to.deep.equal([]);
  });

  it('DILOVOD_FROM_SOURCE=1 runs the TypeScript through tsx, for development', async () => {
    const { code, modules } = await loadedBy(['term', '--rule', 'appeal', '--from', '2026-01-05'], { DILOVOD_FROM_SOURCE: '1' });
    expect(code).to.equal(0);
    expect(modules.some((m) => m.endsWith(join('src', 'cli', 'commands', 'term.ts')))).to.equal(true);
    expect(modules.some((m) => m.startsWith(join(REPO, 'dist') + '/'))).to.equal(false);
  });
});
