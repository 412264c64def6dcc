/**
 * Ukrainian plural forms by Intl.PluralRules('uk'), the one place the hub picks them (CLI
 * summaries, schema violations, term lengths): «1 справу», «2 справи», «5 справ», «21 справу».
 * The caller gives the forms its sentence governs (accusative after «імпортовано», genitive after
 * «не більше»): the rules pick the category, the words stay the caller's.
 */
const rules = new Intl.PluralRules('uk');

export interface UkForms {
  /** 1, 21, 101…: «справу» */
  one: string;
  /** 2–4, 22–24…: «справи» */
  few: string;
  /** 0, 5–20, 25–30…: «справ» */
  many: string;
  /** Fractions («1,5 …» takes the genitive singular); the few form unless given. */
  other?: string;
}

/** The word alone: pluralForm(3, { one: 'справу', few: 'справи', many: 'справ' }) → «справи». */
export function pluralForm(n: number, forms: UkForms): string {
  switch (rules.select(n)) {
    case 'one': return forms.one;
    case 'few': return forms.few;
    case 'many': return forms.many;
    default: return forms.other ?? forms.few;
  }
}

/** The number and its word: plural(21, { one: 'справу', few: 'справи', many: 'справ' }) → «21 справу». */
export function plural(n: number, forms: UkForms): string {
  return `${n} ${pluralForm(n, forms)}`;
}
