/**
 * The submission a petition is registered with, synthesized for the pipeline's single entry:
 * kind 'e-petition', source 'e-petition', externalId = the platform id (a repeat registers once),
 * the appeal card in meta.appeal (channel 'e-petition', collective, the author first: 003 §134)
 * and the petition's counts in meta.petition. A function of the record, so a retry is identical.
 */
import { PETITION_SOURCE } from '../../connectors/e-petitions';
import type { AppealCard, DocumentSubmission } from '../schemas';
import type { StoredPetition } from '../store/petitions';

/** The subtype the term rule reads (src/control/terms.ts): below the threshold it is an appeal (Law art. 20). */
export const BELOW_THRESHOLD_SUBTYPE = 'below-threshold';

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function appealCardOfPetition(p: StoredPetition): Omit<AppealCard, 'id' | 'receivedOn'> {
  const s = p.snapshot;
  const a = s.author;
  const applicant: AppealCard['applicants'][number] = { fullName: a.fullName };
  if (a.address) applicant.address = a.address;
  if (a.email) applicant.email = a.email;
  if (a.phone) applicant.phone = a.phone;
  return {
    writtenOn: s.publishedOn,
    // A petition proposes what the council should do (art. 3: пропозиція).
    type: 'proposal',
    form: 'collective',
    submission: 'written',
    channel: 'e-petition',
    forwardedBy: { body: 'none', underControl: false },
    applicants: [applicant],
    // The classifier codes the platform gave (постанова КМУ № 858): counted in the report like any appeal's.
    topics: [...(s.topics ?? [])],
    summary: clip(s.title, 4000),
    // Signed on the platform by the author and the signers; dated by publication.
    signed: true,
    dated: true,
    newFacts: false,
    ePetition: { number: s.number, votes: s.votes, threshold: s.threshold, collectionEndsOn: p.collectionEndedOn ?? s.collectionEndsOn },
  };
}

export function petitionSubmission(p: StoredPetition, receivedAt: string): DocumentSubmission {
  const s = p.snapshot;
  const below = p.consideredAs === 'collective-appeal';
  return {
    externalId: p.platformId,
    source: PETITION_SOURCE,
    kind: 'e-petition',
    ...(below ? { subtype: BELOW_THRESHOLD_SUBTYPE } : {}),
    correspondent: { name: s.author.fullName, ...(s.author.address ? { address: s.author.address } : {}) },
    summary: clip(`Електронна петиція № ${s.number}: ${s.title}`, 4000),
    receivedAt,
    meta: {
      appeal: appealCardOfPetition(p),
      petition: {
        platformId: p.platformId, number: s.number, ...(s.url ? { url: s.url } : {}), votes: s.votes, threshold: s.threshold,
        thresholdSource: s.thresholdSource, publishedOn: s.publishedOn, collectionEndsOn: s.collectionEndsOn,
        collectionEndedOn: p.collectionEndedOn, consideredAs: p.consideredAs,
      },
    },
  };
}
