/** The petition as the API shows it; the author's personal data only for the roles that need it (001 §2.2.13). */
import { maySeePersonalData } from '../appeals/privacy';
import type { Principal } from '../identity';
import { maskPersonal } from '../log';
import type { PetitionTransition, PetitionView } from '../schemas';
import type { StoredPetition } from '../store/petitions';

function maskedAuthor(a: PetitionView['author']): PetitionView['author'] {
  const m: PetitionView['author'] = { fullName: maskPersonal(a.fullName) };
  if (a.email !== undefined) m.email = maskPersonal(a.email);
  if (a.phone !== undefined) m.phone = maskPersonal(a.phone);
  if (a.address !== undefined) m.address = maskPersonal(a.address);
  return m;
}

/** `full`: the single view, with the text and the transitions. */
export function petitionView(p: StoredPetition, viewer: Principal | undefined, full?: { transitions: PetitionTransition[] }): PetitionView {
  const s = p.snapshot;
  const shown = maySeePersonalData(viewer);
  return {
    platformId: p.platformId, number: s.number, ...(s.url ? { url: s.url } : {}), title: s.title, ...(full ? { text: s.text } : {}),
    state: p.state, consideredAs: p.consideredAs, votes: s.votes, threshold: s.threshold, thresholdSource: s.thresholdSource,
    publishedOn: s.publishedOn, collectionEndsOn: s.collectionEndsOn, collectionEndedOn: p.collectionEndedOn, platformState: s.platformState,
    snapshotAt: s.capturedAt, author: shown ? s.author : maskedAuthor(s.author), personalData: shown ? 'shown' : 'masked',
    documentId: p.documentId, registrationIndex: p.registrationIndex, registeredAt: p.registeredAt,
    considerationStartedOn: p.considerationStartedOn, term: p.term, termRule: p.termRule, answeredOn: p.answeredOn, result: p.result,
    outgoingIndex: p.outgoingIndex, createdAt: p.createdAt, updatedAt: p.updatedAt, ...(full ? { transitions: full.transitions } : {}),
  };
}
