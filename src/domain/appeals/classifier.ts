/**
 * The appeals classifier shipped in reference-data/appeals/classifier.json (schema:
 * schemas/appeal-classifier.schema.json). Imported as a module like the calendars, so the
 * domain does no I/O; a council's own classifier is read by the caller and passed in.
 */
import classifierJson from '../../../reference-data/appeals/classifier.json';
import type { AppealClassifier, AppealCard } from '../../schemas';

export type { AppealClassifier };
export type PriorityCategory = NonNullable<AppealCard['applicants'][number]['priorityCategory']>;
export type CategoryTreatment = AppealClassifier['authorCategories'][number]['treatment'];

export const DEFAULT_CLASSIFIER: AppealClassifier = classifierJson as AppealClassifier;

/** Title of a topic code; a sub-code («009.01») falls back to its section. */
export function topicTitle(classifier: AppealClassifier, code: string): string {
  const exact = classifier.topics.find((t) => t.code === code);
  if (exact) return exact.title;
  return classifier.topics.find((t) => t.code === code.slice(0, 3))?.title ?? code;
}

export function isKnownTopic(classifier: AppealClassifier, code: string): boolean {
  return classifier.topics.some((t) => t.code === code || t.code === code.slice(0, 3));
}

/** How 003 treats an author category: first and to the mayor (§104, §108, §131), mandatory control (§112), or nothing special. */
export function categoryTreatment(classifier: AppealClassifier, category: PriorityCategory | undefined): CategoryTreatment {
  if (!category) return 'none';
  return classifier.authorCategories.find((c) => c.id === category)?.treatment ?? 'none';
}

/**
 * The law that gives the category its benefits, or null: such authors' appeals are considered
 * first (Law «Про звернення громадян» ст. 20 ч. 3: «Звернення громадян, які мають встановлені
 * законодавством пільги, розглядаються у першочерговому порядку»).
 */
export function categoryBenefitsLaw(classifier: AppealClassifier, category: PriorityCategory | undefined): string | null {
  if (!category) return null;
  return classifier.authorCategories.find((c) => c.id === category)?.benefitsLaw ?? null;
}

export function categoryTitle(classifier: AppealClassifier, category: PriorityCategory): string {
  return classifier.authorCategories.find((c) => c.id === category)?.title ?? category;
}
