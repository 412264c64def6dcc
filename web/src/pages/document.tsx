/**
 * The document card: registration (journal, index, case from the nomenclature), correspondent,
 * attachments (a PDF shown in the page, others downloaded), every signature's verdict in plain
 * Ukrainian, the control cards with their timeline and actions, and the log entries of the document.
 */
import type { JSX } from 'preact';
import { get, type Schemas } from '../api/client';
import { dateUk, instantUk } from '../format';
import { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, JOURNAL_UK, URGENCY_UK } from '../labels';
import { session } from '../session';
import { useLoad } from '../ui/load';
import { ErrorNote, Loading, Page, Shown } from '../ui/parts';
import { Attachments } from './attachments';
import { AuditEntries } from './audit-entries';
import { awaitsResolution, ControlCardView, ResolutionForm } from './control-card';
import { Signatures } from './signatures';

type Card = Schemas['DocumentCard'];

function Pair(props: { term: string; children: JSX.Element | string | number | null | undefined }): JSX.Element | null {
  if (props.children === null || props.children === undefined || props.children === '') return null;
  return <><dt>{props.term}</dt><dd>{props.children}</dd></>;
}

export function DocumentCard({ id }: { id: string }): JSX.Element {
  const doc = useLoad(() => get('/api/v1/documents/{id}', { params: { id } }), id);
  if (doc.state === 'loading') return <Page title="Документ"><Loading /></Page>;
  if (doc.state === 'failed') return <Page title="Документ"><ErrorNote error={doc.error} /></Page>;
  const d = doc.value;
  const reg = d.registration;
  return (
    <Page title={reg ? `Документ ${reg.index}` : 'Документ (не зареєстровано)'}>
      <p class="lead">{d.summary}</p>
      {d.flags?.length ? (
        <div class="warning" role="note" aria-label="Зверніть увагу">
          {d.flags.map((f) => <p>{f.messageUk}</p>)}
        </div>
      ) : null}
      <div class="columns">
        <section aria-labelledby="reg">
          <h2 id="reg">Реєстрація</h2>
          <dl class="pairs">
            <Pair term="Вид">{DOCUMENT_KIND_UK[d.kind]}</Pair>
            <Pair term="Стан">{DOCUMENT_STATUS_UK[d.status]}</Pair>
            {reg && <Pair term="Журнал">{JOURNAL_UK[reg.journal] ?? reg.journal}</Pair>}
            {reg && <Pair term="Реєстраційний індекс">{reg.index}</Pair>}
            {reg && <Pair term="Дата реєстрації">{dateUk(reg.date)}</Pair>}
            {reg && <Pair term="Справа">{<CaseTitle year={reg.year} index={reg.case} />}</Pair>}
            <Pair term="Надійшов">{instantUk(d.receivedAt)}</Pair>
            <Pair term="Терміновість">{d.urgency && d.urgency !== 'normal' ? URGENCY_UK[d.urgency] : null}</Pair>
            <Pair term="Строк у документі">{dateUk(d.dueDate)}</Pair>
            <Pair term="Аркушів">{d.pages}</Pair>
            <Pair term="Причина">{d.notRegisteredReason ? String((d.notRegisteredReason as { messageUk?: string }).messageUk ?? '') : null}</Pair>
          </dl>
        </section>
        <section aria-labelledby="corr">
          <h2 id="corr">Кореспондент</h2>
          <dl class="pairs">
            <Pair term="Назва">{d.correspondent.name}</Pair>
            <Pair term="ЄДРПОУ">{d.correspondent.edrpou}</Pair>
            <Pair term="Адреса">{d.correspondent.address}</Pair>
            <Pair term="Ел. пошта">{d.correspondent.email}</Pair>
            <Pair term="Телефон">{d.correspondent.phone}</Pair>
            <Pair term="Вихідний номер">{d.outgoing ? `№ ${d.outgoing.number} від ${dateUk(d.outgoing.date)}` : null}</Pair>
          </dl>
        </section>
      </div>
      <Attachments documentId={d.id} attachments={d.attachments} />
      <Signatures signatures={d.signatures ?? []} />
      <Control doc={d} onChanged={doc.reload} />
      <section aria-labelledby="log">
        <h2 id="log">Журнал контролю документа</h2>
        {session.can('audit:read')
          ? <AuditEntries documentId={d.id} />
          : <p class="note">Записи журналу контролю бачать аудитори й адміністратор.</p>}
      </section>
    </Page>
  );
}

function CaseTitle({ year, index }: { year: number; index: string }): JSX.Element {
  const nomenclature = useLoad(() => get('/api/v1/nomenclature', { query: { year } }), String(year));
  const title = nomenclature.state === 'ready' ? nomenclature.value.cases.find((c) => c.index === index)?.title : undefined;
  return <span>{index}{title ? ` — ${title}` : ''}</span>;
}

function Control({ doc, onChanged }: { doc: Card; onChanged: () => void }): JSX.Element {
  const cards = useLoad(() => get('/api/v1/documents/{id}/control', { params: { id: doc.id } }), doc.id);
  // An action changes the card and the document's status: both are asked again.
  const changed = () => {
    cards.reload();
    onChanged();
  };
  const focus = new URLSearchParams(location.hash.split('?')[1] ?? '').get('card');
  return (
    <section aria-labelledby="control">
      <h2 id="control">Резолюції та контроль</h2>
      <Shown loaded={cards}>{(v) => (
        <>
          {v.items.length === 0 && <p class="empty">Документ не на контролі.</p>}
          {v.items.map((c) => <ControlCardView key={c.id} documentId={doc.id} card={c} focused={c.id === focus} onChanged={changed} />)}
          {doc.registration && session.can('control:resolve') && <ResolutionForm documentId={doc.id} onDone={changed} senderCard={v.items.find(awaitsResolution)} />}
        </>
      )}</Shown>
    </section>
  );
}
