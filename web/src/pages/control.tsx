/**
 * «Контроль»: the daily list of what is under control and the weekly plan-schedule by executor
 * (003 §165), printable; both export as the API does. Actions on a card are on the document's page.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { get } from '../api/client';
import { addDays, CARDS, dateUk, kyivToday, mondayOf, plural } from '../format';
import { href, navigate } from '../router';
import { useLoad } from '../ui/load';
import { CheckField, ExportButtons, FilterForm, Page, Pager, SelectField, Shown, TextField } from '../ui/parts';
import { ControlTable, type ListedCard } from './control-table';
import { useStaffNames } from '../staff';
import { NO_EXECUTOR_UK } from '../labels';

type Query = Record<string, string>;

export function ControlList(props: { query: Query }): JSX.Element {
  const weekly = props.query.view === 'weekly';
  return (
    <Page title="Контроль" actions={<button type="button" onClick={() => print()}>Друкувати</button>}>
      <nav class="tabs no-print" aria-label="Вигляд">
        <a href={href('/control')} aria-current={!weekly ? 'page' : undefined}>Щоденний перелік</a>
        <a href={href('/control', { view: 'weekly' })} aria-current={weekly ? 'page' : undefined}>Тижневий план-графік</a>
      </nav>
      {weekly ? <WeeklyPlan query={props.query} /> : <DailyList query={props.query} />}
    </Page>
  );
}

const STATUS_OPTIONS: Array<[string, string]> = [['under-control', 'на контролі'], ['executed', 'виконано'], ['released', 'знято з контролю'], ['', 'усі']];

function DailyList({ query }: { query: Query }): JSX.Element {
  const [f, setF] = useState({ executor: query.executor ?? '', status: query.status ?? 'under-control', overdue: query.overdue === 'true', dueFrom: query.dueFrom ?? '', dueBefore: query.dueBefore ?? '' });
  const status = query.status === 'all' ? undefined : (query.status ?? 'under-control') as 'under-control' | 'executed' | 'released';
  const overdue = query.overdue === 'true' ? 'true' as const : undefined;
  const asked = { executor: query.executor, status, overdue, dueFrom: query.dueFrom, dueBefore: query.dueBefore };
  const list = useLoad(() => get('/api/v1/control', { query: { ...asked, cursor: query.cursor } }), JSON.stringify(query));
  const apply = () => navigate('/control', { executor: f.executor, status: f.status || 'all', overdue: f.overdue ? 'true' : undefined, dueFrom: f.dueFrom, dueBefore: f.dueBefore });
  return (
    <>
      <FilterForm label="Відбір карток" onSubmit={apply}>
        <TextField label="Виконавець" name="executor" value={f.executor} onInput={(executor) => setF({ ...f, executor })} />
        <SelectField label="Стан" name="status" value={f.status === 'all' ? '' : f.status} onChange={(status) => setF({ ...f, status })} options={STATUS_OPTIONS} />
        <TextField label="Строк від" name="dueFrom" type="date" value={f.dueFrom} onInput={(dueFrom) => setF({ ...f, dueFrom })} />
        <TextField label="Строк до" name="dueBefore" type="date" value={f.dueBefore} onInput={(dueBefore) => setF({ ...f, dueBefore })} />
        <CheckField label="Лише прострочені" name="overdue" checked={f.overdue} onChange={(overdue) => setF({ ...f, overdue })} />
      </FilterForm>
      <Shown loaded={list}>{(v) => (
        <>
          <div class="list-head">
            <p role="status">Станом на {dateUk(v.today)}: на сторінці {plural(v.items.length, CARDS)}{v.nextCursor ? ' (є наступна сторінка)' : ''}.</p>
            <ExportButtons path="/api/v1/control" query={{ ...asked, cursor: query.cursor }} name="control-list" label="перелік карток" />
          </div>
          <ControlTable caption={query.overdue === 'true' ? 'Прострочені контрольні картки' : 'Щоденний перелік контрольних карток'} items={v.items} />
          <Pager nextCursor={v.nextCursor} cursor={query.cursor} go={(cursor) => navigate('/control', { ...query, cursor })} />
        </>
      )}</Shown>
    </>
  );
}

function WeeklyPlan({ query }: { query: Query }): JSX.Element {
  const monday = mondayOf(query.week ?? kyivToday());
  const sunday = addDays(monday, 6);
  const week = { status: 'under-control' as const, dueFrom: monday, dueBefore: sunday, limit: 1000, executor: query.executor };
  const list = useLoad(() => get('/api/v1/control', { query: week }), `${monday}|${query.executor ?? ''}`);
  // By responsible executor; a card of the sender's control before its resolution has none yet ('' → «виконавця не призначено», last).
  const byExecutor = new Map<string, ListedCard[]>();
  const staffName = useStaffNames();
  const name = (id: string) => (id ? staffName(id) : NO_EXECUTOR_UK);
  if (list.state === 'ready') for (const c of list.value.items) byExecutor.set(c.executors[0] ?? '', [...(byExecutor.get(c.executors[0] ?? '') ?? []), c]);
  return (
    <>
      <div class="week-nav no-print">
        <a href={href('/control', { view: 'weekly', week: addDays(monday, -7) })}>← Попередній тиждень</a>
        <a href={href('/control', { view: 'weekly', week: addDays(monday, 7) })}>Наступний тиждень →</a>
      </div>
      <h2>План-графік на тиждень {dateUk(monday)} – {dateUk(sunday)} (п. 165)</h2>
      <Shown loaded={list}>{(v) => (
        <>
          <div class="list-head">
            <p role="status">{plural(v.items.length, CARDS)} зі строком цього тижня, виконавців: {[...byExecutor.keys()].filter(Boolean).length}{byExecutor.has('') ? `; ${NO_EXECUTOR_UK} — ${plural(byExecutor.get('')?.length ?? 0, CARDS)}` : ''}.</p>
            <ExportButtons path="/api/v1/control" query={{ status: 'under-control', dueFrom: monday, dueBefore: sunday, limit: '1000' }} name="weekly-plan" label="план-графік" />
          </div>
          {[...byExecutor.entries()].sort(([a], [b]) => Number(!a) - Number(!b) || name(a).localeCompare(name(b), 'uk')).map(([executor, cards]) => (
            <section class="executor-group" aria-label={executor ? `Виконавець ${name(executor)}` : `Картки, яким ${NO_EXECUTOR_UK}`}>
              <h3>{name(executor)}: {plural(cards.length, CARDS)}</h3>
              <ControlTable caption={executor ? `Картки виконавця ${name(executor)} на тиждень` : `Картки на тиждень, яким ${NO_EXECUTOR_UK}`} items={cards} />
            </section>
          ))}
          {byExecutor.size === 0 && <p class="empty">Цього тижня строків немає.</p>}
        </>
      )}</Shown>
    </>
  );
}
