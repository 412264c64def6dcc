import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The reference vectors, kept in the repository with their provenance (test/fixtures/reference/SOURCES.md). */
export const REFERENCE = resolve(__dirname, '../../fixtures/reference/signatures');

export const ref = (relative: string): string => resolve(REFERENCE, relative);
export const readRef = (relative: string): Buffer => readFileSync(ref(relative));

export const DIIA = {
  ca: 'uapki/certs/diia-CA-05E19E2CD92EA2990100000001000000E1000000.cer',
  root: 'uapki/certs/CAO-05E19E2CD92EA2990100000001000000C1000000.cer',
  tsp: 'uapki/certs/diia-2023-tsp-05E19E2CD92EA29902000000010000004A010000.cer',
  ocsp: 'uapki/certs/diia-ocsp-3ED5083160DBC59B0200000001000000202B0F00.cer',
  signer: 'uapki/certs/diia-test-sign-7775603.cer',
  deltaCrl: 'uapki/crls/BED5083160DBC59BCDDF707C10293F58BB6ED263C6EA5893D3781B61F493BE57-delta-0ABEA7.crl',
};

/** Inside the Diia test signer's validity (2022-04-05 … 2024-04-05), minutes after the signatures were made. */
export const DIIA_AT = new Date('2023-09-19T18:30:00Z');
/** A fixed "now" for the reference tests: after every real certificate expired, while the generated ones are valid. */
export const REFERENCE_NOW = new Date('2026-11-23T12:00:00Z');
