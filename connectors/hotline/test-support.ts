import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HotlineConfig } from './config';

export { expectHubError } from '../sev-ovv/test-support';

/** Our council in the samples (made-up code). */
export const OUR_ORG_ID = '40000001';
export const OBLAST_CENTRE = 'Дніпропетровський обласний контактний центр';

export function sample(file: string): Buffer {
  return readFileSync(join(__dirname, 'samples', file));
}

export function sampleJson(file: string): Record<string, any> {
  return JSON.parse(sample(file).toString('utf8'));
}

/** A sample with a change, as bytes: to build broken variants. */
export function editedSample(file: string, edit: (card: Record<string, any>) => void): Buffer {
  const card = sampleJson(file);
  edit(card);
  return Buffer.from(JSON.stringify(card), 'utf8');
}

export function testConfig(over: Partial<HotlineConfig> = {}): HotlineConfig {
  return {
    orgId: OUR_ORG_ID,
    ukcDestination: 'ukc-1545',
    oblastDestination: 'oblast-contact-centre',
    oblastCentreName: OBLAST_CENTRE,
    topicBySubjectCode: { 'ОКЦ-12.4': '003' },
    ...over,
  };
}

/** HOTLINE_* variables equal to testConfig(), for code that reads the environment. */
export const TEST_ENV: Record<string, string> = {
  HOTLINE_ORG_ID: OUR_ORG_ID,
  HOTLINE_OBLAST_CENTRE_NAME: OBLAST_CENTRE,
  HOTLINE_TOPIC_BY_SUBJECT_CODE: '{"ОКЦ-12.4":"003"}',
};

export { withEnv } from '../../test/support/env';
