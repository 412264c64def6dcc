/**
 * Errors of the outgoing side of СЕВ ОВВ (issue 18): what the hub refuses before it registers or
 * sends a document, and the receipts it will not apply. Stable codes, both languages; what exactly
 * is wrong goes in the details.
 */
import { errorFamily } from '../../../src/errors';

const SPECS = {
  SEV_OVV_PARTICIPANTS_FILE_INVALID: {
    status: 400,
    message: 'The file of СЕВ ОВВ participants is not valid',
    messageUk: 'Файл учасників СЕВ ОВВ містить помилки',
  },
  SEV_OVV_UNKNOWN_ADDRESSEE: {
    status: 422,
    message: 'An addressee is not a participant of СЕВ ОВВ (not in the participants directory); nothing was registered or sent',
    messageUk: 'Адресат не є учасником СЕВ ОВВ (його немає в довіднику учасників); нічого не зареєстровано й не надіслано',
  },
  OUTGOING_SIGNATURE_POLICY_FAILED: {
    status: 422,
    message: 'The outgoing document\'s signatures do not meet the policy for outgoing documents; nothing was registered or sent (the verification reports are in the details)',
    messageUk: 'Підписи вихідного документа не відповідають політиці для вихідних документів; нічого не зареєстровано й не надіслано (звіти перевірки — у подробицях)',
  },
  OUTGOING_SIGNATURE_ATTACHMENT_UNKNOWN: {
    status: 400,
    message: 'A signature names an attachment the document does not have',
    messageUk: 'Підпис посилається на файл, якого в документі немає',
  },
  OUTGOING_ATTACHMENT_NAME_REPEATED: {
    status: 400,
    message: 'Two attachments have the same name; a signature could not tell which one it covers',
    messageUk: 'Два файли мають однакову назву; не можна визначити, який із них підписано',
  },
  OUTGOING_ANSWERED_DOCUMENT_UNKNOWN: {
    status: 422,
    message: 'The document this one answers is not on file or is not registered',
    messageUk: 'Документа, на який дається відповідь, немає або його не зареєстровано',
  },
  OUTGOING_CONTROL_CARD_UNKNOWN: {
    status: 422,
    message: 'The control card to execute is not a card of the answered document',
    messageUk: 'Контрольна картка для зняття з контролю не належить документу, на який дається відповідь',
  },
  SEV_OVV_RECEIPT_UNKNOWN_MESSAGE: {
    status: 422,
    message: 'The СЕВ ОВВ receipt acknowledges a message the hub never sent; it is kept, not applied',
    messageUk: 'Квитанція СЕВ ОВВ підтверджує повідомлення, якого хаб не надсилав; її збережено, але не застосовано',
  },
  SEV_OVV_RECEIPT_WRONG_SENDER: {
    status: 422,
    message: 'The СЕВ ОВВ receipt comes from an organisation the acknowledged message was not addressed to; it is kept, not applied',
    messageUk: 'Квитанцію СЕВ ОВВ надіслала організація, якій підтверджене повідомлення не адресувалося; її збережено, але не застосовано',
  },
} as const;

export type OutgoingErrorCode = keyof typeof SPECS;

export const outgoingError = errorFamily<OutgoingErrorCode>(SPECS);
