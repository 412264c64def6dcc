import { expect } from 'chai';
import fc from 'fast-check';
import { HubError } from '../../src/errors';
import { LONG_STRING_BYTES, setLongStringsAside } from '../../src/pipeline/json-long-strings';
import { assertStorableValue, decodeUtf8, parseJson, tooDeepAt } from '../../src/pipeline/strict-json';

/**
 * parseJson sets a large body's long base64 strings aside before parsing (issue 18, peak memory:
 * src/pipeline/json-long-strings.ts). Whatever the body, the value must be exactly what parsing the
 * whole text makes, and a body that is refused must be refused with the same code.
 */

/** parseJson as it was: the whole text, checked and parsed. */
function whole(payload: Buffer): unknown {
  const text = decodeUtf8(payload);
  if (tooDeepAt(text) >= 0) throw HubError.of('JSON_TOO_DEEP', {});
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw HubError.of('INVALID_JSON', {});
  }
  assertStorableValue(value);
  return value;
}

const outcome = (f: () => unknown): { value?: unknown; text?: string; code?: string } => {
  try {
    const value = f();
    return { value, text: JSON.stringify(value) };
  } catch (e) {
    return { code: (e as HubError).code };
  }
};

const base64Of = (n: number, seed: number): string => Buffer.from(Array.from({ length: Math.ceil((n * 3) / 4) }, (_, i) => (i * 31 + seed) % 256)).toString('base64');

describe('parseJson with long base64 strings set aside: the same value, the same refusals (issue 18)', function () {
  this.timeout(120_000);

  it('bodies with files in values, arrays, keys and beside escaped quotes and backslashes, compact and indented (fast-check, 60 cases)', () => {
    const body = fc.record({
      summary: fc.string({ unit: 'binary', maxLength: 40 }),
      tricky: fc.constantFrom('a\\"b', '\\\\', '"', 'Звернення «щодо»', ''),
      extra: fc.jsonValue({ maxDepth: 3 }),
      sizes: fc.array(fc.integer({ min: LONG_STRING_BYTES - 4, max: LONG_STRING_BYTES + 5000 }), { minLength: 1, maxLength: 3 }),
      keyed: fc.boolean(),
      indent: fc.constantFrom(0, 2),
    });
    fc.assert(fc.property(body, (b) => {
      const files = b.sizes.map((n, i) => ({ name: `файл ${i}.pdf`, contentBase64: base64Of(n, i) }));
      const value: Record<string, unknown> = { summary: b.summary, before: b.tricky, attachments: files, after: [b.tricky, base64Of(b.sizes[0]!, 9)], extra: b.extra };
      if (b.keyed) value[base64Of(LONG_STRING_BYTES + 8, 3)] = 'a long key stays a key';
      const payload = Buffer.from(JSON.stringify(value, null, b.indent));
      expect(outcome(() => parseJson(payload))).to.deep.equal(outcome(() => whole(payload)));
    }), { numRuns: 60 });
  });

  it('a body cut short anywhere, or broken around a long string, is refused with the same code', () => {
    const payload = Buffer.from(JSON.stringify({ summary: 'Лист', attachments: [{ contentBase64: base64Of(LONG_STRING_BYTES + 100, 1) }], tail: 'кінець' }));
    expect(setLongStringsAside(payload)?.pieces.size).to.equal(1);
    fc.assert(fc.property(fc.integer({ min: 1, max: payload.length - 1 }), (cut) => {
      const part = payload.subarray(0, cut);
      expect(outcome(() => parseJson(part)).code).to.equal(outcome(() => whole(part)).code);
    }), { numRuns: 200 });
    const at = payload.indexOf('"contentBase64"');
    for (const broken of [
      Buffer.concat([payload.subarray(0, at), Buffer.from('x'), payload.subarray(at)]), // a stray token before the key
      Buffer.from(payload.toString('latin1').replace('"tail"', '"tail" "x"'), 'latin1'), // two strings in a row after it
      Buffer.from(payload.toString('utf8').replace('"summary":"Лист"', '"summary":"Лист\u0000"'), 'utf8'), // a NUL elsewhere
    ]) {
      const got = outcome(() => parseJson(broken));
      expect(got.code, broken.toString('utf8', 0, 80)).to.be.a('string');
      expect(got).to.deep.equal(outcome(() => whole(broken)));
    }
  });

  it('a body with no long string, or whose long string is not base64, is parsed whole as before', () => {
    const notBase64 = Buffer.from(JSON.stringify({ text: 'а'.repeat(LONG_STRING_BYTES) }));
    expect(setLongStringsAside(notBase64)).to.equal(undefined);
    expect(parseJson(notBase64)).to.deep.equal({ text: 'а'.repeat(LONG_STRING_BYTES) });
    const proto = Buffer.from(`{"__proto__":"${base64Of(LONG_STRING_BYTES + 4, 5)}"}`);
    expect(Object.getOwnPropertyDescriptor(parseJson(proto), '__proto__')?.value).to.equal(base64Of(LONG_STRING_BYTES + 4, 5));
  });
});
