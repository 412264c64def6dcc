import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { documents, type Db } from '../../src/store';
import { APPEAL_KINDS } from '../../src/appeals/card';
import { searchWords } from '../../src/store/documents';
import { forEachBackend } from '../support/backends';

describe('document search: the words of a query', () => {
  it('lower-cases, writes every apostrophe one way and cuts Ukrainian endings to a stem of at least 4 letters', () => {
    expect(searchWords('Звернення')).to.deep.equal(['зверненн']);
    expect(searchWords('ЗВЕРНЕННЯМ')).to.deep.equal(['зверненн']);
    expect(searchWords('звернень')).to.deep.equal(['звернен']);
    expect(searchWords('земельної  ділянки')).to.deep.equal(['земельн', 'ділянк']);
    expect(searchWords('об’єкта')).to.deep.equal(["об'єкт"]);
    expect(searchWords('Ґанок Льоня')).to.deep.equal(['ґанок', 'льон']);
    expect(searchWords('рада')).to.deep.equal(['рада']); // «рад» would be found in «порада», «парад»
    expect(searchWords('01-12/345 Invoice')).to.deep.equal(['01-12/345', 'invoice']);
  });
});

forEachBackend('document search', (getDb) => {
  const source = `search-${randomUUID().slice(0, 8)}`;
  let n = 0;
  const ids: Record<string, string> = {};

  async function add(key: string, doc: { summary: string; name: string; kind?: string; edrpou?: string; outgoing?: string }): Promise<void> {
    const id = randomUUID();
    ids[key] = id;
    n += 1;
    await documents.insertDocumentOnce(getDb(), {
      id, source, externalId: `${source}-${n}`, kind: (doc.kind ?? 'official-letter') as never, summary: doc.summary,
      correspondent: { name: doc.name, ...(doc.edrpou ? { edrpou: doc.edrpou } : {}) } as never,
      outgoing: doc.outgoing ? ({ number: doc.outgoing, date: '2026-02-01' } as never) : undefined,
      receivedAt: `2026-03-${String(n).padStart(2, '0')}T10:00:00Z`, urgency: 'normal', payloadSha256: 'x',
    }, 'not-registered');
  }

  async function found(db: Db, text: string, options: { hidden?: boolean; limit?: number } = {}): Promise<string[]> {
    const cards = await documents.searchDocuments(db, {
      source, text, limit: options.limit ?? 100, nameHiddenKinds: options.hidden ? APPEAL_KINDS : undefined,
    });
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return cards.map((c) => byId[c.id] ?? c.id);
  }

  before(async () => {
    await add('appeal-form', { summary: 'Про розгляд звернення щодо ремонту даху', name: 'ТОВ «Будсервіс»', outgoing: '01-12/345' });
    await add('instrumental', { summary: 'Зі зверненням громадян щодо земельної ділянки', name: 'Відділ земельних ресурсів' });
    await add('plural', { summary: 'ЗВЕРНЕННЯ ГРОМАДЯН за лютий', name: 'Служба у справах дітей' });
    await add('latin', { summary: 'Invoice for the Software License', name: 'Acme GmbH', outgoing: 'INV-2026/07' });
    await add('apostrophe', { summary: "Про об'єкт культурної спадщини", name: 'Управління культури' });
    await add('ge', { summary: 'Ремонт ҐАНКУ', name: 'Сергієнко Петро', outgoing: 'Ґ-17' });
    await add('citizen', { summary: 'Скарга на шум', name: 'Шевченко Тарас Григорович', kind: 'citizen-appeal' });
    await add('citizen-org', { summary: 'Скарга на роботу сміттєвоза', name: 'ОСББ «Шевченківський»', kind: 'citizen-appeal', edrpou: '12345678' });
    await add('capitals', { summary: 'Про годівлю їжаків у парку', name: 'ЄВРЕЙСЬКА ГРОМАДА МІСТА', outgoing: 'ї-1' });
    await add('land', { summary: 'Земельна ділянка на вулиці Садовій', name: 'Гуменюк Олена' });
  });

  it('finds a word in any of its forms, in capitals or not', async () => {
    const db = getDb();
    for (const q of ['звернення', 'Зверненням', 'ЗВЕРНЕННЯ', 'зверненнями', 'звернень']) {
      expect(await found(db, q), q).to.have.members(['appeal-form', 'instrumental', 'plural']);
    }
    expect(await found(db, 'земельної ділянки')).to.have.members(['instrumental', 'land']);
    expect(await found(db, 'громадянам')).to.have.members(['instrumental', 'plural']);
  });

  it('every word must be found, in the text or the name; the newest first', async () => {
    const db = getDb();
    expect(await found(db, 'звернення громадян')).to.deep.equal(['plural', 'instrumental']);
    expect(await found(db, 'звернення будсервіс')).to.deep.equal(['appeal-form']);
    expect(await found(db, 'звернення нічого')).to.deep.equal([]);
    expect(await found(db, 'зовсімнемає')).to.deep.equal([]);
  });

  it('Latin text and outgoing numbers, case-insensitively and as substrings', async () => {
    const db = getDb();
    expect(await found(db, 'invoice')).to.deep.equal(['latin']);
    expect(await found(db, 'LICENSE acme')).to.deep.equal(['latin']);
    expect(await found(db, '12/345')).to.deep.equal(['appeal-form']);
    expect(await found(db, 'inv-2026/07')).to.deep.equal(['latin']);
    expect(await found(db, '100%')).to.deep.equal([]); // % and _ are literal
    expect(await found(db, 'a_me')).to.deep.equal([]);
  });

  it('any apostrophe typed finds any on file; ґ and other Ukrainian capitals fold', async () => {
    const db = getDb();
    for (const q of ['об’єкт', 'обʼєкта', "об'єкти", 'ОБ`ЄКТІВ']) expect(await found(db, q), q).to.deep.equal(['apostrophe']);
    expect(await found(db, 'Ґанку')).to.deep.equal(['ge']);
    expect(await found(db, 'ґ-17')).to.deep.equal(['ge']);
    expect(await found(db, 'ЇЖАКІВ єврейська')).to.deep.equal(['capitals']);
  });

  it("a citizen's name is not matched for a caller without the permission; an organisation's is", async () => {
    const db = getDb();
    expect(await found(db, 'Шевченко')).to.have.members(['citizen', 'citizen-org']);
    expect(await found(db, 'Шевченко', { hidden: true })).to.deep.equal(['citizen-org']);
    expect(await found(db, 'тарас', { hidden: true })).to.deep.equal([]);
    expect(await found(db, 'скарга тарас', { hidden: true })).to.deep.equal([]);
    expect(await found(db, 'скарга шум', { hidden: true })).to.deep.equal(['citizen']); // the summary is not personal data
    // A letter's correspondent is not an applicant: found by name for everybody.
    expect(await found(db, 'Гуменюк', { hidden: true })).to.deep.equal(['land']);
  });

  it('short words (one or two letters) narrow what the longer ones found', async () => {
    const db = getDb();
    expect(await found(db, 'звернення за')).to.deep.equal(['plural']);
    expect(await found(db, 'ґ')).to.deep.equal(['ge']);
  });

  it('keeps the newest-first order across pages', async () => {
    const db = getDb();
    const first = await documents.searchDocuments(db, { source, text: 'звернення', limit: 2 });
    const last = first[first.length - 1]!;
    const rest = await documents.searchDocuments(db, {
      source, text: 'звернення', limit: 2, after: { receivedAt: new Date(last.receivedAt), id: last.id },
    });
    expect([...first, ...rest].map((c) => c.id)).to.deep.equal([ids['plural'], ids['instrumental'], ids['appeal-form']]);
    expect(rest).to.have.length(1);
  });

  it('Cyrillic letters are word characters for pg_trgm under this database\'s locale', async () => {
    const [row] = await getDb().query<{ trigrams: string[] }>("SELECT show_trgm('Їжак') AS trigrams");
    expect(row!.trigrams).to.have.length(5); // "  ї", " їж", "їжа", "жак", "ак "
  });

  it('the trigram index can serve the search (the bench shows the plan the planner picks at 1M)', async () => {
    const db = getDb();
    // The very query searchDocuments sends, as a caller without the permission to see names.
    let sent: { sql: string; params: unknown[] } | undefined;
    const recorder = { query: async <R>(sql: string, params: unknown[] = []): Promise<R[]> => ((sent = { sql, params }), []), exec: async () => undefined };
    await documents.searchDocuments(recorder, { text: 'Зверненням громадян', nameHiddenKinds: APPEAL_KINDS, limit: 50 });
    const plan = await db.tx(async (q) => {
      // Only to show that the index can serve it: at a few rows the planner rightly reads the table.
      await q.query('SET LOCAL enable_seqscan = off');
      await q.query('SET LOCAL enable_indexscan = off'); // not the newest-first walk either
      const rows = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sent!.sql}`, sent!.params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).to.contain('Bitmap Index Scan on documents_search_idx');
    expect(plan).not.to.contain('Seq Scan on documents');
  });
});
