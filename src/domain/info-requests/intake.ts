/**
 * Intake of a public-information request. It is registered beside citizens' appeals (the same
 * desk, the same `appeal.intake-decided` record), but it is not an appeal: it follows the Law
 * «Про доступ до публічної інформації» № 2939-VI — ст. 19 ч. 5 for what it must contain, ст. 20 for
 * its term, ст. 22 for a refusal — and not ст. 5 and 8 of the Law «Про звернення громадян». So a
 * request with a name and an e-mail is never «анонімне, розгляду не підлягає»; one lacking what
 * ст. 19 ч. 5 asks is still registered and answered in its term, where the holder may refuse it
 * (ст. 22 ч. 1 п. 4). No repeat («П»), priority or mandatory-control rules of the appeals law.
 */
import type { AppealCard, AppealIntake, AppealIntakeDecision } from '../../schemas';
import { INFO_LAW } from './errors';
import { checkRequirements, MISSING_UK, REQUIREMENTS_BASIS, type RequestDocument, type RequesterContacts } from './request';

export function infoRequestIntake(doc: RequestDocument & { correspondent: RequesterContacts }, card: Pick<AppealCard, 'form' | 'applicants'>): AppealIntake {
  const req = checkRequirements(doc, doc.correspondent);
  const decisions: AppealIntakeDecision[] = [];
  if (req.met) {
    decisions.push({
      decision: 'complete',
      rule: 'completeness',
      basis: `${REQUIREMENTS_BASIS}; ст. 5, 8 Закону «Про звернення громадян» до запиту на інформацію не застосовуються`,
      reasonUk:
        'Запит на інформацію відповідає вимогам ч. 5 ст. 19 Закону «Про доступ до публічної інформації»: зазначено ім’я (найменування) запитувача, ' +
        'адресу чи інший засіб зв’язку та опис запитуваної інформації',
      details: { law: '2939-VI', requirements: req },
    });
  }
  const shortOf = req.met
    ? ''
    : `. Не зазначено ${req.missing.map((m) => MISSING_UK[m]).join(', ')} (ч. 5 ст. 19): розпорядник може відмовити в задоволенні запиту (п. 4 ч. 1 ст. 22), ` +
      'відповівши у строк, встановлений ст. 20; як анонімне звернення запит не розглядається';
  decisions.push({
    decision: 'route',
    rule: 'routing',
    basis: `${INFO_LAW}, ст. 19, 20 ч. 1, 22 ч. 1 п. 4`,
    reasonUk:
      'Запит на публічну інформацію розглядається за Законом «Про доступ до публічної інформації» (ст. 19–22), а не як звернення громадян; ' +
      `відповідь надається у строк, встановлений ст. 20 (5 робочих днів, 48 годин для термінового)${shortOf}`,
    details: { law: '2939-VI', requirements: req },
  });
  return {
    status: 'accepted',
    recurrence: 'primary',
    mark: null,
    linkedTo: null,
    needsReview: false,
    form: card.form === 'collective' ? 'collective' : 'individual',
    routeTo: 'by-distribution-of-duties',
    priority: 'normal',
    mandatoryControl: false,
    answerTo: card.applicants.length ? 0 : null,
    counted: { appeals: 1, citizens: card.applicants.length },
    decisions,
  };
}
