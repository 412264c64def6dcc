/** A control rule was broken: the action is refused with the rule it broke. */
export class ControlRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageUk: string,
    readonly basis: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ControlRuleError';
  }
}

export const CONTROL_ERRORS = {
  NOT_UNDER_CONTROL: ['The item is not under control', 'Документ не перебуває на контролі', '003 §118'],
  NOT_AN_EXECUTOR: ['Only an executor named in the resolution may do this', 'Це може зробити лише виконавець, зазначений у резолюції', '003 §157-158'],
  EXTENSION_TOO_LATE: [
    'An extension must be asked at least 3 working days before the term',
    'Продовження строку потрібно просити не пізніше ніж за 3 робочі дні до його закінчення',
    '003 §158',
  ],
  EXTENSION_NOT_LATER: ['The new term must be later than the current one', 'Новий строк має бути пізнішим за чинний', '003 §158'],
  EXTENSION_BEYOND_CAP: [
    'An appeal cannot be kept beyond 45 days in total',
    'Загальний строк розгляду звернення не може перевищувати 45 днів',
    'Закон «Про звернення громадян», ст. 20; 003 §113',
  ],
  INFO_REQUEST_EXTENSION_BEYOND_CAP: [
    'A public-information request cannot be kept beyond 20 working days from receipt',
    'Строк розгляду запиту на інформацію не може перевищувати 20 робочих днів з дня його отримання',
    'Закон «Про доступ до публічної інформації», ст. 20 ч. 4',
  ],
  INFO_REQUEST_URGENT_NOT_EXTENDABLE: [
    'An urgent public-information request is answered within 48 hours; its term is not extended',
    'На терміновий запит на інформацію відповідь надається протягом 48 годин; строк не продовжується',
    'Закон «Про доступ до публічної інформації», ст. 20 ч. 2, 4',
  ],
  EXTENSION_PENDING: ['An extension request is already waiting for a decision', 'Запит на продовження строку вже очікує рішення', '003 §158'],
  NO_EXTENSION_REQUEST: ['There is no extension request to decide', 'Немає запиту на продовження строку', '003 §158'],
  EXTENSION_NOT_BY_TERM_SETTER: [
    'Only the official who set the term may extend it',
    'Продовжити строк може лише посадова особа, яка його встановила',
    '003 §158',
  ],
  ANSWER_REQUIRED: [
    'An item is executed only when the correspondent has an answer on the merits',
    'Документ виконано лише тоді, коли кореспондентові надано відповідь по суті',
    '003 §160',
  ],
  RELEASE_WITHOUT_ANSWER: [
    'An item cannot be released from control before it is executed with an answer',
    'Зняти з контролю можна лише виконаний документ із відповіддю по суті',
    '003 §118, §160',
  ],
  RELEASE_NOT_BY_CONTROLLER: [
    'Only the official who put the item under control, or one standing in for them, may release it',
    'Зняти з контролю може лише посадова особа, яка поставила документ на контроль, або особа, що її заміщує',
    '003 §118, §174, §196',
  ],
  NO_EXECUTORS: ['A resolution names at least one executor', 'Резолюція має містити хоча б одного виконавця', '003 §157'],
  TERM_BEFORE_RESOLUTION: ['The term cannot be before the resolution date', 'Строк виконання не може передувати даті резолюції', '003 §157'],
  RESOLUTION_BEFORE_REGISTRATION: [
    'A resolution cannot be dated before the document was registered: it is made on the registered document and names its index and date',
    'Дата резолюції не може передувати даті реєстрації документа: резолюцію накладають на зареєстрований документ із зазначенням його реєстраційного індексу і дати (003 п. 157)',
    '003 §157 (резолюція оформлюється із зазначенням реєстраційного індексу і дати документа); §101, §114 (звернення — після реєстрації)',
  ],
  APPEAL_TERM_BEYOND_CAP: [
    "An appeal cannot be given a term beyond 45 days from its receipt, by a resolution either (Law on citizens' appeals, art. 20)",
    'Строк розгляду звернення, зокрема встановлений резолюцією, не може перевищувати 45 днів з дня його надходження (Закон «Про звернення громадян», ст. 20)',
    'Закон «Про звернення громадян», ст. 20 ч. 1; 003 §113',
  ],
  // 003 п. 158: «Строк виконання документа може бути змінений лише за вказівкою посадової особи, яка
  // його встановила»; п. 172: контрольні документи вищих органів «виконуються суворо в визначені терміни».
  RESOLUTION_BEYOND_SENDER_TERM: [
    'The sender put this task under control with its own term: a resolution may set an earlier term, never a later one (that would extend the sender\'s term, which only the sender may do)',
    'Завдання взято на контроль відправником з його строком: резолюція може встановити раніший строк, але не пізніший — це було б продовженням строку відправника, а змінити його може лише відправник, який його встановив (003 пп. 158, 172)',
    '003 §158 (строк змінює лише той, хто його встановив), §166 (строк, визначений самим документом), §172 (контрольні документи виконуються суворо у визначені терміни)',
  ],
  EXTENSION_BEYOND_SENDER_TERM: [
    'The term set by the sender of a controlled task is not extended in the council: ask the sender, who set it',
    'Строк, установлений відправником у контрольному завданні, у виконкомі не продовжується: про неможливість виконати в строк інформують керівника, а змінити строк може лише відправник, який його встановив (003 пп. 158, 172)',
    '003 §158 (строк змінює лише той, хто його встановив), §172 (контрольні документи виконуються суворо у визначені терміни; про неможливість — терміново інформують керівника)',
  ],
  NOT_RESPONSIBLE_EXECUTOR: [
    'Only the responsible executor, named first in the resolution, executes the item and answers; co-executors hand their part over to them (003 §80, §159)',
    'Виконати документ і надати відповідь по суті може лише відповідальний виконавець — зазначений у резолюції першим; співвиконавці передають йому свої матеріали для узагальнення (003 пп. 80, 159)',
    '003 §80, §111 (звернення: відповідь готує виконавець, вказаний у резолюції першим), §157, §159 (співвиконавці надають інформацію відповідальному виконавцю)',
  ],
} as const;

export type ControlErrorCode = keyof typeof CONTROL_ERRORS;

export function controlError(code: ControlErrorCode, details?: Record<string, unknown>): ControlRuleError {
  const [message, messageUk, basis] = CONTROL_ERRORS[code];
  return new ControlRuleError(code, message, messageUk, basis, details);
}
