import { Indication, SubIndication } from './report';

/** What an indication means, for staff and integrators (ETSI EN 319 102-1 §5.1.3). */
export const INDICATION_TEXT: Record<Indication, { en: string; uk: string }> = {
  'TOTAL-PASSED': { en: 'the signature is valid', uk: 'підпис дійсний' },
  'TOTAL-FAILED': { en: 'the signature is not valid', uk: 'підпис недійсний' },
  INDETERMINATE: { en: 'validity could not be established', uk: 'дійсність підпису не вдалося встановити' },
};

/** What a sub-indication means (EN 319 102-1 Table 5, EU DSS wording, shortened). */
export const SUB_INDICATION_TEXT: Record<SubIndication, { en: string; uk: string }> = {
  FORMAT_FAILURE: { en: 'the signature is malformed', uk: 'підпис має неправильний формат' },
  HASH_FAILURE: { en: 'the signed data (or a time-stamp on it) was altered', uk: 'підписані дані (або позначку часу на них) змінено' },
  SIG_CRYPTO_FAILURE: { en: 'the signature value does not verify', uk: 'значення підпису неправильне' },
  REVOKED: { en: 'the signing certificate was revoked before signing', uk: 'сертифікат підписувача скасовано до підписання' },
  EXPIRED: { en: 'the signing certificate had expired when signing', uk: 'строк дії сертифіката підписувача сплив до підписання' },
  NOT_YET_VALID: { en: 'the signature predates its certificate', uk: 'підпис створено раніше, ніж почав діяти сертифікат' },
  SIG_CONSTRAINTS_FAILURE: { en: 'the signature does not meet the signature policy', uk: 'підпис не відповідає політиці підпису' },
  CHAIN_CONSTRAINTS_FAILURE: { en: 'a certificate is not allowed for this use', uk: 'сертифікат не дозволено використовувати для цього' },
  CRYPTO_CONSTRAINTS_FAILURE: { en: 'an algorithm or key size is not allowed', uk: 'алгоритм або довжина ключа не дозволені' },
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: {
    en: 'an algorithm is not supported or no longer sufficient',
    uk: 'алгоритм не підтримується або вже недостатньо надійний',
  },
  SIGNED_DATA_NOT_FOUND: { en: 'the signed document was not supplied', uk: 'підписаний документ не надано' },
  NO_SIGNING_CERTIFICATE_FOUND: {
    en: 'the signing certificate is missing or does not match',
    uk: 'сертифікат підписувача відсутній або не відповідає підпису',
  },
  NO_CERTIFICATE_CHAIN_FOUND: {
    en: 'the certificate does not chain to a trusted provider',
    uk: 'сертифікат не веде до довіреного надавача',
  },
  REVOKED_NO_POE: {
    en: 'the signing certificate is revoked and there is no proof the signature came earlier',
    uk: 'сертифікат підписувача скасовано, а доказу, що підпис створено раніше, немає',
  },
  REVOKED_CA_NO_POE: { en: 'a CA certificate in the chain is revoked', uk: 'сертифікат ЦСК у ланцюжку скасовано' },
  OUT_OF_BOUNDS_NO_POE: {
    en: 'a certificate is outside its validity and there is no time-stamp proving the signature was made in time',
    uk: 'строк дії сертифіката сплив, а позначки часу, що доводить своєчасне підписання, немає',
  },
  TRY_LATER: { en: 'revocation status is not available yet', uk: 'статус сертифіката поки недоступний; повторіть перевірку пізніше' },
};
