import { HubError } from '../../errors';
import type { DocumentSubmission, SignaturePolicy } from '../../schemas';
import type { HubMetrics } from '../../metrics';
import type { RevocationPolicy, SignatureVerificationResult, TrustStore } from '../../signatures';
import { documents, type Queryable } from '../../store';
import { verifySignature } from '../../workers';
import type { DocumentFlag, NewSignature } from '../../store/documents';
import { attachmentContent, decodeBase64 } from '../attachments';
import type { IntakeStep } from '../context';
import { decide, ruleFor } from './signature-policy';

export interface SignatureStepOptions {
  trust: TrustStore;
  policy: SignaturePolicy;
  revocation: RevocationPolicy;
  /** To tell a repeat delivery, which keeps the verdict given the first time, from a new document. */
  db?: Queryable;
  metrics?: HubMetrics;
}

/** What check() found: the reports to keep with the document and the flags for its card; null for a repeat. */
export type SignatureFinding = { signatures: NewSignature[]; flags: DocumentFlag[] } | null;

interface Verified {
  attachment: string | null;
  result: SignatureVerificationResult;
}

/**
 * Verifies every signature of an incoming document before registration, with the hub's clock as
 * the validation time, and applies the signature policy (signature-policy.ts): register, register
 * flagged, or reject to quarantine (SIGNATURE_REQUIRED / SIGNATURE_POLICY_FAILED, the reports in
 * the details). A DSTU 4145 verification costs about 10 ms, RSA and ECDSA well under 1 ms: inline;
 * a container or content over WORKER_INLINE_BYTES goes to a worker thread with its budget.
 */
export function signatureStep(opts: SignatureStepOptions): IntakeStep<SignatureFinding> {
  return {
    name: 'signatures',
    async check(sub, ctx) {
      if (opts.db && (await documents.findIdByExternalId(opts.db, sub.source, sub.externalId))) return null;
      const rule = ruleFor(opts.policy, sub.kind, sub.source);
      const now = ctx.clock.now();
      const verified: Verified[] = [];
      for (const [i, sig] of (sub.signatures ?? []).entries()) {
        const started = process.hrtime.bigint();
        const v = await verifyOne(sub, sig, i, opts, now);
        opts.metrics?.signatureSeconds.observe({ algorithm: v.result.signatures[0]?.signatureAlgorithm ?? 'unreadable' }, Number(process.hrtime.bigint() - started) / 1e9);
        verified.push(v);
      }
      const signatures = verified.flatMap(toRows);
      for (const s of signatures) opts.metrics?.signatureVerdicts.inc({ indication: s.indication, qualified: String(s.qualified) });
      const decision = decide(rule, signatures);
      // Detail for debugging: the accepted input's one info line is the pipeline's.
      ctx.log.debug(
        { rule: rule.id, signatures: signatures.map((s) => `${s.indication}${s.subIndication ? '/' + s.subIndication : ''}${s.qualified ? ' qualified' : ''}`), decision: decision.action },
        'signatures verified',
      );
      if (decision.action === 'quarantine') {
        throw HubError.of(decision.code, {
          rule: rule.id,
          ...(rule.basis ? { basis: rule.basis } : {}),
          problems: decision.problems,
          signatures: verified.map((v) => ({ attachment: v.attachment, report: v.result })),
        });
      }
      return { signatures, flags: decision.flags };
    },
    keeps: (_sub, finding) => !!finding && (finding.signatures.length > 0 || finding.flags.length > 0),
    // Before the journal number: the reports and flags do not need it, and the card shows them.
    async onStored(q, documentId, _sub, _ctx, finding) {
      if (!finding) return;
      if (finding.signatures.length) await documents.insertSignatures(q, documentId, finding.signatures);
      if (finding.flags.length) await documents.setFlags(q, documentId, finding.flags);
    },
  };
}

type SubmittedSignature = NonNullable<DocumentSubmission['signatures']>[number];

async function verifyOne(sub: DocumentSubmission, sig: SubmittedSignature, i: number, opts: SignatureStepOptions, now: Date): Promise<Verified> {
  const signature = decodeBase64(`/signatures/${i}/cms`, sig.cms);
  let content: Buffer | undefined;
  if (sig.attachment !== undefined) {
    const index = (sub.attachments ?? []).findIndex((a) => a.name === sig.attachment);
    const found = sub.attachments?.[index];
    if (!found) throw HubError.of('SIGNATURE_ATTACHMENT_UNKNOWN', { signature: i, attachment: sig.attachment });
    content = attachmentContent(found, index);
  }
  // A large container or content is verified on a worker thread (src/workers), a small one inline.
  const result = await verifySignature({ signature, ...(content ? { content } : {}) }, opts.trust, { nowMs: now.getTime(), revocation: opts.revocation });
  return { attachment: sig.attachment ?? null, result };
}

/** One row per signer; a container that cannot be read is one row without a signer (outgoing documents keep theirs alike). */
export function toRows({ attachment, result }: Verified): NewSignature[] {
  const { signatures, ...container } = result;
  if (!signatures.length) {
    return [
      {
        attachment,
        indication: result.indication,
        subIndication: result.subIndication,
        qualified: false,
        signer: null,
        signingTime: null,
        bestSignatureTime: null,
        report: { container, signature: null },
      },
    ];
  }
  return signatures.map((s) => ({
    attachment,
    indication: s.indication,
    subIndication: s.subIndication,
    qualified: s.qualified,
    signer: s.signer,
    signingTime: s.signingTime,
    bestSignatureTime: s.bestSignatureTime,
    report: { container, signature: s },
  }));
}
