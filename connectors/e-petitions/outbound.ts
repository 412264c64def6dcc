import type { HubEvent, PetitionPlatformUpdate } from '../../src/schemas';
import type { OutboundMessage } from '../connector';
import { uuidV5 } from '../message-id';
import { SOURCE } from './inbound';

/** Namespace of the name-based (v5) ids of our platform updates; fixed forever. */
const UPDATE_ID_NAMESPACE = '5b0f6c1e-2d4a-4e8b-9c7f-3a1d8e6b2f40';

type Status = PetitionPlatformUpdate['status'];

function str(data: Record<string, unknown>, key: string): string | undefined {
  return typeof data[key] === 'string' ? (data[key] as string) : undefined;
}

/** The fields each event gives the platform; null for events the platform does not hear of. */
function contentOf(event: HubEvent): { status: Status; fields: Partial<PetitionPlatformUpdate> } | null {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'document.registered': {
      const reg = event.registration;
      if (!reg) throw new Error(`event ${event.eventId}: document.registered without a registration`);
      return { status: 'registered', fields: { registrationIndex: reg.index, registeredOn: reg.date } };
    }
    case 'control.assigned': {
      const term = str(data, 'term');
      return { status: 'under-consideration', fields: term ? { term } : {} };
    }
    case 'appeal.answered': {
      const result = str(data, 'result');
      const answeredOn = str(data, 'answeredOn');
      // «Залишено на контролі» is not the answer the platform publishes (art. 23-1).
      if (result === 'on-control') return null;
      return {
        status: 'answered',
        fields: { ...(result ? { result } : {}), ...(answeredOn ? { answeredOn } : {}), outgoingIndex: str(data, 'outgoingIndex') ?? null },
      };
    }
    default:
      return null;
  }
}

/**
 * Hub events of petitions (source 'e-petition', externalId = <community>/<id>) → updates for the
 * platform, which publishes them on the petition's page (art. 23-1: the answer is published there):
 * document.registered → registered with the index; control.assigned → under consideration with
 * the term; appeal.answered → answered with the result, date and outgoing index. One message per
 * event, its id name-based on the event id so a redelivery can be dropped by the platform.
 */
export function platformUpdatesFor(event: HubEvent): OutboundMessage[] {
  if (event.source !== SOURCE || !event.externalId) return [];
  const content = contentOf(event);
  if (!content) return [];
  const community = event.externalId.split('/')[0] as string;
  const messageId = uuidV5(`${event.eventId}/e-petitions/${content.status}`, UPDATE_ID_NAMESPACE);
  const update: PetitionPlatformUpdate = {
    messageId, platformId: event.externalId, status: content.status, occurredAt: event.occurredAt, documentId: event.documentId, ...content.fields,
  };
  return [{ destination: community, contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(update), 'utf8'), messageId }];
}
