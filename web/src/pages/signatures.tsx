/** Every signature's verdict with the signer, organisation, ЄДРПОУ, qualified or not, and why not — in plain Ukrainian. */
import type { JSX } from 'preact';
import type { Schemas } from '../api/client';
import { instantUk } from '../format';
import { INDICATION_TEXT, SUB_INDICATION_TEXT } from '../labels';

type Signature = Schemas['SignatureSummary'];

function why(s: Signature): string | null {
  if (s.indication === 'TOTAL-PASSED') return s.qualified ? null : 'Підпис дійсний, але не кваліфікований (не КЕП): сертифікат не має ознаки кваліфікованого або не веде до кваліфікованого надавача.';
  const sub = s.subIndication ? SUB_INDICATION_TEXT[s.subIndication as keyof typeof SUB_INDICATION_TEXT] : undefined;
  return sub ? `Причина: ${sub.uk}.` : null;
}

export function Signatures({ signatures }: { signatures: Signature[] }): JSX.Element | null {
  if (!signatures.length) return null;
  return (
    <section aria-labelledby="sigs">
      <h2 id="sigs">Електронні підписи</h2>
      <ul class="signatures">
        {signatures.map((s) => {
          const ok = s.indication === 'TOTAL-PASSED' && s.qualified;
          const reason = why(s);
          return (
            <li class={ok ? 'sig ok' : 'sig bad'}>
              <p class="verdict"><strong>{INDICATION_TEXT[s.indication].uk}</strong>{s.indication === 'TOTAL-PASSED' ? (s.qualified ? ', кваліфікований (КЕП)' : ', не кваліфікований') : ''}</p>
              {reason && <p>{reason}</p>}
              <dl class="pairs">
                <dt>Підписувач</dt><dd>{s.signer?.fullName ?? s.signer?.commonName ?? 'не вдалося прочитати'}</dd>
                {s.signer?.title && <><dt>Посада</dt><dd>{s.signer.title}</dd></>}
                {s.signer?.organization && <><dt>Організація</dt><dd>{s.signer.organization}</dd></>}
                {s.signer?.edrpou && <><dt>ЄДРПОУ</dt><dd>{s.signer.edrpou}</dd></>}
                {s.attachment && <><dt>Підписане вкладення</dt><dd>{s.attachment}</dd></>}
                {s.bestSignatureTime && <><dt>Час підпису</dt><dd>{instantUk(s.bestSignatureTime)}</dd></>}
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
