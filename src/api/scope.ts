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
  const scope = documentScope(principal);
  if ('all' in scope) return;
  if ('sources' in scope ? scope.sources.includes(card.source) : await documents.isExecutorOf(q, card.id, scope.executor)) return;
  throw identityError('NOT_IN_SCOPE', { documentId: card.id });
}
