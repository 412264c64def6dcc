/**
 * The rules an e-petition's transitions rest on, as staff read them in its history. «Закон» is the
 * Law of Ukraine «Про звернення громадян»; «003» the executive committee's regulation (seeds/003);
 * «000», «002» the appeals department's reports in seeds. The threshold and the period of
 * collection of a local petition are set by the community's statute (art. 23-1 part 1).
 */
import { BASIS as APPEAL_BASIS } from '../appeals';

export const PETITION_RULES = {
  published: {
    rule: 'petition-collecting',
    basis: 'Закон «Про звернення громадян», ст. 23-1: збір підписів на підтримку електронної петиції; кількість підписів і строк збору визначає статут територіальної громади',
  },
  thresholdReached: {
    rule: 'petition-threshold-reached',
    basis: 'Закон «Про звернення громадян», ст. 23-1: петиція, що в установлений строк набрала необхідну кількість підписів, розглядається невідкладно, але не пізніше 10 робочих днів з дня оприлюднення інформації про початок її розгляду',
  },
  belowThreshold: {
    rule: 'petition-below-threshold',
    basis: `${APPEAL_BASIS.ePetitionBelowThreshold}; ${APPEAL_BASIS.collective}`,
  },
  considerationStarted: {
    rule: 'petition-consideration-started',
    basis: 'Закон «Про звернення громадян», ст. 23-1 (10 робочих днів з дня оприлюднення інформації про початок розгляду); резолюція ставить документ на контроль (003 §157-158)',
  },
  appealConsiderationStarted: {
    rule: 'petition-consideration-started',
    basis: 'Закон «Про звернення громадян», ст. 20 (не більше одного місяця від дня надходження); 003 §113: розглядається як колективне звернення',
  },
  answered: {
    rule: 'petition-answered',
    basis: 'Закон «Про звернення громадян», ст. 23-1: відповідь на електронну петицію оприлюднюється на платформі, де її розміщено',
  },
  appealAnswered: {
    rule: 'petition-answered',
    basis: '003 §132, §134: відповідь на колективне звернення надсилається тому, хто підписався першим (автору петиції); Закон «Про звернення громадян», ст. 23-1',
  },
} as const;
