/**
 * «Звернення»: the department's report for a period as the seeds lay it out (totals, channels,
 * forwarding bodies, results, types, forms, topics with shares) with charts; the open-data sets;
 * the information-request journal; petitions and their states.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { get, type Schemas } from '../api/client';
import { APPEALS, dateUk, kyivToday, PETITIONS, plural, pluralForm, quarterOf } from '../format';
import { CHANNEL_UK, FORM_UK, INFO_RESULT_UK, PETITION_STATE_UK, RESULT_UK, SOURCE_UK, TYPE_UK } from '../labels';
import { href, navigate } from '../router';
import { session } from '../session';
import { BarChart } from '../ui/chart';
import { useLoad } from '../ui/load';
import { ErrorNote, ExportButtons, FilterForm, Loading, Page, SelectField, Shown, Table, TextField } from '../ui/parts';

type Report = Schemas['AppealReport'];
type Query = Record<string, string>;

/** The period asked (from/to), else the quarter asked (year, q), else the current quarter. */
function periodOf(query: Query): { from: string; to: string; year: number; q: 1 | 2 | 3 | 4 } {
  const today = kyivToday();
  const year = Number(query.year ?? today.slice(0, 4));
  const q = Number(query.q ?? Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const quarter = quarterOf(year, q);
  return { from: query.from ?? quarter.from, to: query.to ?? quarter.to, year, q };
}

export function Appeals({ query }: { query: Query }): JSX.Element {
  const tab = query.tab ?? 'report';
  const p = periodOf(query);
  const [f, setF] = useState({ year: String(p.year), q: String(p.q) });
  const tabs: Array<[string, string, boolean]> = [
    ['report', 'Звіт за період', true], ['info', 'Запити на інформацію', session.can('info-requests:read')], ['petitions', 'Електронні петиції', session.can('petitions:read')],
  ];
  return (
    <Page title="Звернення громадян">
      <nav class="tabs no-print" aria-label="Розділи звернень">
        {tabs.filter(([, , allowed]) => allowed).map(([id, label]) => (
          <a href={href('/appeals', { ...query, tab: id })} aria-current={tab === id ? 'page' : undefined}>{label}</a>
        ))}
      </nav>
      {tab !== 'petitions' && (
        <FilterForm label="Період звіту" onSubmit={() => navigate('/appeals', { tab, year: f.year, q: f.q })}>
          <TextField label="Рік" name="year" type="number" value={f.year} onInput={(year) => setF({ ...f, year })} />
          <SelectField label="Квартал" name="q" value={f.q} onChange={(q) => setF({ ...f, q })} options={[['1', 'I квартал'], ['2', 'II квартал'], ['3', 'III квартал'], ['4', 'IV квартал']]} />
        </FilterForm>
      )}
      {tab === 'report' && <AppealReport from={p.from} to={p.to} />}
      {tab === 'info' && <InfoRequests from={p.from} to={p.to} />}
      {tab === 'petitions' && <Petitions state={query.state} />}
    </Page>
  );
}

function Counts(props: { caption: string; labels: Record<string, string>; counts: Record<string, number>; total?: number }): JSX.Element {
  const rows = Object.entries(props.counts).map(([k, n]) => ({ k, label: props.labels[k] ?? k, n }));
  return (
    <Table<{ k: string; label: string; n: number }>
      caption={props.caption}
      rows={rows}
      rowKey={(r) => r.k}
      columns={[
        { header: 'Показник', cell: (r) => r.label },
        { header: 'Кількість', cell: (r) => r.n, numeric: true },
        ...(props.total ? [{ header: 'Частка', cell: (r: { n: number }) => `${Math.round((r.n / props.total!) * 100)} %`, numeric: true }] : []),
      ]}
    />
  );
}

function AppealReport({ from, to }: { from: string; to: string }): JSX.Element {
  const report = useLoad(() => get('/api/v1/reports/appeals', { query: { from, to } }), `${from}|${to}`);
  if (report.state === 'loading') return <Loading />;
  if (report.state === 'failed') return <ErrorNote error={report.error} />;
  const r: Report = report.value;
  const topics = r.questions.byTopic.slice(0, 12);
  return (
    <>
      <div class="list-head">
        <h2>Звіт про звернення громадян з {dateUk(from)} по {dateUk(to)}</h2>
        <ExportButtons path="/api/v1/reports/appeals" query={{ from, to }} name="appeals-report" label="звіт про звернення" />
      </div>
      <ul class="figures small" aria-label="Підсумки">
        <li class="figure"><span class="number">{r.total}</span> <span class="label">{pluralForm(r.total, APPEALS)} зареєстровано</span></li>
        <li class="figure"><span class="number">{r.written.total}</span> <span class="label">письмових</span></li>
        <li class="figure"><span class="number">{r.oral.total}</span> <span class="label">усних</span></li>
        <li class="figure"><span class="number">{r.citizens}</span> <span class="label">громадян звернулися</span></li>
        <li class="figure"><span class="number">{r.questions.total}</span> <span class="label">порушено питань</span></li>
        <li class="figure"><span class="number">{r.repeat}</span> <span class="label">повторних</span></li>
      </ul>
      <div class="columns">
        <div>
          <BarChart label="Звернення за каналами надходження" horizontal labels={Object.keys(r.byChannel).map((k) => CHANNEL_UK[k as keyof typeof CHANNEL_UK])} series={[{ label: 'звернень', values: Object.values(r.byChannel) }]} />
          <Counts caption="За каналами надходження" labels={CHANNEL_UK} counts={r.byChannel} total={r.total} />
        </div>
        <div>
          <BarChart label="Результати розгляду" horizontal labels={Object.keys(r.byResult).map((k) => RESULT_UK[k as keyof typeof RESULT_UK])} series={[{ label: 'звернень', values: Object.values(r.byResult) }]} />
          <Counts caption="Результати розгляду" labels={RESULT_UK} counts={r.byResult} total={r.total} />
        </div>
      </div>
      <div class="columns">
        <Counts caption="Звідки надійшли (органи, що направили)" labels={SOURCE_UK} counts={r.byForwardingBody} total={r.total} />
        <div>
          <Counts caption="За видами" labels={TYPE_UK} counts={r.byType} total={r.total} />
          <Counts caption="За формою" labels={FORM_UK} counts={r.byForm} total={r.total} />
        </div>
      </div>
      {topics.length > 0 && <BarChart label="Найчастіші питання (кількість питань)" horizontal labels={topics.map((t) => t.title)} series={[{ label: 'питань', values: topics.map((t) => t.questions) }]} />}
      <Table<Report['questions']['byTopic'][number]>
        caption="Питання за класифікатором, з часткою від усіх питань"
        rows={r.questions.byTopic}
        rowKey={(t) => t.code}
        empty="Питань за період не порушено."
        columns={[
          { header: 'Код', cell: (t) => t.code },
          { header: 'Тематика', cell: (t) => t.title },
          { header: 'Питань', cell: (t) => t.questions, numeric: true },
          { header: 'Звернень', cell: (t) => t.appeals, numeric: true },
          { header: 'Частка', cell: (t) => `${t.percent} %`, numeric: true },
        ]}
      />
      <section aria-labelledby="open-data">
        <h2 id="open-data">Відкриті дані (без персональних даних)</h2>
        <div class="exports-row">
          <span>Звернення за період:</span>
          <ExportButtons path="/api/v1/open-data/appeals" query={{ from, to }} name="open-data-appeals" label="набір відкритих даних про звернення" />
          <span>Петиції за період:</span>
          <ExportButtons path="/api/v1/open-data/petitions" query={{ from, to }} name="open-data-petitions" label="набір відкритих даних про петиції" />
        </div>
      </section>
    </>
  );
}

type InfoEntry = Schemas['InfoRequestJournalEntry'];

function InfoRequests({ from, to }: { from: string; to: string }): JSX.Element {
  const journal = useLoad(() => get('/api/v1/info-requests', { query: { from, to } }), `${from}|${to}`);
  if (journal.state === 'loading') return <Loading />;
  if (journal.state === 'failed') return <ErrorNote error={journal.error} />;
  const j = journal.value;
  return (
    <>
      <div class="list-head">
        <h2>Журнал запитів на публічну інформацію з {dateUk(from)} по {dateUk(to)}</h2>
        <ExportButtons path="/api/v1/info-requests" query={{ from, to }} name="info-requests" label="журнал запитів" />
      </div>
      <p role="status">Усього {plural(j.summary.total, { one: 'запит', few: 'запити', many: 'запитів' })}: від фізичних осіб — {j.summary.byRequesterType.individual}, громадських об’єднань — {j.summary.byRequesterType['public-association']}, юридичних осіб — {j.summary.byRequesterType['legal-entity']}, журналістів — {j.summary.byRequesterType.journalist}.</p>
      <Table<InfoEntry>
        caption="Запити на публічну інформацію"
        rows={j.entries}
        rowKey={(e) => e.documentId}
        empty="Запитів за період немає."
        columns={[
          { header: 'Індекс', cell: (e) => <a href={href(`/documents/${e.documentId}`)}>{e.registrationIndex}</a> },
          { header: 'Надійшов', cell: (e) => dateUk(e.receivedOn) },
          { header: 'Запитувач', cell: (e) => e.requester.name },
          { header: 'Що запитано', cell: (e) => e.requested },
          { header: 'Строк', cell: (e) => `${dateUk(e.term.term)}${e.urgent ? ' (терміновий)' : ''}` },
          { header: 'Відповідь', cell: (e) => (e.answeredOn ? `${dateUk(e.answeredOn)}: ${INFO_RESULT_UK[e.result ?? ''] ?? ''}` : '') },
          { header: 'Стан', cell: (e) => (e.overdue ? <span class="tag bad">прострочено</span> : e.late ? 'із запізненням' : e.answeredOn ? 'вчасно' : 'у роботі') },
        ]}
      />
    </>
  );
}

type Petition = Schemas['PetitionView'];
/** The API's own default: more petitions than a council has open at once. */
const LIMIT = 200;

function Petitions({ state }: { state?: string }): JSX.Element {
  const list = useLoad(() => get('/api/v1/petitions', { query: { state: state as Petition['state'] | undefined, limit: LIMIT } }), state ?? '');
  return (
    <>
      <nav class="tabs small" aria-label="Стан петицій">
        <a href={href('/appeals', { tab: 'petitions' })} aria-current={!state ? 'page' : undefined}>усі</a>
        {Object.entries(PETITION_STATE_UK).map(([k, label]) => <a href={href('/appeals', { tab: 'petitions', state: k })} aria-current={state === k ? 'page' : undefined}>{label}</a>)}
      </nav>
      <Shown loaded={list}>{(v) => (
        <>
          {v.items.length > 0 && (
            <div class="list-head">
              <p role="status">{plural(v.items.length, PETITIONS)}{state ? ` у стані «${PETITION_STATE_UK[state as Petition['state']]}»` : ''}.</p>
              <ExportButtons path="/api/v1/petitions" query={{ state, limit: String(LIMIT) }} name="petitions" label="перелік петицій" />
            </div>
          )}
          <Table<Petition>
            caption="Електронні петиції, найпізніше завершення збору першим"
            rows={v.items}
            rowKey={(p) => p.platformId}
            empty="Петицій немає."
            columns={[
              { header: '№', cell: (p) => p.number },
              { header: 'Назва', cell: (p) => p.title },
              { header: 'Стан', cell: (p) => PETITION_STATE_UK[p.state] ?? p.state },
              { header: 'Підписи', cell: (p) => `${p.votes} з ${p.threshold}`, numeric: true },
              { header: 'Збір до', cell: (p) => dateUk(p.collectionEndsOn) },
              { header: 'Реєстрація', cell: (p) => (p.documentId ? <a href={href(`/documents/${p.documentId}`)}>{p.registrationIndex}</a> : '') },
              { header: 'Строк розгляду', cell: (p) => dateUk(p.term) },
              { header: 'Відповідь', cell: (p) => dateUk(p.answeredOn) },
            ]}
          />
        </>
      )}</Shown>
    </>
  );
}
