import { ParsedCertificate, validAt } from '../x509/certificate';
import { ParsedCrl } from '../x509/crl';
import { iso } from './check';
import { statusFromCrls } from './revocation';
import { RevocationPolicy } from './signer-context';

export interface Note {
  en: string;
  uk: string;
}

export interface ValidityOutcome extends Note {
  status: 'valid' | 'out-of-bounds' | 'not-yet-valid';
}

/**
 * Validity of every certificate of the path at the best signature time (RFC 5280 §6.1.3 (a)(2),
 * EN 319 102-1 §5.2.6). Before notBefore with a proof of existence is NOT_YET_VALID (the signature
 * provably predates the certificate); any other miss is OUT_OF_BOUNDS_NO_POE.
 */
export function checkValidity(path: ParsedCertificate[], time: Date, hasPoe: boolean): ValidityOutcome {
  for (const cert of path) {
    if (validAt(cert, time)) continue;
    const period = `${iso(cert.notBefore)} – ${iso(cert.notAfter)}`;
    const early = time.getTime() < cert.notBefore.getTime();
    return {
      status: early && hasPoe ? 'not-yet-valid' : 'out-of-bounds',
      en: `"${cert.subject.text}" was not valid at ${iso(time)} (valid ${period})${hasPoe ? '' : '; there is no proof the signature existed while it was'}`,
      uk: `сертифікат «${cert.subject.text}» не був чинним на ${iso(time)} (строк дії ${period})${hasPoe ? '' : '; немає доказу, що підпис існував у строк дії'}`,
    };
  }
  return {
    status: 'valid',
    en: `all ${path.length} certificate(s) were valid at ${iso(time)}`,
    uk: `усі сертифікати (${path.length}) були чинними на ${iso(time)}`,
  };
}

export interface RevocationOutcome extends Note {
  status: 'good' | 'not-checked' | 'revoked' | 'revoked-no-poe' | 'revoked-ca' | 'try-later';
}

/**
 * Revocation of each certificate below the trust anchor, from CRLs (RFC 5280 §6.3). A revoked signing
 * certificate is TOTAL-FAILED/REVOKED when the claimed signing time is not before the revocation
 * (EN 319 102-1 §5.3.4 step 4), else INDETERMINATE/REVOKED_NO_POE; a revoked CA is REVOKED_CA_NO_POE.
 */
export function checkRevocation(
  path: ParsedCertificate[],
  /** Per link: the CRLs applicable to path[i] as issued by path[i + 1] (revocation.ts applicableCrls). */
  linkCrls: readonly (readonly ParsedCrl[])[],
  time: Date,
  claimedSigningTime: Date | undefined,
  policy: RevocationPolicy,
): RevocationOutcome {
  /** Indices in `path` of the certificates without a CRL. */
  const unchecked: number[] = [];
  let deltaOnly = false;
  const good: string[] = [];
  // every certificate below the last one (the trust anchor that ends the path)
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i] as ParsedCertificate;
    const crls = linkCrls[i];
    if (!crls) throw new Error(`checkRevocation: no CRL list for link ${i} of the path`);
    const status = statusFromCrls(cert, crls, time);
    const who = `"${cert.subject.text}"`;
    const whoUk = `«${cert.subject.text}»`;
    switch (status.kind) {
      case 'revoked': {
        const reason = status.reason ? ` (${status.reason})` : '';
        const en = `${who} was revoked on ${iso(status.revocationDate)}${reason}`;
        const uk = `сертифікат ${whoUk} скасовано ${iso(status.revocationDate)}${reason}`;
        if (i > 0) return { status: 'revoked-ca', en, uk };
        const proven = claimedSigningTime && claimedSigningTime.getTime() >= status.revocationDate.getTime();
        return proven
          ? { status: 'revoked', en: `${en}, not after the claimed signing time`, uk: `${uk}, не пізніше заявленого часу підписання` }
          : {
              status: 'revoked-no-poe',
              en: `${en}; no proof the signature existed before`,
              uk: `${uk}; немає доказу, що підпис існував раніше`,
            };
      }
      case 'stale':
        return {
          status: 'try-later',
          en: `the newest CRL for ${who} expired on ${iso(status.nextUpdate)}; a fresh CRL is needed`,
          uk: `строк дії останнього СВС для ${whoUk} сплив ${iso(status.nextUpdate)}; потрібен новіший СВС`,
        };
      case 'unknown':
        if (policy === 'require') {
          return {
            status: 'try-later',
            en: `no ${status.deltaOnly ? 'full ' : ''}CRL for ${who}; revocation status unknown`,
            uk: `немає ${status.deltaOnly ? 'повного ' : ''}СВС для ${whoUk}; статус сертифіката невідомий`,
          };
        }
        unchecked.push(i);
        deltaOnly ||= status.deltaOnly;
        break;
      case 'revoked-later':
      case 'good':
        good.push(cert.subject.text);
        break;
    }
  }
  if (unchecked.length) return { status: 'not-checked', ...notCheckedNote(path, unchecked, deltaOnly) };
  if (!good.length) {
    return {
      status: 'good',
      en: 'the signing certificate is itself a trust anchor; nothing to check',
      uk: 'сертифікат підписувача сам є довіреним; перевіряти нічого',
    };
  }
  return {
    status: 'good',
    en: `not revoked at ${iso(time)} according to the CRLs`,
    uk: `не скасовано на ${iso(time)} згідно зі списками відкликаних сертифікатів`,
  };
}

/**
 * The note for certificates without a CRL. Its lists of names were a thirtieth of a verification of
 * a signature whose CAs publish no CRL (issue 16): the text for the same path (a cached chain's is
 * the same array every time) and the same certificates is written once. Only the wording is kept:
 * which certificates lack a CRL is found at every verification, at its own time.
 */
function notCheckedNote(path: ParsedCertificate[], unchecked: number[], deltaOnly: boolean): Note {
  let key = deltaOnly ? 1 : 0;
  for (const i of unchecked) key += 2 ** (i + 1);
  const keep = unchecked.length < 30;
  let notes = notCheckedNotes.get(path);
  const known = keep ? notes?.get(key) : undefined;
  if (known) return known;
  const names = unchecked.map((i) => (path[i] as ParsedCertificate).subject.text);
  const note = {
    en: `no ${deltaOnly ? 'full (only a delta) ' : ''}CRL available for ${names.map((s) => `"${s}"`).join(', ')}; revocation not checked`,
    uk: `немає ${deltaOnly ? 'повного (лише частковий) ' : ''}списку відкликаних сертифікатів для ${names.map((s) => `«${s}»`).join(', ')}; статус не перевірено`,
  };
  if (keep) {
    if (!notes) notCheckedNotes.set(path, (notes = new Map()));
    notes.set(key, note);
  }
  return note;
}

const notCheckedNotes = new WeakMap<ParsedCertificate[], Map<number, Note>>();

export interface KeyUsageOutcome extends Note {
  status: 'ok' | 'not-allowed';
}

/** RFC 5280 §4.2.1.3: a signing key needs nonRepudiation (contentCommitment) or digitalSignature. */
export function checkKeyUsage(cert: ParsedCertificate): KeyUsageOutcome {
  // The certificate's own extension only, no time: judged and worded once per certificate (issue 16). Callers only read it.
  let outcome = keyUsages.get(cert);
  if (!outcome) keyUsages.set(cert, (outcome = judgeKeyUsage(cert)));
  return outcome;
}

const keyUsages = new WeakMap<ParsedCertificate, KeyUsageOutcome>();

function judgeKeyUsage(cert: ParsedCertificate): KeyUsageOutcome {
  const ku = cert.extensions.keyUsage;
  if (!ku) return { status: 'ok', en: 'no key usage restriction in the certificate', uk: 'сертифікат не обмежує використання ключа' };
  const allowed = ku.filter((u) => u === 'nonRepudiation' || u === 'digitalSignature');
  if (allowed.length) {
    return {
      status: 'ok',
      en: `key usage permits signing (${allowed.join(', ')})`,
      uk: `використання ключа дозволяє підписання (${allowed.join(', ')})`,
    };
  }
  return {
    status: 'not-allowed',
    en: `key usage (${ku.join(', ') || 'none'}) does not permit signing`,
    uk: `використання ключа (${ku.join(', ') || 'немає'}) не дозволяє підписання`,
  };
}
