/** One control card: task, people, term and its basis, the timeline, and the actions the signed-in person may take. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post, type Schemas } from '../api/client';
import { dateUk, instantUk } from '../format';
import { CONTROL_STATUS_UK, NO_EXECUTOR_UK, RESULT_UK } from '../labels';
import { session } from '../session';
import { asApiError } from '../ui/load';
import { CheckField, ErrorNote, SelectField, TextField } from '../ui/parts';
import { useStaffNames } from '../staff';

type Card = Schemas['ControlCard'];
type Name = (id: string | null | undefined) => string;

/** A card of the sender's control that no resolution has given executors yet: the next resolution fills it (src/control). */
export function awaitsResolution(c: Card): boolean {
  return Boolean(c.senderControl) && c.status === 'under-control' && c.executors.length === 0;
}

/** The sender's task as staff read it: who, its number and date. */
function senderTask(s: NonNullable<Card['senderControl']>): string {
  return `${s.sender.name}${s.taskNumber ? `, завдання № ${s.taskNumber}` : ''}${s.taskDate ? ` від ${dateUk(s.taskDate)}` : ''}`;
}

/** People by name; the sender (author, controller and term setter of its own control, `sender:…`) as the sender. */
function whoOf(c: Card, name: Name): Name {
  return (id) => (c.senderControl && id?.startsWith('sender:') ? `${c.senderControl.sender.name} (відправник)` : name(id));
}

/** Everything that happened to the card, oldest first. */
function timeline(c: Card, name: Name): Array<{ at: string; text: string }> {
  const s = c.senderControl;
  const out: Array<{ at: string; text: string }> = s
    ? [
      { at: `${s.taskDate ?? c.resolutionDate}T00:00:00Z`, text: `Контрольне завдання відправника (${senderTask(s)}): строк ${dateUk(c.originalTerm)}` },
      ...(c.executors.length ? [{ at: `${c.resolutionDate}T00:00:00Z`, text: `Резолюція від ${dateUk(c.resolutionDate)}: ${name(c.author)}` }] : []),
    ]
    : [{ at: `${c.resolutionDate}T00:00:00Z`, text: `Резолюція № ${c.resolutionNo} від ${dateUk(c.resolutionDate)}: ${name(c.author)}; строк ${dateUk(c.originalTerm)}` }];
  for (const a of c.interimAnswers) out.push({ at: a.at, text: `Проміжна відповідь (${name(a.by)}): ${a.text}` });
  for (const e of c.extensions) {
    out.push({ at: e.requestedAt, text: `Запит на продовження до ${dateUk(e.newTerm)} (${name(e.by)}): ${e.reason}` });
    out.push({ at: e.decidedAt, text: `${e.granted ? `Продовжено до ${dateUk(e.term ?? e.newTerm)}` : 'У продовженні відмовлено'} (${name(e.decidedBy)})${e.decisionReason ? `: ${e.decisionReason}` : ''}` });
  }
  if (c.pendingExtension) out.push({ at: c.pendingExtension.requestedAt, text: `Запит на продовження до ${dateUk(c.pendingExtension.newTerm)} (${name(c.pendingExtension.by)}) чекає рішення: ${c.pendingExtension.reason}` });
  if (c.execution) {
    const r = c.execution.answer.result;
    out.push({ at: c.execution.at, text: `Виконано ${dateUk(c.execution.on)} (${name(c.execution.by)}): ${c.execution.answer.summary}${c.execution.answer.outgoingIndex ? `, вих. № ${c.execution.answer.outgoingIndex}` : ''}${r ? ` — ${RESULT_UK[r]}` : ''}` });
  }
  if (c.releasedAt) out.push({ at: c.releasedAt, text: `Знято з контролю (${name(c.releasedBy)}${c.releasedStandingInFor ? `, заміщуючи ${name(c.releasedStandingInFor)}` : ''})` });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function ControlCardView(props: { documentId: string; card: Card; focused: boolean; onChanged: () => void }): JSX.Element {
  const c = props.card;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (props.focused) ref.current?.scrollIntoView({ block: 'start' });
  }, [props.focused]);
  const open = c.status === 'under-control';
  const name = whoOf(c, useStaffNames());
  const act = actOn(props.documentId, c.id);
  const executors = c.executors.length ? c.executors.map((e, i) => i === 0 ? `${name(e)} (відповідальний)` : name(e)).join(', ') : NO_EXECUTOR_UK;
  return (
    <article class={`control-card${props.focused ? ' focused' : ''}`} ref={ref} id={`card-${c.id}`} aria-labelledby={`card-${c.id}-title`}>
      <h3 id={`card-${c.id}-title`}>{awaitsResolution(c) ? 'Контроль відправника' : `Резолюція № ${c.resolutionNo}`}: {c.task}</h3>
      <dl class="pairs">
        <dt>Стан</dt><dd><span class={`tag${c.overdue ? ' bad' : ''}`}>{c.overdue ? 'прострочено' : CONTROL_STATUS_UK[c.status]}</span></dd>
        <dt>{awaitsResolution(c) ? 'Поставив на контроль' : 'Автор резолюції'}</dt><dd>{name(c.author)}</dd>
        <dt>Контролює</dt><dd>{name(c.controller)}</dd>
        {c.senderControl && <><dt>Контроль відправника</dt><dd>{senderTask(c.senderControl)}; строк відправника {dateUk(c.originalTerm)}</dd></>}
        <dt>Виконавці</dt><dd>{executors}</dd>
        <dt>Строк</dt><dd>{dateUk(c.term)}{c.term !== c.originalTerm ? ` (спочатку ${dateUk(c.originalTerm)})` : ''}</dd>
        <dt>Підстава строку</dt><dd>{c.basis}</dd>
        <dt>Нагадування</dt><dd>{dateUk(c.reminderOn)}</dd>
        {c.coExecutorsDue && <><dt>Співвиконавцям — до</dt><dd>{dateUk(c.coExecutorsDue)}</dd></>}
        <dt>Продовження просити до</dt><dd>{dateUk(c.extensionDeadline)}</dd>
      </dl>
      <h4>Хід виконання</h4>
      <ol class="timeline">
        {timeline(c, name).map((t) => <li><time dateTime={t.at}>{t.at.endsWith('T00:00:00Z') ? dateUk(t.at) : instantUk(t.at)}</time> {t.text}</li>)}
      </ol>
      <div class="actions no-print">
        {open && c.executors.length > 0 && session.can('control:execute') && (
          <>
            <Action title="Проміжна відповідь" submit={(v) => act('interim-answers', { text: v.text })} onDone={props.onChanged}>
              {(v, set) => <TextField label="Текст проміжної відповіді" name="text" multiline required value={v.text ?? ''} onInput={(text) => set({ text })} />}
            </Action>
            <Action title="Запит на продовження строку" submit={(v) => act('extension-requests', { newTerm: v.newTerm, reason: v.reason })} onDone={props.onChanged}>
              {(v, set) => (
                <>
                  <TextField label="Новий строк" name="newTerm" type="date" required value={v.newTerm ?? ''} onInput={(newTerm) => set({ newTerm })} />
                  <TextField label="Причина" name="reason" multiline required value={v.reason ?? ''} onInput={(reason) => set({ reason })} />
                </>
              )}
            </Action>
            <Action title="Виконання з відповіддю" submit={(v) => act('execution', {
              onMerits: v.onMerits === 'true', answer: { summary: v.summary ?? '', ...(v.outgoingIndex ? { outgoingIndex: v.outgoingIndex } : {}), ...(v.result ? { result: v.result } : {}) },
            })} onDone={props.onChanged}>
              {(v, set) => (
                <>
                  <TextField label="Зміст відповіді" name="summary" multiline required value={v.summary ?? ''} onInput={(summary) => set({ summary })} />
                  <TextField label="Вихідний індекс відповіді" name="outgoingIndex" value={v.outgoingIndex ?? ''} onInput={(outgoingIndex) => set({ outgoingIndex })} />
                  <SelectField label="Результат (для звернень)" name="result" value={v.result ?? ''} onChange={(result) => set({ result })}
                    options={[['', 'не зазначено'], ...Object.entries(RESULT_UK).filter(([k]) => k !== 'on-control' && k !== 'refused' && k !== 'forwarded')]} />
                  <CheckField label="Питання вирішено, відповідь по суті (п. 160)" name="onMerits" checked={v.onMerits === 'true'} onChange={(b) => set({ onMerits: String(b) })} />
                </>
              )}
            </Action>
          </>
        )}
        {open && c.pendingExtension && session.can('control:decide') && (
          <Action title="Рішення щодо продовження" submit={(v) => act('extension-decision', {
            granted: v.granted !== 'false', ...(v.term ? { term: v.term } : {}), ...(v.reason ? { reason: v.reason } : {}), ...(v.standingInFor ? { standingInFor: v.standingInFor } : {}),
          })} onDone={props.onChanged}>
            {(v, set) => (
              <>
                <SelectField label="Рішення" name="granted" value={v.granted ?? 'true'} onChange={(granted) => set({ granted })} options={[['true', 'продовжити'], ['false', 'відмовити']]} />
                <TextField label="Строк (якщо інший, ніж просили)" name="term" type="date" value={v.term ?? ''} onInput={(term) => set({ term })} />
                <TextField label="Обґрунтування" name="reason" value={v.reason ?? ''} onInput={(reason) => set({ reason })} />
                <TextField label="Заміщую (ідентифікатор посадової особи)" name="standingInFor" value={v.standingInFor ?? ''} onInput={(standingInFor) => set({ standingInFor })} />
              </>
            )}
          </Action>
        )}
        {c.status !== 'released' && !awaitsResolution(c) && session.can('control:decide') && (
          <Action title="Зняти з контролю" submit={(v) => act('release', { ...(v.reason ? { reason: v.reason } : {}), ...(v.standingInFor ? { standingInFor: v.standingInFor } : {}) })} onDone={props.onChanged}>
            {(v, set) => (
              <>
                <TextField label="Підстава зняття" name="reason" value={v.reason ?? ''} onInput={(reason) => set({ reason })} />
                <TextField label="Заміщую (ідентифікатор посадової особи)" name="standingInFor" value={v.standingInFor ?? ''} onInput={(standingInFor) => set({ standingInFor })} />
              </>
            )}
          </Action>
        )}
      </div>
    </article>
  );
}

type Values = Record<string, string>;
type ActionPath = 'interim-answers' | 'extension-requests' | 'extension-decision' | 'execution' | 'release';

function actOn(documentId: string, cardId: string) {
  return (what: ActionPath, body: Record<string, unknown>) =>
    post(`/api/v1/documents/{id}/control/{cardId}/${what}` as '/api/v1/documents/{id}/control/{cardId}/release', { params: { id: documentId, cardId }, body: body as never });
}

/** One action: a disclosure with its form; the hub's refusal is shown with the rule's message and basis. */
function Action(props: { title: string; submit: (v: Values) => Promise<unknown>; onDone: () => void; children: (v: Values, set: (patch: Values) => void) => ComponentChildren }): JSX.Element {
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await props.submit(values);
      setValues({});
      setDone(true);
      props.onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="action">
      <summary>{props.title}</summary>
      <form onSubmit={onSubmit} aria-label={props.title}>
        {props.children(values, (patch) => setValues({ ...values, ...patch }))}
        <button type="submit" class="primary" disabled={busy}>Зберегти</button>
        {done && <p role="status" class="ok">Збережено.</p>}
        <ErrorNote error={error} />
      </form>
    </details>
  );
}

/**
 * A resolution (003 §157): puts the document under control with the legally right term; on a
 * document the sender put under control (`senderCard`), it names the executors on that card, the
 * term the sender's or an earlier one.
 */
export function ResolutionForm(props: { documentId: string; onDone: () => void; senderCard?: Card }): JSX.Element {
  const split = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const sender = props.senderCard;
  const title = sender ? 'Резолюція на контрольне завдання відправника (призначити виконавців)' : 'Нова резолюція (поставити на контроль)';
  const termHint = sender ? `Строк відправника — ${dateUk(sender.originalTerm)}; резолюція може встановити лише раніший.` : 'Без строку хаб визначить його за законом.';
  return (
    <div class="actions no-print">
      <Action title={title} onDone={props.onDone} submit={(v) => post('/api/v1/documents/{id}/resolutions', {
        params: { id: props.documentId },
        body: {
          executors: split(v.executors), task: v.task ?? '',
          ...(v.term ? { term: v.term } : {}), ...(v.author ? { author: v.author } : {}), ...(v.controller ? { controller: v.controller } : {}),
        },
      })}>
        {(v, set) => (
          <>
            <TextField label="Виконавці (через кому, першим — відповідальний)" name="executors" required value={v.executors ?? ''} onInput={(executors) => set({ executors })} />
            <TextField label="Завдання" name="task" multiline required value={v.task ?? ''} onInput={(task) => set({ task })} />
            <TextField label="Строк (якщо не типовий)" name="term" type="date" value={v.term ?? ''} onInput={(term) => set({ term })} hint={termHint} />
            <TextField label="Автор резолюції (типово — ви)" name="author" value={v.author ?? ''} onInput={(author) => set({ author })} />
            <TextField label="Контролює (типово — автор)" name="controller" value={v.controller ?? ''} onInput={(controller) => set({ controller })} />
          </>
        )}
      </Action>
    </div>
  );
}
