import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { documents, type Db } from '../../src/store';
import { APPEAL_KINDS } from '../../src/appeals/card';
import { searchWords, type DocumentSearch } from '../../src/store/documents';
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

  async function add(key: string, doc: { summary: string; name: string; kind?: string; edrpou?: string; outgoing?: string; index?: string; journal?: string }): Promise<void> {
    const id = randomUUID();
    ids[key] = id;
    n += 1;
    await documents.insertDocumentOnce(getDb(), {
      id, source, externalId: `${source}-${n}`, kind: (doc.kind ?? 'official-letter') as never, summary: doc.summary,
      correspondent: { name: doc.name, ...(doc.edrpou ? { edrpou: doc.edrpou } : {}) } as never,
      outgoing: doc.outgoing ? ({ number: doc.outgoing, date: '2026-02-01' } as never) : undefined,
      receivedAt: `2026-03-${String(n).padStart(2, '0')}T10:00:00Z`, urgency: 'normal', payloadSha256: 'x',
    }, 'not-registered');
    // An index and a journal as registration leaves them (the case, and its nomenclature, do not matter here).
    if (doc.index) await getDb().query('UPDATE documents SET reg_index = $2, reg_journal = $3 WHERE id = $1', [id, doc.index, doc.journal ?? 'incoming']);
  }

  type Fields = Pick<DocumentSearch, 'text' | 'journal' | 'regIndex' | 'outgoingNumber' | 'correspondent'>;
  async function found(db: Db, text: string | Fields, options: { hidden?: boolean; limit?: number } = {}): Promise<string[]> {
    const cards = await documents.searchDocuments(db, {
      source, ...(typeof text === 'string' ? { text } : text), limit: options.limit ?? 100, nameHiddenKinds: options.hidden ? APPEAL_KINDS : undefined,
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
    // For the separate fields (issue 15): indexes, numbers and names found in their own field only.
    await add('reg-1', { summary: 'Про графік роботи бібліотек', name: 'Відділ культури', index: '01-07/1', outgoing: '45' });
    await add('reg-12', { summary: 'Про ремонт бібліотеки, див. 01-07/1', name: 'ТОВ «Книжковий світ»', index: '01-07/12', outgoing: '12/3-45' });
    await add('reg-105', { summary: 'Про книжковий фонд', name: 'Петренко Олена', kind: 'citizen-appeal', index: '02-05/105', journal: 'appeals', outgoing: '345' });
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

  it('the registration index field: a part of the index, a number in it whole, never the summary', async () => {
    const db = getDb();
    expect(await found(db, { regIndex: '01-07/1' })).to.deep.equal(['reg-1']); // not 01-07/12, nor the summary that cites 01-07/1
    expect(await found(db, { regIndex: ' 01-07 ' })).to.deep.equal(['reg-12', 'reg-1']);
    expect(await found(db, { regIndex: '/1' })).to.deep.equal(['reg-1']); // two characters: no trigram, the field alone
    expect(await found(db, { regIndex: '105' }, { hidden: true })).to.deep.equal(['reg-105']); // an index is no personal data
    expect(await found(db, { regIndex: '10' })).to.deep.equal([]);
    expect(await found(db, { regIndex: '07/1', text: 'бібліотек' })).to.deep.equal(['reg-1']);
  });

  it('the outgoing number field: a part of the number, a number in it whole', async () => {
    const db = getDb();
    expect(await found(db, { outgoingNumber: '45' })).to.deep.equal(['reg-12', 'reg-1']); // 12/3-45 and 45, not 345 or 01-12/345
    expect(await found(db, { outgoingNumber: '345' })).to.deep.equal(['reg-105', 'appeal-form']);
    expect(await found(db, { outgoingNumber: '3-45' })).to.deep.equal(['reg-12']);
    expect(await found(db, { outgoingNumber: 'INV-2026' })).to.deep.equal(['latin']);
    expect(await found(db, { outgoingNumber: '01-07/1' })).to.deep.equal([]); // an index is not an outgoing number
  });

  it('the correspondent field: every word in the name, in any form; a citizen\'s name only for a caller who may see it', async () => {
    const db = getDb();
    expect(await found(db, { correspondent: 'книжкового світу' })).to.deep.equal(['reg-12']); // «Про книжковий фонд» is a summary
    expect(await found(db, { correspondent: 'бібліотек' })).to.deep.equal([]);
    expect(await found(db, { text: 'бібліотек' })).to.deep.equal(['reg-12', 'reg-1']);
    expect(await found(db, { correspondent: 'Петренка' })).to.deep.equal(['reg-105']);
    expect(await found(db, { correspondent: 'Петренка' }, { hidden: true })).to.deep.equal([]);
    expect(await found(db, { correspondent: 'Шевченко' })).to.have.members(['citizen', 'citizen-org']);
    expect(await found(db, { correspondent: 'Шевченко' }, { hidden: true })).to.deep.equal(['citizen-org']); // an organisation's name
    expect(await found(db, { correspondent: 'Гуменюк' }, { hidden: true })).to.deep.equal(['land']); // a letter's, not an applicant's
    expect(await found(db, { correspondent: 'культури', text: 'графік' })).to.deep.equal(['reg-1']);
  });

  it('the journal', async () => {
    const db = getDb();
    expect(await found(db, { journal: 'appeals' })).to.deep.equal(['reg-105']);
    expect(await found(db, { journal: 'incoming', outgoingNumber: '45' })).to.deep.equal(['reg-12', 'reg-1']);
    expect(await found(db, { journal: 'appeals', outgoingNumber: '45' })).to.deep.equal([]);
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
    const recorder: documents.SearchDb = {
      query: async <R>(sql: string, params: unknown[] = []): Promise<R[]> => ((sent = { sql, params }), []), exec: async () => undefined, tx: (fn) => fn(recorder),
    };
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

  it('the same index serves the separate fields (index, outgoing number, correspondent)', async () => {
    const db = getDb();
    for (const fields of [{ regIndex: '01-07/12' }, { outgoingNumber: '12/3-45' }, { correspondent: 'Книжковий світ' }] as Fields[]) {
      let sent: { sql: string; params: unknown[] } | undefined;
      const recorder: documents.SearchDb = {
      query: async <R>(sql: string, params: unknown[] = []): Promise<R[]> => ((sent = { sql, params }), []), exec: async () => undefined, tx: (fn) => fn(recorder),
    };
      await documents.searchDocuments(recorder, { ...fields, nameHiddenKinds: APPEAL_KINDS, limit: 50 });
      const plan = await db.tx(async (q) => {
        await q.query('SET LOCAL enable_seqscan = off');
        await q.query('SET LOCAL enable_indexscan = off');
        const rows = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sent!.sql}`, sent!.params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan, JSON.stringify(fields)).to.contain('Bitmap Index Scan on documents_search_idx');
    }
  });
});
