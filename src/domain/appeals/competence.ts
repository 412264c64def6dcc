/**
 * Not within the council's competence (003 §107; Law art. 7): forwarded to the body whose
 * competence it is within five working days of receipt, and the applicant is told. A complaint
 * is never sent to the body whose actions or decisions it complains about.
 */
import { BASIS } from './bases';
import type { IntakeContext } from './intake-rules';
import { foldRaw } from './text';
import type { AppealCard, AppealIntakeDecision } from './types';

/** The clerk's finding at preliminary review (003 §103: «компетенцію органу, який повинен розглянути звернення»). */
export type CompetenceAssessment =
  | { withinCompetence: true }
  | { withinCompetence: false; competentBody: { code: string; name: string } };

/** 003 §107: «не більше 5 робочих днів з дня надходження». */
export const FORWARD_TERM_WORKING_DAYS = 5;

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
  const forwardBy = ctx.addWorkingDays(card.receivedOn, FORWARD_TERM_WORKING_DAYS);
  return {
    decision: 'forward',
    rule: 'competence',
    basis: BASIS.forward,
    reasonUk: `Переслати за належністю до «${body.name}» не пізніше ${forwardBy} і повідомити заявника; рішення приймає посадова особа згідно з розподілом обов’язків`,
    details: { competentBody: body, forwardBy, termWorkingDays: FORWARD_TERM_WORKING_DAYS, informApplicant: true },
  };
}
