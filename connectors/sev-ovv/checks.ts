import { COUNCIL_TIME_ZONE } from '../../src/domain/clock';
import type { XmlElement } from './xml';

/** As every violation the hub reports (src/schemas SchemaViolation): the clerk reads messageUk. */
export interface Violation {
  path: string;
  message: string;
  messageUk: string;
}

/**
 * Collects every departure from the XSD found while reading, each with the XML path of the
 * element or attribute (…/RegNumber/@regdate), so one quarantine entry names all of them.
 */
export class Violations {
  readonly list: Violation[] = [];

  add(path: string, message: string, messageUk: string): void {
    this.list.push({ path, message, messageUk });
  }

  /** A required attribute (use="required"); `nonBlank` where the hub relies on it as an id. */
  required(el: XmlElement, name: string, nonBlank = false): string | undefined {
    const value = el.attrs[name];
    if (value === undefined) this.add(`${el.path}/@${name}`, 'required attribute is missing', 'бракує обовʼязкового атрибута');
    else if (nonBlank && value.trim() === '') this.add(`${el.path}/@${name}`, 'must not be empty', 'не може бути порожнім');
    else return value;
    return undefined;
  }

  oneOf(el: XmlElement, name: string, allowed: readonly string[], required: boolean): string | undefined {
    const value = required ? this.required(el, name) : el.attrs[name];
    if (value === undefined) return undefined;
    const v = value.trim();
    if (!allowed.includes(v)) {
      this.add(`${el.path}/@${name}`, `must be one of ${allowed.join(', ')}, got "${value}"`, `має бути одним із: ${allowed.join(', ')}; отримано «${value}»`);
      return undefined;
    }
    return v;
  }

  integer(el: XmlElement, name: string): number | undefined {
    const value = el.attrs[name];
    if (value === undefined || value.trim() === '') return undefined;
    if (!/^\s*\+?\d{1,9}\s*$/.test(value)) {
      this.add(`${el.path}/@${name}`, `must be a non-negative integer, got "${value}"`, `має бути невідʼємним цілим числом; отримано «${value}»`);
      return undefined;
    }
    return Number(value);
  }

  /** xs:date → YYYY-MM-DD (a time zone suffix, allowed by xs:date, is dropped). */
  date(el: XmlElement, name: string, required = true): string | undefined {
    const value = required ? this.required(el, name) : el.attrs[name];
    if (value === undefined) return undefined;
    const date = parseXsDate(value);
    if (!date) this.add(`${el.path}/@${name}`, `must be a date (YYYY-MM-DD), got "${value}"`, `має бути датою (РРРР-ММ-ДД); отримано «${value}»`);
    return date;
  }

  /** A required child element. */
  child(el: XmlElement, name: string): XmlElement | undefined {
    const found = el.children.find((c) => c.name === name);
    if (!found) this.add(`${el.path}/${name}`, 'required element is missing', 'бракує обовʼязкового елемента');
    return found;
  }

  /** Children that must occur at least once (maxOccurs="unbounded" without minOccurs="0"). */
  some(el: XmlElement, name: string): XmlElement[] {
    const found = el.children.filter((c) => c.name === name);
    if (!found.length) this.add(`${el.path}/${name}`, 'at least one element is required', 'потрібен щонайменше один такий елемент');
    return found;
  }
}

function validCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function parseXsDate(value: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?\s*$/.exec(value);
  if (!m || !validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const kyivWallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: COUNCIL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * xs:dateTime → ISO instant. A value without a zone (allowed by xs:dateTime, seen in SigningTime)
 * is taken as Kyiv wall-clock time: both ends of the exchange are Ukrainian bodies.
 */
export function parseXsDateTime(value: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?\s*$/.exec(value);
  if (!m || !validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return undefined;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}`;
  if (m[8]) return new Date(`${local}${m[8]}`).toISOString();
  const wall = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
  for (const offset of ['+03:00', '+02:00']) {
    const at = new Date(`${local}${offset}`);
    if (kyivWallClock.format(at) === wall) return at.toISOString();
  }
  return new Date(`${local}+02:00`).toISOString();
}
