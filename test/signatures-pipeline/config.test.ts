import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { startHub } from '../../src/hub';
import { runCli } from '../support/cli';
import { testConfig } from '../support/hub';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

async function startError(over: Parameters<typeof testConfig>[0]): Promise<ConfigError> {
  try {
    const hub = await startHub(testConfig(over));
    await hub.close();
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected the start to fail');
}

describe('signature settings: TRUST_FILES, TRUST_DIRS, CRL_FILES, CRL_DIRS, SIGNATURE_POLICY_FILE, SIGNATURE_REVOCATION', function () {
  this.timeout(60_000);
  let tmp: string;
  let notACert: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dilovod-sigconf-'));
    notACert = join(tmp, 'readme.txt');
    writeFileSync(notACert, 'not a certificate');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('defaults: no trust sources, the shipped policy, revocation if available', () => {
    const c = loadConfig({});
    expect(c).to.deep.include({ trustFiles: [], trustDirs: [], crlFiles: [], crlDirs: [], signatureRevocation: 'if-available' });
    expect(c.signaturePolicyFile).to.equal(undefined);
  });

  it('reads comma-separated paths', () => {
    const c = loadConfig({ TRUST_FILES: `${notACert}, ${notACert}`, TRUST_DIRS: tmp, CRL_DIRS: tmp, SIGNATURE_REVOCATION: 'require' });
    expect(c).to.deep.include({ trustFiles: [notACert, notACert], trustDirs: [tmp], crlDirs: [tmp], signatureRevocation: 'require' });
  });

  it('a path that does not exist, or of the wrong type, or a bad revocation value, is refused naming the variable', () => {
    expect(configError(() => loadConfig({ TRUST_FILES: join(tmp, 'missing.p7b') })).variable).to.equal('TRUST_FILES');
    expect(configError(() => loadConfig({ TRUST_DIRS: notACert })).variable).to.equal('TRUST_DIRS');
    expect(configError(() => loadConfig({ CRL_FILES: tmp })).variable).to.equal('CRL_FILES');
    expect(configError(() => loadConfig({ CRL_DIRS: join(tmp, 'nope') })).variable).to.equal('CRL_DIRS');
    const e = configError(() => loadConfig({ SIGNATURE_REVOCATION: 'sometimes' }));
    expect(e.variable).to.equal('SIGNATURE_REVOCATION');
    expect(e.message).to.contain('if-available, require');
  });

  it('a TRUST_FILES file that holds no certificate stops the start naming the variable', async () => {
    const e = await startError({ trustFiles: [notACert] });
    expect(e.variable).to.equal('TRUST_FILES');
    expect(e.message).to.contain(notACert);
  });

  it('a CRL_FILES file that holds no CRL stops the start naming CRL_FILES', async () => {
    expect((await startError({ crlFiles: [notACert] })).variable).to.equal('CRL_FILES');
  });

  it('a policy file that is not valid stops the start naming SIGNATURE_POLICY_FILE', async () => {
    const bad = join(tmp, 'policy.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ id: 'x', kinds: ['love-letter'], signature: 'required', onFailure: 'flag' }] }));
    const e = await startError({ signaturePolicyFile: bad });
    expect(e.variable).to.equal('SIGNATURE_POLICY_FILE');
    expect(e.message).to.contain('level').and.contain('/rules/0/kinds/0');
    // The IT person reads the schema's violations in Ukrainian too, not English inside a Ukrainian sentence.
    expect(e.messageUk).to.match(/^SIGNATURE_POLICY_FILE: .* містить помилки: /).and.contain("бракує обов'язкового поля «level»");
    expect(e.messageUk).not.to.contain('must');
    writeFileSync(bad, JSON.stringify({ rules: [{ id: 'x', sources: [], signature: 'required', level: 'valid', onFailure: 'flag' }] }));
    expect((await startError({ signaturePolicyFile: bad })).message).to.contain('must not be empty');
    expect((await startError({ signaturePolicyFile: join(tmp, 'missing.json') })).variable).to.equal('SIGNATURE_POLICY_FILE');
  });

  it('`dilovod start` with a bad TRUST_FILES path exits 78 and names the variable', async () => {
    const res = await runCli(['start'], { TRUST_FILES: join(tmp, 'missing.pem'), PORT: '0', DATA_DIR: tmp });
    expect(res.code).to.equal(78);
    expect(res.stderr).to.contain('помилка в налаштуваннях: TRUST_FILES:').and.to.contain('bad configuration: TRUST_FILES:');
  });
});
