/** Ukrainian plural forms by Intl.PluralRules('uk'): «1 токен», «2 токени», «5 токенів». */
const rules = new Intl.PluralRules('uk');

export function plural(n: number, forms: { one: string; few: string; many: string }): string {
  const cat = rules.select(n);
  return `${n} ${cat === 'one' ? forms.one : cat === 'few' ? forms.few : forms.many}`;
}
