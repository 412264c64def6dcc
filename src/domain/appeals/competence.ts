/**
 * Not within the council's competence (Law «Про звернення громадян» ст. 7 ч. 3; 003 §107):
 * forwarded to the body whose competence it is within five days of receipt, and the applicant is
 * told. The term is the hub's rule «forwarding» (src/domain/terms/rules.ts, what
 * `dilovod term --rule forwarding` computes): the law's 5 calendar days, stricter than the
 * «5 робочих днів» of 003 §107. A complaint is never sent to the body whose actions or decisions
 * it complains about (ст. 7 ч. 5; 003 §107).
 */
import { addDays } from '../clock';
import { plural } from '../plural-uk';
import { DEFAULT_RULES } from '../terms/rules';
import { BASIS } from './bases';
import type { IntakeContext, IntakeTerm } from './intake-rules';
import { foldRaw } from './text';
import type { AppealCard, AppealIntakeDecision } from './types';

/** The clerk's finding at preliminary review (003 §103: «компетенцію органу, який повинен розглянути звернення»). */
export type CompetenceAssessment =
  | { withinCompetence: true }
  | { withinCompetence: false; competentBody: { code: string; name: string } };

/** The term rule intake forwards by (src/domain/terms/rules.ts). */
export const FORWARD_TERM_RULE = 'forwarding';

/** The rule's default (Law art. 7 ч. 3: «в термін не більше п'яти днів»): 5 calendar days. */
const DEFAULT_FORWARDING = DEFAULT_RULES.find((r) => r.id === FORWARD_TERM_RULE)!;

/** The last day to forward: the hub's rule on the council's calendar, or the default rule counted as is. */
export function forwardingTerm(receivedOn: string, ctx: IntakeContext): IntakeTerm {
  if (ctx.termOf) return ctx.termOf(FORWARD_TERM_RULE, receivedOn);
  const { amount, unit, basis } = DEFAULT_FORWARDING;
  const term = unit === 'working-days' ? ctx.addWorkingDays(receivedOn, amount) : addDays(receivedOn, amount);
  return { term, basis, amount, unit };
}

function sameBody(card: AppealCard, body: { code: string; name: string }): boolean {
  const against = card.complaintAgainst;
  if (!against) return false;
  if (against.bodyCode && against.bodyCode === body.code) return true;
  return foldRaw(against.name) === foldRaw(body.name);
}

export function checkCompetence(card: AppealCard, assessment: CompetenceAssessment | undefined, ctx: IntakeContext): AppealIntakeDecision {
  if (!assessment || assessment.withinCompetence) {
    return { decision: 'within-competence', rule: 'competence', basis: BASIS.withinCompetence, reasonUk: 'Питання належить до повноважень міської ради' };
  }
  const body = assessment.competentBody;
  if (card.type === 'complaint' && sameBody(card, body)) {
    return {
      decision: 'forwarding-forbidden',
      rule: 'competence',
      basis: BASIS.forwardingForbidden,
      reasonUk: `Скаргу не можна направляти органу, дії чи рішення якого оскаржуються (${body.name}): розглядається радою або направляється органу вищого рівня`,
      details: { competentBody: body, complaintAgainst: card.complaintAgainst },
    };
  }
  const t = forwardingTerm(card.receivedOn, ctx);
  const days =
    t.unit === 'working-days' ? plural(t.amount, { one: 'робочий день', few: 'робочі дні', many: 'робочих днів' })
    : t.unit === 'months' ? plural(t.amount, { one: 'місяць', few: 'місяці', many: 'місяців' })
    : t.unit === 'hours' ? plural(t.amount, { one: 'година', few: 'години', many: 'годин' })
    : plural(t.amount, { one: 'день', few: 'дні', many: 'днів' });
  return {
    decision: 'forward',
    rule: 'competence',
    basis: BASIS.forward,
    reasonUk: `Переслати за належністю до «${body.name}» не пізніше ${t.term} (${days} з дня надходження ${card.receivedOn}: ст. 7 ч. 3 Закону «Про звернення громадян», правило «${FORWARD_TERM_RULE}»; 003 §107) і повідомити заявника; рішення приймає посадова особа згідно з розподілом обов’язків`,
    details: { competentBody: body, forwardBy: t.term, termRule: FORWARD_TERM_RULE, termAmount: t.amount, termUnit: t.unit, termBasis: t.basis, informApplicant: true },
  };
}
