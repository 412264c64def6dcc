/**
 * «Документи»: the free text (summary, index, number, correspondent at once) and a field each for
 * the registration index, the outgoing number and the correspondent, as the API has them; the
 * journal, dates of receipt, kind, status. The fields live in the address, so a link opens the list.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { get, type Schemas } from '../api/client';
import { dateUk, DOCUMENTS, instantUk, plural } from '../format';
import { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, JOURNAL_UK } from '../labels';
import { href, navigate } from '../router';
import { session } from '../session';
import { useLoad } from '../ui/load';
import { ExportButtons, FilterForm, Page, Pager, SelectField, Shown, Table, TextField } from '../ui/parts';

type Card = Schemas['DocumentCard'];
type Kind = Schemas['DocumentKind'];
type Status = Schemas['DocumentStatus'];

const FIELDS = ['q', 'index', 'outgoingNumber', 'correspondent', 'journal', 'from', 'to', 'kind', 'status'] as const;

export function Documents({ query }: { query: Record<string, string> }): JSX.Element {
  const [f, setF] = useState(() => Object.fromEntries(FIELDS.map((k) => [k, query[k] ?? ''])) as Record<(typeof FIELDS)[number], string>);
  const asked = {
    q: query.q, index: query.index, outgoingNumber: query.outgoingNumber, correspondent: query.correspondent, journal: query.journal,
    from: query.from, to: query.to, kind: query.kind as Kind | undefined, status: query.status as Status | undefined,
  };
  const list = useLoad(() => get('/api/v1/documents', { query: { ...asked, cursor: query.cursor } }), JSON.stringify(query));
  return (
    <Page title="Документи">
      <FilterForm label="Пошук документів" onSubmit={() => navigate('/documents', f)}>
        <TextField label="Пошук" name="q" type="search" value={f.q} onInput={(q) => setF({ ...f, q })} hint="Слова з будь-якого поля: зміст, індекс, номер, кореспондент" />
        <TextField label="Реєстраційний індекс" name="index" value={f.index} onInput={(index) => setF({ ...f, index })} hint="Або його частина; номер — цілий" />
        <TextField label="Вихідний номер" name="outgoingNumber" value={f.outgoingNumber} onInput={(outgoingNumber) => setF({ ...f, outgoingNumber })} hint="Номер документа в кореспондента" />
        <TextField label="Кореспондент" name="correspondent" value={f.correspondent} onInput={(correspondent) => setF({ ...f, correspondent })} hint={session.can('personal-data') ? 'Назва організації або прізвище' : 'Назва організації (прізвища громадян — лише з доступом до персональних даних)'} />
        <SelectField label="Журнал" name="journal" value={f.journal} onChange={(journal) => setF({ ...f, journal })} options={[['', 'усі'], ...Object.entries(JOURNAL_UK)]} />
        <TextField label="Надійшли з" name="from" type="date" value={f.from} onInput={(from) => setF({ ...f, from })} />
        <TextField label="по" name="to" type="date" value={f.to} onInput={(to) => setF({ ...f, to })} />
        <SelectField label="Вид" name="kind" value={f.kind} onChange={(kind) => setF({ ...f, kind })} options={[['', 'усі'], ...Object.entries(DOCUMENT_KIND_UK)]} />
        <SelectField label="Стан" name="status" value={f.status} onChange={(status) => setF({ ...f, status })} options={[['', 'усі'], ...Object.entries(DOCUMENT_STATUS_UK)]} />
      </FilterForm>
      <Shown loaded={list}>{(v) => (
        <>
          <div class="list-head">
            <p role="status">На сторінці {plural(v.items.length, DOCUMENTS)}{v.nextCursor ? ' (є наступна сторінка)' : ''}.</p>
            <ExportButtons path="/api/v1/documents" query={{ ...asked, cursor: query.cursor }} name="documents" label="реєстр документів" />
          </div>
          <Table<Card>
            caption="Документи, новіші першими"
            rows={v.items}
            rowKey={(d) => d.id}
            empty="Нічого не знайдено."
            columns={[
              { header: 'Індекс', cell: (d) => <a href={href(`/documents/${d.id}`)}>{d.registration?.index ?? 'без реєстрації'}</a> },
              { header: 'Дата реєстрації', cell: (d) => dateUk(d.registration?.date) },
              { header: 'Надійшов', cell: (d) => instantUk(d.receivedAt) },
              { header: 'Вид', cell: (d) => DOCUMENT_KIND_UK[d.kind] },
              { header: 'Кореспондент', cell: (d) => d.correspondent.name },
              { header: 'Вихідний №', cell: (d) => (d.outgoing ? `${d.outgoing.number} від ${dateUk(d.outgoing.date)}` : '') },
              { header: 'Короткий зміст', cell: (d) => d.summary },
              { header: 'Стан', cell: (d) => DOCUMENT_STATUS_UK[d.status] },
            ]}
          />
          <Pager nextCursor={v.nextCursor} cursor={query.cursor} go={(cursor) => navigate('/documents', { ...query, cursor })} />
        </>
      )}</Shown>
    </Page>
  );
}
