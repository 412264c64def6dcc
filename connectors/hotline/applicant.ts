/**
 * The applicant of a hotline card as the hub's canonical correspondent and appeal applicant:
 * the name in the order «Прізвище Ім’я По батькові», the address parts joined the way a clerk
 * writes them (what src/domain/appeals/addresses.ts parses for matching repeat appeals), and the
 * social category as the classifier's author category (part I.7) when it can be told.
 */
import { DEFAULT_CLASSIFIER, foldText, normaliseText, type PriorityCategory } from '../../src/domain/appeals';
import type { AppealCard, DocumentSubmission } from '../../src/schemas';
import type { HotlineAddress, HotlineCard } from './card';

type Applicant = HotlineCard['applicant'];

export function fullNameOf(a: Applicant): string {
  return [a.surname, a.firstName, a.patronymic].filter(Boolean).map((s) => s!.trim()).join(' ');
}

/** «49000, Дніпропетровська обл., м. Кам’янське, вул. Соборна, буд. 12, кв. 34». */
export function addressOf(addr: HotlineAddress | undefined): string | undefined {
  if (!addr) return undefined;
  const parts = [
    addr.postcode, addr.region, addr.district, addr.settlement, addr.street,
    addr.house ? `буд. ${addr.house}` : undefined,
    addr.apartment ? `кв. ${addr.apartment}` : undefined,
  ].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.map((p) => p.trim()).join(', ') : undefined;
}

/**
 * The category by the classifier's code («7.5»), its id («combat-veteran») or its title as the
 * classifier writes it; otherwise none, and the card keeps the centre's words in meta.hotline.
 * Priority itself (003 §104, §108, §112) is intake's decision on this category.
 */
export function priorityCategoryOf(category: Applicant['category']): PriorityCategory | undefined {
  if (!category) return undefined;
  const code = category.code?.trim();
  const fold = (s: string) => foldText(normaliseText(s));
  const name = fold(category.name);
  const found = DEFAULT_CLASSIFIER.authorCategories.find((c) => (code && (c.code === code || c.id === code)) || fold(c.title) === name);
  return found?.id as PriorityCategory | undefined;
}

export function correspondentOf(a: Applicant): DocumentSubmission['correspondent'] {
  const address = addressOf(a.address);
  return {
    name: fullNameOf(a).slice(0, 500),
    ...(address ? { address } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
  };
}

export function appealApplicantOf(a: Applicant): AppealCard['applicants'][number] {
  const address = addressOf(a.address);
  const priorityCategory = priorityCategoryOf(a.category);
  return {
    fullName: fullNameOf(a).slice(0, 300),
    ...(address ? { address } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    ...(priorityCategory ? { priorityCategory } : {}),
  };
}
