/**
 * Authentication and authorisation errors: 401 when nobody (or nobody valid) is signed in, 403
 * when the caller lacks a permission. Stable codes, both languages; never a hint of which part of
 * a secret was wrong.
 */
import { errorFamily } from '../errors';

const SPECS = {
  AUTHENTICATION_REQUIRED: {
    status: 401,
    message: 'Sign in first: send Authorization: Bearer with an API token or an identity provider token',
    messageUk: 'Потрібна автентифікація: надішліть Authorization: Bearer з API-токеном або токеном провайдера ідентифікації',
  },
  TOKEN_INVALID: { status: 401, message: 'The token is not valid', messageUk: 'Токен недійсний' },
  TOKEN_MALFORMED: { status: 401, message: 'The token cannot be read', messageUk: 'Токен не вдається прочитати' },
  TOKEN_EXPIRED: { status: 401, message: 'The token has expired', messageUk: 'Строк дії токена минув' },
  TOKEN_REVOKED: { status: 401, message: 'The token has been revoked', messageUk: 'Токен відкликано' },
  TOKEN_NOT_YET_VALID: { status: 401, message: 'The token is not valid yet', messageUk: 'Токен ще не набув чинності' },
  TOKEN_ISSUER_INVALID: { status: 401, message: 'The token was issued by another identity provider', messageUk: 'Токен видано іншим провайдером ідентифікації' },
  TOKEN_AUDIENCE_INVALID: { status: 401, message: 'The token is meant for another service', messageUk: 'Токен призначено для іншого сервісу' },
  TOKEN_ALGORITHM_NOT_ALLOWED: {
    status: 401,
    message: 'The token is signed with an algorithm the hub does not accept',
    messageUk: 'Токен підписано алгоритмом, який хаб не приймає',
  },
  TOKEN_KEY_UNKNOWN: {
    status: 401,
    message: 'The token is signed with a key the identity provider does not publish',
    messageUk: 'Токен підписано ключем, якого провайдер ідентифікації не публікує',
  },
  TOKEN_SIGNATURE_INVALID: { status: 401, message: 'The token signature does not verify', messageUk: 'Підпис токена не підтверджено' },
  TOKEN_CLAIMS_INVALID: {
    status: 401,
    message: 'The token lacks a claim the hub needs (the staff id)',
    messageUk: 'У токені немає потрібного твердження (ідентифікатора працівника)',
  },
  OIDC_NOT_CONFIGURED: {
    status: 401,
    message: 'No identity provider is configured (OIDC_ISSUER): only API tokens are accepted',
    messageUk: 'Провайдер ідентифікації не налаштовано (OIDC_ISSUER): приймаються лише API-токени',
  },
  IDENTITY_PROVIDER_UNAVAILABLE: {
    status: 503,
    message: 'The identity provider’s keys cannot be fetched; try again later',
    messageUk: 'Не вдається отримати ключі провайдера ідентифікації; спробуйте пізніше',
  },
  PERMISSION_DENIED: {
    status: 403,
    message: 'Your roles do not allow this',
    messageUk: 'Ваші ролі цього не дозволяють',
  },
  NOT_A_STAND_IN: {
    status: 403,
    message: 'The staff directory does not name you as standing in for that official on this day (003 §118, §174, §196)',
    messageUk: 'Довідник працівників не визначає вас особою, яка заміщує цю посадову особу в цей день (003 §118, §174, §196)',
  },
  ON_BEHALF_OF_NOT_ALLOWED: {
    status: 403,
    message: 'This token may not act on behalf of that person',
    messageUk: 'Цей токен не має права діяти від імені цієї особи',
  },
  SOURCE_NOT_ALLOWED: {
    status: 403,
    message: 'The caller may not submit for this source',
    messageUk: 'Відправник не має права подавати документи від цього джерела',
  },
  NOT_IN_SCOPE: {
    status: 403,
    message: 'This document is not among those given to you',
    messageUk: 'Цей документ не належить до переданих вам',
  },
  STAFF_UNKNOWN: {
    status: 422,
    message: 'Not in the staff directory: executors, controllers and authors are staff ids',
    messageUk: 'Немає в довіднику працівників: виконавці, контролери та автори резолюцій зазначаються ідентифікаторами працівників',
  },
  STAFF_FILE_INVALID: {
    status: 400,
    message: 'The staff directory file has errors',
    messageUk: 'У файлі довідника працівників є помилки',
  },
  TOKEN_SPEC_INVALID: {
    status: 400,
    message: 'The token cannot be created as asked',
    messageUk: 'Токен неможливо створити з такими параметрами',
  },
} as const;

export type IdentityErrorCode = keyof typeof SPECS;

export const identityError = errorFamily<IdentityErrorCode>(SPECS);

export const IDENTITY_ERROR_CODES = Object.keys(SPECS) as IdentityErrorCode[];
