/** «Сьогодні»: the morning page. Each number opens its list. */
import type { JSX } from 'preact';
import { get } from '../api/client';
import { CARDS, dateUk, DOCUMENTS, INPUTS, pluralForm } from '../format';
import routing from '../../../reference-data/registry-routing.json';
import { JOURNAL_UK } from '../labels';
import { href } from '../router';
import { ControlTable } from './control-table';
import { ErrorNote, Loading, Page, Shown } from '../ui/parts';
import { useLoad } from '../ui/load';

/** A journal that holds one kind (reference-data/registry-routing.json, the shipped routing) opens as that kind. */
function onlyKindOf(journal: string): string | undefined {
  const kinds = Object.entries(routing.kinds as Record<string, { journal: string }>).filter(([, r]) => r.journal === journal).map(([k]) => k);
  return kinds.length === 1 ? kinds[0] : undefined;
}

function Figure(props: { value: number; forms: { one: string; few: string; many: string }; label: string; link: string; tone?: 'bad' | 'warn' }): JSX.Element {
  return (
    <li class={`figure ${props.tone ?? ''}`}>
      <a href={props.link}>
        <span class="number">{props.value}</span>{' '}
        <span class="unit">{pluralForm(props.value, props.forms)}</span>{' '}
        <span class="label">{props.label}</span>
      </a>
    </li>
  );
}

export function Today(): JSX.Element {
  const figures = useLoad(() => get('/api/v1/dashboard/today'), 'today');
  const overdue = useLoad(() => get('/api/v1/control', { query: { overdue: 'true', limit: 10 } }), 'today-overdue');
  if (figures.state === 'loading') return <Page title="Сьогодні"><Loading /></Page>;
  if (figures.state === 'failed') return <Page title="Сьогодні"><ErrorNote error={figures.error} /></Page>;
  const f = figures.value;
  const registered = f.registeredToday.reduce((n, j) => n + j.count, 0);
  return (
    <Page title="Сьогодні">
      <p class="lead">Станом на {dateUk(f.today)}</p>
      <ul class="figures" aria-label="Показники дня">
        <Figure value={f.overdue} forms={CARDS} label="прострочено" tone={f.overdue ? 'bad' : undefined} link={href('/control', { overdue: 'true' })} />
        <Figure value={f.dueSoon} forms={CARDS} label={`строк спливає до ${dateUk(f.dueSoonUntil)} (3 робочі дні, п. 117)`} tone={f.dueSoon ? 'warn' : undefined}
          link={href('/control', { status: 'under-control', dueFrom: f.today, dueBefore: f.dueSoonUntil })} />
        <Figure value={registered} forms={DOCUMENTS} label="зареєстровано сьогодні" link={href('/documents', { from: f.today, to: f.today })} />
        {f.quarantineOpen !== null && (
          <Figure value={f.quarantineOpen} forms={INPUTS} label="чекають у карантині" tone={f.quarantineOpen ? 'warn' : undefined} link={href('/quarantine')} />
        )}
      </ul>
      {f.registeredToday.length > 0 && (
        <section aria-labelledby="by-journal">
          <h2 id="by-journal">Зареєстровано сьогодні за журналами</h2>
          <ul class="journals">
            {f.registeredToday.map((j) => {
              const kind = onlyKindOf(j.journal);
              return (
                <li>
                  <a href={href('/documents', { from: f.today, to: f.today, kind })}>
                    {JOURNAL_UK[j.journal] ?? j.journal}: <strong>{j.count}</strong> {pluralForm(j.count, DOCUMENTS)}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="overdue-now">
        <h2 id="overdue-now">Найдавніше прострочені</h2>
        <Shown loaded={overdue}>{(v) => <ControlTable caption="Прострочені контрольні картки, найдавніші першими" items={v.items} />}</Shown>
      </section>
    </Page>
  );
}
