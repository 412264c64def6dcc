import { documentScope, identityError, type Principal } from '../identity';
import type { DocumentCard } from '../schemas';
import { documents, type Queryable } from '../store';

/** The search filter for a caller's scope: everything, a system's own sources, or an executor's cards. */
export function scopeFilter(principal: Principal): { onlySources?: readonly string[]; onlyExecutor?: string } {
  const scope = documentScope(principal);
  if ('sources' in scope) return { onlySources: scope.sources };
  if ('executor' in scope) return { onlyExecutor: scope.executor };
  return {};
}

/** Throws NOT_IN_SCOPE (403) when the caller may not read this document (README, Security: roles). */
export async function assertInScope(q: Queryable, principal: Principal, card: Pick<DocumentCard, 'id' | 'source'>): Promise<void> {
  await assertDocumentInScope(q, principal, card.id, async () => card.source);
}

/**
 * The same by id, for routes that do not load the card: a caller who reads everything costs no
 * query; a system's scope reads the document's source; an executor's, their control cards.
 */
export async function assertDocumentInScope(q: Queryable, principal: Principal, documentId: string, sourceOf = () => documents.sourceOf(q, documentId)): Promise<void> {
  const scope = documentScope(principal);
  if ('all' in scope) return;
  const inScope = 'sources' in scope
    ? scope.sources.includes((await sourceOf()) ?? '')
    : await documents.isExecutorOf(q, documentId, scope.executor);
  if (!inScope) throw identityError('NOT_IN_SCOPE', { documentId });
}
