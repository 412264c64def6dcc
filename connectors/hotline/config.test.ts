import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/config';
import { hotlineConnector } from '.';
import { ENV_VARIABLES, loadHotlineConfig } from './config';
import { TEST_ENV, testConfig, withEnv } from './test-support';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadHotlineConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('hotline settings (HOTLINE_*)', function () {
  it('HOTLINE_ORG_ID is enough; the rest take the schema defaults', () => {
    expect(loadHotlineConfig({ HOTLINE_ORG_ID: '40000001' })).to.deep.equal({
      orgId: '40000001', ukcDestination: 'ukc-1545', oblastDestination: 'oblast-contact-centre',
      oblastCentreName: 'Обласний контактний центр', topicBySubjectCode: {},
    });
    expect(loadHotlineConfig(TEST_ENV)).to.deep.equal(testConfig());
  });

  it('every setting of config.schema.json has its HOTLINE_ variable', () => {
    const schema = JSON.parse(readFileSync(hotlineConnector.configSchemaFile, 'utf8'));
    expect(Object.keys(ENV_VARIABLES).sort()).to.deep.equal(Object.keys(schema.properties).sort());
    for (const variable of Object.values(ENV_VARIABLES)) expect(variable).to.match(/^HOTLINE_[A-Z_]+$/);
  });

  it('reads destinations and the topic map', () => {
    const cfg = loadHotlineConfig({ ...TEST_ENV, HOTLINE_UKC_DESTINATION: 'ukc.statuses', HOTLINE_TOPIC_BY_SUBJECT_CODE: '{"5.1":"009.01"}' });
    expect(cfg).to.deep.include({ ukcDestination: 'ukc.statuses', topicBySubjectCode: { '5.1': '009.01' } });
  });

  it('a missing HOTLINE_ORG_ID is named, in both languages', () => {
    const err = configError({ HOTLINE_UKC_DESTINATION: 'ukc' });
    expect(err.variable).to.equal('HOTLINE_ORG_ID');
    expect(err.message).to.match(/HOTLINE_ORG_ID: is required but not set/).and.match(/обов’язкову змінну не задано/);
  });

  it('a bad value names its variable', () => {
    expect(configError({ HOTLINE_ORG_ID: '4000001' }).variable).to.equal('HOTLINE_ORG_ID');
    expect(configError({ ...TEST_ENV, HOTLINE_OBLAST_DESTINATION: 'Обласний центр' }).variable).to.equal('HOTLINE_OBLAST_DESTINATION');
    const notJson = configError({ ...TEST_ENV, HOTLINE_TOPIC_BY_SUBJECT_CODE: '{5.1: 009}' });
    expect(notJson.variable).to.equal('HOTLINE_TOPIC_BY_SUBJECT_CODE');
    expect(notJson.message).to.match(/not valid JSON/);
    const badCode = configError({ ...TEST_ENV, HOTLINE_TOPIC_BY_SUBJECT_CODE: '{"5.1":"9"}' });
    expect(badCode.variable).to.equal('HOTLINE_TOPIC_BY_SUBJECT_CODE');
    expect(badCode.message).to.match(/entry 5\.1: must match pattern/);
  });

  it('a topic the classifier does not know is refused at start, not card by card in quarantine', () => {
    const err = configError({ ...TEST_ENV, HOTLINE_TOPIC_BY_SUBJECT_CODE: '{"5.1":"099"}' });
    expect(err.variable).to.equal('HOTLINE_TOPIC_BY_SUBJECT_CODE');
    expect(err.message).to.match(/5\.1 → 099/).and.match(/кодів немає в класифікаторі звернень/);
  });

  it('the connector checks its settings when asked to deliver (checkConfig reads the environment)', () => {
    const restore = withEnv({ HOTLINE_ORG_ID: 'x' });
    try {
      expect(() => hotlineConnector.checkConfig?.()).to.throw(ConfigError, /HOTLINE_ORG_ID/);
    } finally {
      restore();
    }
  });
});
