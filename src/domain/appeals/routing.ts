/**
 * Who considers an appeal, in what order, and whether it is under mandatory control.
 * - First (003 §104): Heroes, WWII invalids, and appeals under a higher authority's control; and
 *   every author with benefits set by law (Law «Про звернення громадян» ст. 20 ч. 3): combat
 *   veterans, persons with disabilities (war-disabled too), Chornobyl liquidators and affected,
 *   large families … — the classifier's `benefitsLaw` names the law for each category.
 * - To the mayor personally (003 §108, §131): those authors; appeals from higher authorities;
 *   complaints about local self-government bodies or officials; repeat appeals.
 * - Hotline 1545 and oblast contact centre cards: the business manager (керуючий справами, §137),
 *   answered like higher-authority items (§139).
 * - Everything else: by the distribution of duties, by the 3rd working day (§108).
 * - Mandatory control (§112): results asked by a higher authority; the categories of §112;
 *   complaints about local self-government; repeat and collective appeals.
 */
import { BASIS } from './bases';
import { categoryBenefitsLaw, categoryTitle, categoryTreatment, type AppealClassifier, type PriorityCategory } from './classifier';
import type { IntakeContext } from './intake-rules';
import type { AppealCard, AppealForm, AppealIntakeDecision, Recurrence, RouteTo } from './types';

/** 003 §108: passed on «не пізніше, як на 3-й робочий день після реєстрації». */
export const ROUTE_TERM_WORKING_DAYS = 3;

const HOTLINE_BODIES = new Set(['government-contact-centre', 'oblast-contact-centre']);
const HIGHER_BODIES = new Set(['higher-authority', 'government-contact-centre', 'oblast-contact-centre']);

function categories(card: AppealCard): PriorityCategory[] {
  return card.applicants.flatMap((a) => (a.priorityCategory ? [a.priorityCategory] : []));
}

export interface Routing {
  routeTo: RouteTo;
  priority: 'first' | 'normal';
  decision: AppealIntakeDecision;
}

export function routeAppeal(card: AppealCard, recurrence: Recurrence, classifier: AppealClassifier, ctx: IntakeContext): Routing {
  const firstCategories = categories(card).filter((c) => categoryTreatment(classifier, c) === 'first-and-mayor');
  // Law art. 20 ч. 3: benefits set by law → considered first (the §104 categories are first already).
  const benefitCategories = [...new Set(categories(card))].filter((c) => !firstCategories.includes(c) && categoryBenefitsLaw(classifier, c) !== null);
  const controlledByHigher = card.forwardedBy.underControl && HIGHER_BODIES.has(card.forwardedBy.body);
  const priority = firstCategories.length || benefitCategories.length || controlledByHigher ? 'first' : 'normal';
  const priorityReasons: string[] = [];
  if (firstCategories.length) priorityReasons.push(`автор — ${[...new Set(firstCategories)].map((c) => categoryTitle(classifier, c)).join(', ')} (003 §104)`);
  for (const c of benefitCategories) {
    priorityReasons.push(`автор — ${categoryTitle(classifier, c)}: пільги встановлено законом (${categoryBenefitsLaw(classifier, c)}), тому звернення розглядається першочергово (ст. 20 ч. 3 Закону «Про звернення громадян»)`);
  }
  if (controlledByHigher) priorityReasons.push('контрольне звернення органу влади вищого рівня (003 §104)');
  const mayorReasons: string[] = [];
  if (firstCategories.length) mayorReasons.push(`автор — ${firstCategories.map((c) => categoryTitle(classifier, c)).join(', ')} (§108, відповідь за підписом міського голови §131)`);
  if (card.forwardedBy.body === 'higher-authority') mayorReasons.push('надійшло з органу влади вищого рівня (§108)');
  if (card.type === 'complaint' && card.complaintAgainst?.localSelfGovernment) mayorReasons.push('оскаржуються дії чи рішення органу місцевого самоврядування або посадової особи (§108)');
  if (recurrence === 'repeat') mayorReasons.push('повторне звернення (§108)');
  const reviewBy = ctx.addWorkingDays(card.receivedOn, ROUTE_TERM_WORKING_DAYS);
  const first = priority === 'first' ? `Першочерговий розгляд: ${priorityReasons.join('; ')}. ` : '';
  const basisFirst =
    (firstCategories.length || controlledByHigher ? `${BASIS.priority}; ` : '') + (benefitCategories.length ? `${BASIS.priorityBenefits}; ` : '');
  let routeTo: RouteTo;
  let decision: AppealIntakeDecision;
  if (mayorReasons.length) {
    routeTo = 'mayor';
    decision = { decision: 'route', rule: 'routing', basis: basisFirst + BASIS.routeMayor, reasonUk: `${first}Розглядає міський голова особисто: ${mayorReasons.join('; ')}` };
  } else if (HOTLINE_BODIES.has(card.forwardedBy.body) || card.channel === 'hotline-1545' || card.channel === 'oblast-contact-centre') {
    routeTo = 'business-manager';
    decision = { decision: 'route', rule: 'routing', basis: basisFirst + BASIS.routeHotline, reasonUk: `${first}Звернення з урядової «гарячої лінії» / контактного центру: розглядає керуючий справами протягом одного робочого дня; відповідь — як органам вищого рівня` };
  } else {
    routeTo = 'by-distribution-of-duties';
    decision = { decision: 'route', rule: 'routing', basis: basisFirst + BASIS.route, reasonUk: `${first}Передати секретарю ради, заступникам міського голови чи керуючому справами згідно з розподілом обов’язків` };
  }
  decision.details = { routeTo, priority, reviewBy, mayorReasons, priorityReasons, benefitCategories };
  return { routeTo, priority, decision };
}

/** 003 §112: the appeals under mandatory control, with why; null when none applies. */
export function mandatoryControl(card: AppealCard, form: AppealForm, recurrence: Recurrence, classifier: AppealClassifier): AppealIntakeDecision | null {
  const reasons: string[] = [];
  if (card.forwardedBy.underControl) reasons.push('про результати розгляду просить повідомити орган влади вищого рівня');
  const controlled = categories(card).filter((c) => categoryTreatment(classifier, c) !== 'none');
  if (controlled.length) reasons.push(`автор — ${controlled.map((c) => categoryTitle(classifier, c)).join(', ')}`);
  if (card.type === 'complaint' && card.complaintAgainst?.localSelfGovernment) reasons.push('скарга на дії чи рішення органу місцевого самоврядування або посадової особи');
  if (recurrence === 'repeat') reasons.push('повторне звернення');
  if (form === 'collective') reasons.push('колективне звернення');
  if (!reasons.length) return null;
  return {
    decision: 'mandatory-control',
    rule: 'control',
    basis: BASIS.mandatoryControl,
    reasonUk: `Обов’язковий контроль: ${reasons.join('; ')}`,
    details: { reasons },
  };
}

/** 003 §104, Law art. 20 ч. 3: the order of preliminary review — priority first, then by receipt. */
export function reviewOrder<T extends { card: AppealCard; priority: 'first' | 'normal' }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      (a.priority === 'first' ? 0 : 1) - (b.priority === 'first' ? 0 : 1) ||
      a.card.receivedOn.localeCompare(b.card.receivedOn) ||
      a.card.id.localeCompare(b.card.id),
  );
}
