import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { generatedPath, generateTypes } from '../scripts/gen-types';

describe('schemas → types', () => {
  it('src/schemas/generated.ts is up to date with schemas/ (run npm run gen:types)', async function () {
    this.timeout(20_000);
    expect(readFileSync(generatedPath, 'utf8')).to.equal(await generateTypes());
  });
});
