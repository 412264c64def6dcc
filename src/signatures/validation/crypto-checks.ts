import { CmsSignerInfo } from '../cms/signer-info';
import { AlgorithmResolution, ResolvedAlgorithm, resolveSignatureAlgorithm } from '../crypto/algorithms';
import { Digests, hashOfOid } from '../crypto/digest';
import { checkAlgorithmPolicy } from '../crypto/policy';
import { PublicKeyHandle, describeKey } from '../crypto/public-key';
import { verifySignatureValue } from '../crypto/verify-signature';
import { algorithmName } from '../oids';
import { SignatureCheck } from '../report';
import { check } from './check';
import { ValidationFacts } from './verdict';

/** EN 319 102-1 §5.2.7 cryptographic verification and §5.2.8 crypto constraints, as reported checks. */
export function messageDigestCheck(
  facts: ValidationFacts,
  content: Digests | undefined,
  expected: Uint8Array | undefined,
  hash: ReturnType<typeof hashOfOid>,
  signer: CmsSignerInfo,
): SignatureCheck {
  if (!content) {
    facts.contentMissing = true;
    return check(
      'message-digest',
      'failed',
      'detached signature: the signed content was not supplied',
      'відокремлений підпис: підписані дані не надано',
    );
  }
  if (!hash) {
    facts.algorithms = 'unsupported';
    return check(
      'message-digest',
      'skipped',
      `unsupported digest algorithm ${signer.digestAlgorithm.oid}`,
      `непідтримуваний алгоритм гешування ${signer.digestAlgorithm.oid}`,
    );
  }
  if (!expected) {
    // no signed attributes: the signature itself covers the content digest
    return check(
      'message-digest',
      'passed',
      'no signed attributes: the content is checked by the signature value',
      'підписаних атрибутів немає: вміст перевіряється значенням підпису',
    );
  }
  const name = algorithmName(signer.digestAlgorithm.oid);
  if (!content.matches(hash, expected)) {
    facts.hashFailure = true;
    return check(
      'message-digest',
      'failed',
      `the content does not match the signed ${name} digest: the document was changed after signing or is not the signed one`,
      `вміст не відповідає підписаному гешу ${name}: документ змінено після підписання або це не той документ`,
    );
  }
  return check('message-digest', 'passed', `the content matches the signed ${name} digest`, `вміст відповідає підписаному гешу ${name}`);
}

export function signatureValueCheck(
  facts: ValidationFacts,
  resolution: AlgorithmResolution,
  key: PublicKeyHandle,
  signer: CmsSignerInfo,
  content: Uint8Array | undefined,
): SignatureCheck {
  // On a digest/signature algorithm mismatch the value is checked under either reading (the digest
  // algorithm first, as OpenSSL does); the mismatch itself fails the algorithm check.
  const readings: ResolvedAlgorithm[] = [];
  if (resolution.ok) readings.push(resolution.algorithm);
  else if (resolution.reason === 'mismatch') {
    const bare = resolveSignatureAlgorithm(signer.signatureAlgorithm);
    const hash = hashOfOid(signer.digestAlgorithm.oid);
    if (bare.ok && hash) readings.push({ ...bare.algorithm, hash }, bare.algorithm);
  }
  const algorithm = readings[0];
  if (!algorithm) {
    const detail = resolution.ok ? '' : resolution.detail;
    return check(
      'signature-value',
      'skipped',
      `not checked: ${detail} is not supported`,
      `не перевірено: алгоритм не підтримується (${detail})`,
    );
  }
  // With signed attributes the signature covers their DER; without, the content itself (RFC 5652 §5.4).
  const data = signer.signedAttributes?.signedDer ?? content;
  if (!data)
    return check(
      'signature-value',
      'skipped',
      'not checked: the signature covers the content, which was not supplied',
      'не перевірено: підпис накладено безпосередньо на вміст, якого не надано',
    );
  const covered = signer.signedAttributes ? 'the signed attributes' : 'the content';
  const coveredUk = signer.signedAttributes ? 'підписаними атрибутами' : 'вмістом';
  let outcome = verifySignatureValue(key, algorithm, data, signer.signature);
  for (const other of readings.slice(1)) if (!outcome.valid) outcome = verifySignatureValue(key, other, data, signer.signature);
  if (outcome.valid) {
    facts.signatureValue = 'valid';
    return check(
      'signature-value',
      'passed',
      `the ${describeKey(key)} signature over ${covered} verifies`,
      `підпис ${describeKey(key)} над ${coveredUk} правильний`,
    );
  }
  if (outcome.reason === 'error') {
    if (facts.algorithms !== 'forbidden') facts.algorithms = 'unsupported';
    return check(
      'signature-value',
      'skipped',
      `not checked: ${outcome.detail ?? 'verification error'}`,
      'не перевірено: помилка перевірки',
    );
  }
  facts.signatureValue = 'invalid';
  const mismatch = outcome.reason === 'key-mismatch' ? ` (${outcome.detail})` : '';
  return check(
    'signature-value',
    'failed',
    `the signature value does not verify with the signer's ${describeKey(key)} key${mismatch}: ${covered} or the signature were altered`,
    `значення підпису не перевіряється ключем підписувача ${describeKey(key)}: дані або підпис змінено`,
  );
}

export function algorithmsCheck(facts: ValidationFacts, resolution: AlgorithmResolution, key: PublicKeyHandle | undefined): SignatureCheck {
  if (!resolution.ok) {
    if (resolution.reason === 'mismatch') {
      facts.algorithms = 'forbidden';
      return check(
        'algorithms',
        'failed',
        `digest and signature algorithms do not agree: ${resolution.detail}`,
        `алгоритм гешування не відповідає алгоритму підпису: ${resolution.detail}`,
      );
    }
    facts.algorithms = 'unsupported';
    return check('algorithms', 'failed', `unsupported algorithm: ${resolution.detail}`, `непідтримуваний алгоритм: ${resolution.detail}`);
  }
  if (!key)
    return check(
      'algorithms',
      'skipped',
      'key not available; algorithm policy not fully checked',
      'ключ недоступний; політику алгоритмів не перевірено повністю',
    );
  const policy = checkAlgorithmPolicy(resolution.algorithm, key);
  if (!policy.allowed) {
    facts.algorithms = policy.unsupported ? 'unsupported' : 'forbidden';
    return check('algorithms', 'failed', policy.en, policy.uk);
  }
  const hash = resolution.algorithm.hash === 'gost34311' ? 'GOST 34.311-95' : hashLabel(resolution.algorithm.hash);
  const pss = resolution.algorithm.scheme === 'rsa-pss' ? ' (PSS)' : '';
  return check(
    'algorithms',
    'passed',
    `${describeKey(key)}${pss} with ${hash} is on the allow-list`,
    `${describeKey(key)}${pss} з ${hash} входить до переліку дозволених алгоритмів`,
  );
}

const HASH_LABELS: Record<string, string> = { sha1: 'SHA-1', sha224: 'SHA-224', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

function hashLabel(hash: string): string {
  return HASH_LABELS[hash] ?? hash.replace(/^sha(\d+)$/, 'SHA-$1');
}
