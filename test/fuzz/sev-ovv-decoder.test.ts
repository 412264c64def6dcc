import { expect } from 'chai';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSevOvvMessage } from '../../connectors/sev-ovv/inbound';
import { ARRIVED, OWN_SAMPLES, REAL_SAMPLES, testConfig } from '../../connectors/sev-ovv/test-support';
import { HubError } from '../../src/errors';
import { assertStorableValue } from '../../src/pipeline/strict-json';
import { assertValid, violations } from '../../src/schemas';
import { Budget, type ByteMutation, applyByteMutation, byteMutation, done, params } from './support';

/**
 * Issue 14, quality bar: the СЕВ ОВВ decoder (1207 XML → DocumentSubmission, what the pipeline
 * runs for format sev-ovv.xml) under 40,000 mutations of the ДЦІР samples ДС1–ДС16 and our own:
 * elements deleted, repeated, moved between messages, renamed, put in other namespaces or nested
 * deep; attributes dropped, doubled, emptied, made huge or hostile; text replaced by invalid base64,
 * entities, NUL references; encodings and declarations changed; bytes flipped and cut. Every input
 * ends as a submission that passes the schema, or as a HubError with a stable code and a Ukrainian
 * message; nothing else, and none takes a second or 256 MB.
 */

/** Samples with their base64 contents shortened (the 1.4 MB ones are 2-5 KB of structure) and the config they are addressed to. */
function samples(): Array<{ name: string; text: string; orgId: string }> {
  const files = [
    ...readdirSync(REAL_SAMPLES).map((f) => join(REAL_SAMPLES, f)),
    ...readdirSync(OWN_SAMPLES).map((f) => join(OWN_SAMPLES, f)),
  ].filter((f) => f.endsWith('.xml'));
  return files.map((file) => {
    const text = readFileSync(file, 'utf8').replace(/>([A-Za-z0-9+/=\s]{200,})</g, (_m, b64: string) => `>${Buffer.from(`Зміст документа ${b64.length}`).toString('base64')}<`);
    return { name: file.split('/').pop() as string, text, orgId: /to_org_id="([^"]*)"/.exec(text)?.[1] ?? '' };
  });
}

/** The message as tokens: tags (`<…>`, comments, declarations) and the text between them. */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g;

/** Tokens of the unmutated samples (and donors) are read once. */
const tokenCache = new Map<string, string[]>();
const elementCache = new Map<string, Array<[number, number]>>();

function tokens(text: string): string[] {
  const hit = tokenCache.get(text);
  if (hit) return hit;
  return text.match(TOKEN) ?? [];
}

function cachedElements(text: string, toks: string[]): Array<[number, number]> {
  return elementCache.get(text) ?? elements(toks);
}

function remember(text: string): void {
  const toks = text.match(TOKEN) ?? [];
  tokenCache.set(text, toks);
  elementCache.set(text, elements(toks));
}

const isStart = (t: string) => /^<[A-Za-z_]/.test(t) && !t.endsWith('/>');
const isEmpty = (t: string) => /^<[A-Za-z_]/.test(t) && t.endsWith('/>');
const isEnd = (t: string) => t.startsWith('</');

/** Token indices of every element: [first, last] inclusive (a self-closing element is one token). */
function elements(toks: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const open: number[] = [];
  toks.forEach((t, i) => {
    if (isEmpty(t)) out.push([i, i]);
    else if (isStart(t)) open.push(i);
    else if (isEnd(t)) {
      const start = open.pop();
      if (start !== undefined) out.push([start, i]);
    }
  });
  return out.sort((a, b) => a[0] - b[0]);
}

const HOSTILE_VALUES = [
  '', ' ', '-1', '0', '+7', '1e999', 'NaN', '99999999999999999999999999', '2026-02-30', '2026-13-45T25:61:00', '0000-01-01T00:00:00',
  '&#0;', '&#xD800;', '&#x1F600;', '&amp;', '&lt;Header&gt;', '&undefined;', '\u0000', '\uFFFE', '\u202E', '..\\..\\etc\\passwd', '../../etc/passwd',
  'constructor', '__proto__', 'toString', 'з', 'д', 'ЄДРПОУ 0001', '<', '"', "'", '\r\n',
];
const NAMES = ['Header', 'Document', 'RegNumber', 'DocTransfer', 'Author', 'Organization', 'Addressee', 'Referred', 'TaskList', 'Task', 'Executor', 'Expansion', 'SignInfo', 'SignData', 'Acknowledgement', 'AckResult', 'constructor', '__proto__', 'x:Header', 'ns0:Document', 'hasOwnProperty', '$', '_'];

type XmlMutation =
  | { op: 'deleteElement'; at: number }
  | { op: 'repeatElement'; at: number; times: number }
  | { op: 'graftElement'; at: number; donor: number; from: number }
  | { op: 'renameElement'; at: number; name: string }
  | { op: 'nestElement'; at: number; depth: number }
  | { op: 'deleteAttribute'; at: number; which: number }
  | { op: 'setAttribute'; at: number; which: number; value: string }
  | { op: 'hugeAttribute'; at: number; which: number; size: number }
  | { op: 'doubleAttribute'; at: number; which: number }
  | { op: 'addAttribute'; at: number; name: string; value: string }
  | { op: 'setText'; at: number; text: string }
  | { op: 'insertRaw'; at: number; raw: string }
  | { op: 'deleteToken'; at: number }
  | { op: 'chars'; edits: Array<[number, string, boolean]> };

function xmlMutation(): fc.Arbitrary<XmlMutation> {
  const at = fc.nat();
  const value = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 12 }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('deleteElement' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('repeatElement' as const), at, times: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 5000 }) }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('graftElement' as const), at, donor: fc.nat(), from: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('renameElement' as const), at, name: fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^[A-Za-z_][\w.:-]{0,12}$/)) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nestElement' as const), at, depth: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 60, max: 1000 })) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('deleteAttribute' as const), at, which: fc.nat() }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('setAttribute' as const), at, which: fc.nat(), value }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('hugeAttribute' as const), at, which: fc.nat(), size: fc.integer({ min: 1000, max: 100_000 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('doubleAttribute' as const), at, which: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('addAttribute' as const), at, name: fc.constantFrom('xmlns', 'xmlns:x', 'x:msg_id', 'standart', 'version', '__proto__', 'constructor', 'xml:lang'), value }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('setText' as const),
        at,
        text: fc.oneof(
          value,
          fc.constantFrom('!!!not base64!!!', 'QUJD=RA==', 'A', '====', 'Zm9v\u0000YmFy', '<![CDATA[0JTQntCg]]>', '&#0;', '\u00a0\u2028'),
          fc.base64String({ maxLength: 200 }),
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('insertRaw' as const),
        at,
        raw: fc.constantFrom(
          '<!DOCTYPE Header [<!ENTITY x "xxxxxxxxxx">]>', '<!DOCTYPE Header SYSTEM "file:///etc/passwd">', '<?xml version="1.0"?>', '<?pi data?>',
          '<!-- comment -->', '<![CDATA[<Header/>]]>', '&x;', '</Header>', '<Header standart="1207" version="1.5">', '\u0000', '\ufeff', '&#x0;',
        ),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteToken' as const), at }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('chars' as const),
        edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...'<>"\'=/&;# a0Z9-:.\nЖ\u0000?!['), fc.boolean()), { minLength: 1, maxLength: 3 }),
      }),
    },
  );
}

function attributesOf(tag: string): Array<{ start: number; end: number; name: string }> {
  const out: Array<{ start: number; end: number; name: string }> = [];
  const re = /\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.push({ start: m.index, end: m.index + m[0].length, name: m[1] as string });
  return out;
}

const escapeAttr = (v: string) => v.replace(/"/g, '&quot;');

function applyXmlMutation(text: string, m: XmlMutation, donors: string[]): string {
  if (m.op === 'chars') {
    const chars = [...text];
    for (const [at, ch, insert] of m.edits) chars.splice(at % Math.max(1, chars.length), insert ? 0 : 1, ch);
    return chars.join('');
  }
  const toks = tokens(text);
  if (toks.length === 0) return text;
  const els = cachedElements(text, toks);
  const el = els.length ? (els[m.at % els.length] as [number, number]) : undefined;
  const slice = (e: [number, number]) => toks.slice(e[0], e[1] + 1).join('');
  const splice = (start: number, count: number, ...items: string[]) => {
    const copy = toks.slice();
    copy.splice(start, count, ...items);
    return copy.join('');
  };
  const startTags = toks.map((t, i) => (isStart(t) || isEmpty(t) ? i : -1)).filter((i) => i >= 0);
  const tagAt = startTags.length ? (startTags[m.at % startTags.length] as number) : -1;
  switch (m.op) {
    case 'deleteElement':
      return el ? splice(el[0], el[1] - el[0] + 1) : text;
    case 'repeatElement': {
      if (!el) return text;
      // Up to ~256 KB of copies: many elements, not a big file for its own sake (the 100,000-element
      // limit itself is checked in connectors/sev-ovv/inbound.malformed.test.ts).
      const one = slice(el);
      return splice(el[0], 0, one.repeat(Math.max(1, Math.min(m.times, Math.floor(256_000 / Math.max(1, one.length))))));
    }
    case 'graftElement': {
      const donor = donors[m.donor % donors.length] as string;
      const donorToks = tokens(donor);
      const donorEls = cachedElements(donor, donorToks);
      if (!donorEls.length || !el) return text;
      const d = donorEls[m.from % donorEls.length] as [number, number];
      return splice(el[0], 0, donorToks.slice(d[0], d[1] + 1).join(''));
    }
    case 'renameElement': {
      if (!el) return text;
      const copy = toks.slice();
      copy[el[0]] = (copy[el[0]] as string).replace(/^<[^\s/>]+/, `<${m.name}`);
      if (el[1] !== el[0]) copy[el[1]] = `</${m.name}>`;
      return copy.join('');
    }
    case 'nestElement':
      return el ? splice(el[0], el[1] - el[0] + 1, `${'<W>'.repeat(m.depth)}${slice(el)}${'</W>'.repeat(m.depth)}`) : text;
    case 'deleteAttribute':
    case 'setAttribute':
    case 'hugeAttribute':
    case 'doubleAttribute': {
      if (tagAt < 0) return text;
      const tag = toks[tagAt] as string;
      const attrs = attributesOf(tag);
      if (!attrs.length) return text;
      const a = attrs[m.which % attrs.length] as { start: number; end: number; name: string };
      const replaced =
        m.op === 'deleteAttribute' ? '' :
        m.op === 'setAttribute' ? ` ${a.name}="${escapeAttr(m.value)}"` :
        m.op === 'hugeAttribute' ? ` ${a.name}="${'Ж'.repeat(m.size)}"` :
        `${tag.slice(a.start, a.end)}${tag.slice(a.start, a.end)}`;
      return splice(tagAt, 1, tag.slice(0, a.start) + replaced + tag.slice(a.end));
    }
    case 'addAttribute': {
      if (tagAt < 0) return text;
      const tag = toks[tagAt] as string;
      return splice(tagAt, 1, tag.replace(/^<[^\s/>]+/, (n) => `${n} ${m.name}="${escapeAttr(m.value)}"`));
    }
    case 'setText': {
      const texts = toks.map((t, i) => (t.startsWith('<') ? -1 : i)).filter((i) => i >= 0);
      if (!texts.length) return text;
      return splice(texts[m.at % texts.length] as number, 1, m.text);
    }
    case 'insertRaw':
      return splice(m.at % (toks.length + 1), 0, m.raw);
    case 'deleteToken':
      return splice(m.at % toks.length, 1);
  }
}

/** How the text becomes bytes: UTF-8 as is, with a BOM, re-declared, windows-1251, UTF-16. */
type Encoding = 'utf8' | 'bom' | 'declare-1251' | 'as-1251' | 'utf16le' | 'declare-unknown' | 'no-declaration';

function toBytes(text: string, how: Encoding): Buffer {
  switch (how) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8')]);
    case 'declare-1251':
      // Declared windows-1251 but sent as UTF-8: decodes to mojibake, must still end cleanly.
      return Buffer.from(text.replace(/encoding="[^"]*"/, 'encoding="windows-1251"'), 'utf8');
    case 'as-1251': {
      const body = text.replace(/encoding="[^"]*"/, 'encoding="windows-1251"');
      return Buffer.from([...body].map((ch) => {
        const c = ch.codePointAt(0) ?? 0x3f;
        if (c < 0x80) return c;
        if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
        return 0x3f;
      }));
    }
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/encoding="[^"]*"/, 'encoding="UTF-16"'), 'utf16le')]);
    case 'declare-unknown':
      return Buffer.from(text.replace(/encoding="[^"]*"/, 'encoding="x-klingon"'), 'utf8');
    case 'no-declaration':
      return Buffer.from(text.replace(/^\uFEFF?<\?xml[^>]*\?>/, ''), 'utf8');
  }
}

const encoding = fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'bom', 'declare-1251', 'as-1251', 'utf16le', 'declare-unknown', 'no-declaration');

type Recipe = { sample: number; xml: XmlMutation[]; bytes: ByteMutation[]; how: Encoding };

/** Once an object as the media type (issue 14, found by the property below): DocTransfer@type "__proto__". */
const REGRESSIONS: Array<[Recipe]> = [[{ sample: 2, xml: [{ op: 'setAttribute', at: 2147483626, which: 0, value: '__proto__' }], bytes: [], how: 'utf8' }]];

describe('fuzz: the СЕВ ОВВ decoder (issue 14)', function () {
  this.timeout(120_000);
  const all = samples();
  const donors = all.map((s) => s.text);
  donors.forEach(remember);

  /** A submission that passes the schema, or a HubError with a code and Ukrainian text; anything else fails. */
  async function decodesOrRejectsCleanly(bytes: Buffer, orgId: string, label: () => string): Promise<string> {
    let sub: unknown;
    try {
      // What the pipeline does with a decoder's output (src/pipeline/decoders.ts, intake.ts): storable, then the schema.
      const value = await decodeSevOvvMessage(bytes, testConfig({ orgId }), ARRIVED);
      assertStorableValue(value);
      sub = assertValid('document-submission.schema.json', value);
    } catch (err) {
      if (!(err instanceof HubError)) throw new Error(`the decoder threw ${(err as Error)?.name}: ${(err as Error)?.message} for ${label()}`, { cause: err });
      expect(err.code, label()).to.match(/^[A-Z][A-Z0-9_]+$/);
      expect(err.spec.status, label()).to.be.within(400, 499);
      expect(err.spec.messageUk, label()).to.match(/[а-яіїєґ]/);
      const d = (err.details ?? {}) as { violations?: { messageUk?: string }[]; reason?: string; reasonUk?: string };
      for (const v of d.violations ?? []) expect(v.messageUk, label()).to.match(/[а-яіїєґ]/);
      if (d.reason !== undefined) expect(d.reasonUk, label()).to.match(/[а-яіїєґ]/);
      return err.code;
    }
    expect(violations('document-submission.schema.json', sub), label()).to.deep.equal([]);
    JSON.stringify(sub);
    return 'OK';
  }

  it('a DocTransfer@type that names an Object.prototype member is an unknown type, not its member (found by fuzzing)', async () => {
    const base = all.find((s) => s.name === 'do-vykonannia.xml') as (typeof all)[number];
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = base.text.replace(/(<DocTransfer\b[^>]*\btype=")[^"]*"/, `$1${type}"`);
      expect(text).to.not.equal(base.text);
      const sub = (await decodeSevOvvMessage(Buffer.from(text), testConfig({ orgId: base.orgId }), ARRIVED)) as { attachments: Array<{ mediaType: unknown }> };
      expect(sub.attachments[0]?.mediaType, type).to.equal('application/octet-stream');
    }
  });

  it('40,000 structural, attribute, text, encoding and byte mutations of ДС1–ДС16 and our own samples', async () => {
    const budget = new Budget('СЕВ ОВВ decoder, mutated samples');
    const outcomes = new Map<string, number>();
    const recipe: fc.Arbitrary<Recipe> = fc.record({
      sample: fc.nat(all.length - 1),
      xml: fc.array(xmlMutation(), { minLength: 0, maxLength: 3 }),
      bytes: fc.oneof({ weight: 5, arbitrary: fc.constant([] as ByteMutation[]) }, { weight: 1, arbitrary: fc.array(byteMutation(), { minLength: 1, maxLength: 3 }) }),
      how: encoding,
    });
    await fc.assert(
      fc.asyncProperty(recipe, async (r) => {
        const s = all[r.sample] as (typeof all)[number];
        let text = s.text;
        for (const m of r.xml) if (text.length < 300_000) text = applyXmlMutation(text, m, donors);
        let bytes = toBytes(text, r.how);
        for (const m of r.bytes) bytes = Buffer.from(applyByteMutation(bytes, m));
        const label = () => `${s.name} ${JSON.stringify(r.xml).slice(0, 600)} bytes=${JSON.stringify(r.bytes)} ${r.how}`;
        const outcome = await budget.runAsync(label, () => decodesOrRejectsCleanly(bytes, s.orgId, label));
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      params(20_261_404, 40_000, REGRESSIONS),
    );
    done(budget, 40_000);
    // eslint-disable-next-line no-console
    console.log(`      outcomes: ${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    // The mutations must reach past the parser: some inputs still decode, some fail validation, some the XML.
    expect(outcomes.get('OK') ?? 0).to.be.above(1000);
    expect(outcomes.get('SEV_OVV_INVALID_MESSAGE') ?? 0).to.be.above(1000);
    expect(outcomes.get('SEV_OVV_MALFORMED_XML') ?? 0).to.be.above(1000);
  });
});
