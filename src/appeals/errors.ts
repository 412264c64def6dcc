/**
 * The errors of the appeals wiring, kept here rather than in src/errors/catalog.ts: each is a
 * HubError with a stable code, both languages and, where a rule is broken, its basis.
 */
import { errorFamily } from '../errors';

const SPECS = {
  APPEAL_CARD_INVALID: {
    status: 400,
    message: 'The appeal card in meta.appeal does not match schemas/appeal-card.schema.json',
    messageUk: 'Картка звернення (meta.appeal) не відповідає схемі appeal-card',
  },
  APPEAL_COMPETENCE_INVALID: {
    status: 400,
    message: 'meta.appealCompetence does not match schemas/appeal-competence.schema.json',
    messageUk: 'Висновок щодо компетенції (meta.appealCompetence) не відповідає схемі',
  },
  INFO_REQUEST_META_INVALID: {
    status: 400,
    message: 'meta.infoRequest does not match schemas/info-request-meta.schema.json',
    messageUk: 'Відомості про запит (meta.infoRequest) не відповідають схемі info-request-meta',
  },
  APPEAL_SUBTYPE_UNKNOWN: {
    status: 400,
    message: 'The subtype is not a kind of appeal: proposal, application or complaint (Law «Про звернення громадян» art. 3), or a subtype not registered (003 §157)',
    messageUk: 'Підтип не є видом звернення: пропозиція (proposal), заява (application) чи скарга (complaint) (ст. 3 Закону «Про звернення громадян») або підтип, що не реєструється (003 §157)',
  },
  APPEAL_RECEIVED_IN_FUTURE: {
    status: 422,
    message: 'receivedAt is later than the hub’s clock: an appeal is registered on the day it is received (003 §102), not before',
    messageUk: 'Дата надходження (receivedAt) пізніша за поточний час хабу: звернення реєструється в день надходження (003 §102), а не наперед',
  },
  APPEAL_CALENDAR_NOT_COVERED: {
    status: 422,
    message: 'The working-day calendar has no data for the appeal’s dates',
    messageUk: 'Календар робочих днів не містить даних на дати звернення',
  },
  APPEAL_NOT_FOUND: {
    status: 404,
    message: 'The document has no appeal card',
    messageUk: 'Документ не має картки звернення',
  },
  APPEAL_ANSWER_INVALID: {
    status: 400,
    message: 'The answer does not match schemas/appeal-answer.schema.json',
    messageUk: 'Відповідь не відповідає схемі appeal-answer',
  },
  APPEAL_REFUSAL_INCOMPLETE: {
    status: 422,
    message: 'A refusal must give the law it rests on, the reasons and how to appeal',
    messageUk: 'Рішення про відмову має містити посилання на законодавство, мотиви відмови та роз’яснення порядку оскарження',
  },
  APPEAL_FORWARD_BODY_MISSING: {
    status: 422,
    message: 'A forwarded appeal must name the body it was forwarded to',
    messageUk: 'Для пересланого звернення потрібно зазначити орган, якому його переслано',
  },
  APPEAL_ANSWER_BEFORE_RECEIPT: {
    status: 422,
    message: 'The answer date is before the appeal was received',
    messageUk: 'Дата відповіді раніша за дату надходження звернення',
  },
  APPEAL_NOT_CONSIDERED: {
    status: 409,
    message: 'An anonymous appeal is not considered, so it takes no answer',
    messageUk: 'Анонімне звернення не розглядається, тому відповідь на нього не надається',
  },
  PERSONAL_DATA_ROLE_REQUIRED: {
    status: 403,
    message: 'This holds an applicant’s personal data: only a caller granted personal data (the appeals officer, or a role with personal-data) may have it',
    messageUk: 'Тут персональні дані заявника: їх може отримати лише той, кому надано доступ до персональних даних (відділ звернень або роль personal-data)',
  },
  APPEAL_RESULT_CONFLICT: {
    status: 409,
    message: 'The appeal already has a different result recorded; correct it first',
    messageUk: 'Для звернення вже зазначено інший результат розгляду; спершу виправте його',
  },
} as const;

export type AppealErrorCode = keyof typeof SPECS;

export const appealError = errorFamily<AppealErrorCode>(SPECS);
