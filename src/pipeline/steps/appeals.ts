/**
 * Citizens' appeals, public-information requests, hotline cards and e-petitions: intake rules
 * decided before the registering transaction (003 §99-108: completeness, anonymity, repeat and
 * duplicate, collective, priority, competence), kept inside it with the control-log entry and
 * the `appeal.intake-decided` event. A wrong `meta.appeal` sends the input to quarantine
 * (APPEAL_CARD_INVALID); without one a card is built from the canonical fields.
 */
import { appealFiledPart, decideAppeal, keepAppeal, type AppealFinding, type AppealIntakeSettings } from '../../appeals/intake';
import { isAppealKind } from '../../appeals/card';
import type { Db } from '../../store';
import type { IntakeStep, StepContext } from '../context';

export interface AppealStepOptions extends AppealIntakeSettings {
  db: Db;
}

export function appealStep(opts: AppealStepOptions): IntakeStep<AppealFinding | null> {
  return {
    name: 'appeals',
    async check(sub, ctx) {
      if (!isAppealKind(sub.kind)) return null;
      return decideAppeal(opts.db, { ...sub, kind: sub.kind }, ctx.clock.now(), opts);
    },
    keeps: (_sub, finding) => !!finding,
    async onAccepted(q, accepted, sub, ctx, finding) {
      // Not registered (003 §157 exemptions): not an appeal the department counts.
      if (!finding || !accepted.registration) return;
      await keepAppeal(q, finding, {
        documentId: accepted.documentId, registration: accepted.registration, source: sub.source, externalId: sub.externalId, now: ctx.clock.now(),
      });
      logDecided(ctx, accepted.documentId, finding);
    },
    // The same, written by the statement that registers the document (no files): one round trip.
    filed(sub, finding, ctx, documentId) {
      if (!finding) return undefined;
      return {
        parts: [appealFiledPart(finding, { documentId, source: sub.source, externalId: sub.externalId, now: ctx.clock.now() })],
        committed: () => logDecided(ctx, documentId, finding),
      };
    },
  };
}

function logDecided(ctx: StepContext, documentId: string, finding: AppealFinding): void {
  ctx.log.info(
    { documentId, appealStatus: finding.intake.status, recurrence: finding.intake.recurrence, cardSource: finding.cardSource },
    'appeal intake decided',
  );
}
