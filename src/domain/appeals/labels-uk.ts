/** What staff read: the Ukrainian names of the card's values, as the department's reports word them. */
import type { AppealChannel, AppealForm, AppealResult, AppealType, Recurrence, ReportSource } from './types';

export const CHANNEL_UK: Record<AppealChannel, string> = {
  post: 'поштою',
  'personal-reception': 'на особистому прийомі',
  'mobile-reception': 'на виїзному прийомі',
  'direct-line': 'на «пряму телефонну лінію»',
  'trust-phone': 'на «телефон довіри»',
  'hotline-1545': 'через урядову телефонну «гарячу лінію» (1545)',
  'oblast-contact-centre': 'через обласний контактний центр',
  'city-contact-centre': 'через міський контакт-центр',
  electronic: 'електронні звернення',
  'e-petition': 'електронні петиції, розглянуті як звернення',
};

export const SOURCE_UK: Record<ReportSource, string> = {
  local: 'місцевих',
  'city-executive': 'з виконкому міської ради',
  prosecutor: 'з прокуратури',
  'higher-authority': 'від органів влади вищого рівня (у т. ч. «гарячі лінії»)',
  'city-contact-centre': 'від міського контакт-центру',
  mp: 'від народних депутатів',
  other: 'від інших органів, установ, організацій',
};

export const TYPE_UK: Record<AppealType, string> = {
  proposal: 'пропозиція (зауваження)',
  application: 'заява (клопотання)',
  complaint: 'скарга',
};

export const FORM_UK: Record<AppealForm, string> = {
  individual: 'індивідуальне',
  collective: 'колективне',
  anonymous: 'анонімне',
};

export const RECURRENCE_UK: Record<Recurrence, string> = {
  primary: 'первинне',
  repeat: 'повторне',
  duplicate: 'дублетне',
  resubmitted: 'неодноразове',
};

export const RESULT_UK: Record<AppealResult, string> = {
  'resolved-positively': 'вирішено позитивно',
  explained: 'надано роз’яснення',
  refused: 'відмовлено у задоволенні',
  forwarded: 'переслано за належністю',
  'on-control': 'залишаються на контролі',
};
