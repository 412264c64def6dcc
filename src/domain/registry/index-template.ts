/**
 * Registration index from a template. Councils write it differently: `{case}/{number}`
 * (01-12/345) is the default; `{number}/{case}` and prefixes such as `Вх-{number}` are common.
 */
const PLACEHOLDER = /\{(case|number|journal|year|yy)\}/g;

export interface IndexParts {
  case: string;
  number: number;
  journal: string;
  year: number;
}

export function renderIndex(template: string, parts: IndexParts): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    switch (name) {
      case 'case':
        return parts.case;
      case 'number':
        return String(parts.number);
      case 'journal':
        return parts.journal;
      case 'year':
        return String(parts.year);
      default:
        return String(parts.year % 100).padStart(2, '0');
    }
  });
}

/** A template must carry the running number, or two documents would share an index. */
export function checkIndexTemplate(template: string): string | undefined {
  if (!template.includes('{number}')) return 'the index template must contain {number}';
  const unknown = template.replace(PLACEHOLDER, '').match(/\{[^}]*\}/);
  return unknown ? `unknown placeholder ${unknown[0]} in the index template` : undefined;
}
