/**
 * Documents the general department does not register (003 §157, "Не підлягають реєстрації"):
 * they are accepted, kept and marked not registered with the reason, never dropped.
 * The key is the submission's `subtype`.
 */
export interface Exemption {
  code: string;
  message: string;
  messageUk: string;
  basis: string;
}

const BASIS = '003 §157 (Положення про діловодство виконкому: документи, що не підлягають реєстрації)';

const EXEMPT_SUBTYPES: Record<string, { message: string; messageUk: string }> = {
  'copy-for-information': { message: 'copy of a letter sent for information', messageUk: 'копія листа, що надійшла до відома' },
  schedule: { message: 'schedule, work order or allocation', messageUk: 'графік, наряд, рознарядка' },
  'summary-for-information': { message: 'summary or information sent for information', messageUk: 'зведення та інформація, надіслані до відома' },
  'curriculum-copy': { message: 'copy of a curriculum or programme', messageUk: 'навчальний план, програма (копія)' },
  advertisement: { message: 'advertisement, poster or meeting programme', messageUk: 'рекламне повідомлення, плакат, програма наради чи конференції' },
  'price-list-copy': { message: 'copy of a price list', messageUk: 'прейскурант (копія)' },
  greeting: { message: 'greeting letter', messageUk: 'вітальний лист' },
  invitation: { message: 'invitation', messageUk: 'запрошення' },
  'printed-publication': { message: 'printed publication (book, journal, bulletin)', messageUk: 'друковане видання (книга, журнал, бюлетень)' },
  'periodic-report': { message: 'monthly, quarterly or half-year report', messageUk: 'місячний, квартальний, піврічний звіт' },
  'statistical-form': { message: 'statistical reporting form', messageUk: 'форма статистичної звітності' },
};

export const EXEMPT_SUBTYPE_NAMES = Object.keys(EXEMPT_SUBTYPES);

/** The exemption for this subtype, or undefined when the document must be registered. */
export function exemptionFor(subtype: string | undefined): Exemption | undefined {
  if (!subtype) return undefined;
  const found = EXEMPT_SUBTYPES[subtype];
  if (!found) return undefined;
  return {
    code: 'NOT_REGISTRABLE',
    message: `Not registered: ${found.message}`,
    messageUk: `Не підлягає реєстрації: ${found.messageUk}`,
    basis: BASIS,
  };
}
