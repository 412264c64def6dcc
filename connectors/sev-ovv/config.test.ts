import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../../src/config';
import { sevOvvConnector } from '.';
import { ENV_VARIABLES, loadSevOvvConfig } from './config';
import { sevOvvDecoder } from './inbound';
import { expectHubError, ownSample, TEST_ENV, testConfig } from './test-support';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadSevOvvConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('СЕВ ОВВ settings (SEV_OVV_*)', function () {
  it('the four required variables are enough; the rest take the schema defaults', () => {
    expect(loadSevOvvConfig(TEST_ENV)).to.deep.equal(testConfig());
  });

  it('every setting of config.schema.json has its SEV_OVV_ variable', () => {
    const schema = JSON.parse(readFileSync(sevOvvConnector.configSchemaFile, 'utf8'));
    expect(existsSync(sevOvvConnector.configSchemaFile)).to.equal(true);
    for (const prop of Object.keys(schema.properties)) {
      expect(ENV_VARIABLES[prop as keyof typeof ENV_VARIABLES], prop).to.match(/^SEV_OVV_[A-Z_]+$/);
    }
    expect(Object.keys(ENV_VARIABLES).sort()).to.deep.equal([...schema.required].sort());
  });

  it('reads lists, JSON maps and numbers', () => {
    const cfg = loadSevOvvConfig({
      ...TEST_ENV,
      SEV_OVV_ALLOWED_SENDERS: '00022533, 30000004',
      SEV_OVV_HIGHER_AUTHORITIES: '00022533',
      SEV_OVV_KIND_BY_PURPOSE_TYPE: '{"3":"higher-authority-document","1":"official-letter"}',
      SEV_OVV_KIND_BY_DOCUMENT_KIND: '{"Розпорядження":"higher-authority-document"}',
      SEV_OVV_MAX_ATTACHMENT_BYTES: '1048576',
    });
    expect(cfg).to.deep.include({
      allowedSenders: ['00022533', '30000004'],
      higherAuthorities: ['00022533'],
      kindByPurposeType: { '3': 'higher-authority-document', '1': 'official-letter' },
      kindByDocumentKind: { Розпорядження: 'higher-authority-document' },
      maxAttachmentBytes: 1048576,
    });
  });

  it('a missing required variable is named, in Ukrainian, then English', () => {
    const err = configError({ ...TEST_ENV, SEV_OVV_ALLOWED_SENDERS: '' });
    expect(err.variable).to.equal('SEV_OVV_ALLOWED_SENDERS');
    expect(err.message).to.equal('SEV_OVV_ALLOWED_SENDERS: обов’язкову змінну не задано / SEV_OVV_ALLOWED_SENDERS: is required but not set');
  });

  it('bad values are named with what is wrong', () => {
    expect(configError({ ...TEST_ENV, SEV_OVV_ORG_ID: '123' }).variable).to.equal('SEV_OVV_ORG_ID');
    const sender = configError({ ...TEST_ENV, SEV_OVV_ALLOWED_SENDERS: '00022533,abc' });
    expect(sender.messageEn).to.match(/^SEV_OVV_ALLOWED_SENDERS: item 1: must match pattern/);
    // The schema rule itself in Ukrainian, not the English wrapped in a Ukrainian word.
    expect(sender.messageUk).to.equal('SEV_OVV_ALLOWED_SENDERS: елемент 1: має невідповідний вигляд');
    const kind = configError({ ...TEST_ENV, SEV_OVV_KIND_BY_PURPOSE_TYPE: '{"3":"order"}' });
    expect(kind.messageEn).to.match(/^SEV_OVV_KIND_BY_PURPOSE_TYPE: item 3: must be one of official-letter, /);
    expect(kind.messageUk).to.match(/^SEV_OVV_KIND_BY_PURPOSE_TYPE: елемент 3: має бути одним із: official-letter, /);
    expect(configError({ ...TEST_ENV, SEV_OVV_KIND_BY_DOCUMENT_KIND: '{oops' }).message).to.match(/^SEV_OVV_KIND_BY_DOCUMENT_KIND: не є коректним JSON \/ SEV_OVV_KIND_BY_DOCUMENT_KIND: is not valid JSON/);
    expect(configError({ ...TEST_ENV, SEV_OVV_MAX_ATTACHMENT_BYTES: '10MB' }).variable).to.equal('SEV_OVV_MAX_ATTACHMENT_BYTES');
    expect(configError({ ...TEST_ENV, SEV_OVV_DEFAULT_KIND: 'letter' }).variable).to.equal('SEV_OVV_DEFAULT_KIND');
  });

  describe('the pipeline decoder without settings', function () {
    const saved: Record<string, string | undefined> = {};
    before(() => {
      for (const v of Object.values(ENV_VARIABLES)) {
        saved[v] = process.env[v];
        delete process.env[v];
      }
    });
    after(() => {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    });

    it('keeps the message in quarantine under SEV_OVV_NOT_CONFIGURED naming the variable', async () => {
      const err = await expectHubError(
        Promise.resolve().then(() => sevOvvDecoder(ownSample('do-vykonannia.xml'), { channel: 'amqp', payload: Buffer.alloc(0), format: 'sev-ovv.xml', receivedAt: new Date(), traceId: 't' })),
        'SEV_OVV_NOT_CONFIGURED',
      );
      expect(err.details).to.deep.include({ variable: 'SEV_OVV_ORG_ID' });
      expect(err.transient).to.equal(false);
    });
  });
});
