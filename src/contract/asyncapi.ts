/**
 * The broker contract as AsyncAPI 3: the exchanges, queues and routing keys of src/bus/topology.ts
 * and src/bus/delivery.ts, the messages in (documents, connectors' formats, EDMS commands) and out
 * (events, connectors' outbound messages), and the dead letters, with payloads from the same
 * schema files as the HTTP contract (components.ts). Names come from the code, not retyped.
 */
import { deliveryQueue, outboundRoutingKey } from '../bus/delivery';
import { TOPOLOGY } from '../bus/topology';
import { schemaComponents, usedComponents, type JsonSchema } from './components';

const SCHEMAS = { prefix: '#/components/schemas/', defsKeyword: 'definitions' } as const;
const BINDING_VERSION = '0.3.0';

const schemaRef = (name: string) => ({ $ref: `${SCHEMAS.prefix}${name}` });
const messageRef = (name: string) => ({ $ref: `#/components/messages/${name}` });

/** A topic exchange's channel: the address is the routing key (with parameters). */
function exchangeChannel(exchange: string, address: string, title: string, description: string, messages: string[], parameters: Record<string, string>) {
  return {
    address,
    title,
    description,
    ...(Object.keys(parameters).length ? { parameters: Object.fromEntries(Object.entries(parameters).map(([p, d]) => [p, { description: d }])) } : {}),
    messages: Object.fromEntries(messages.map((m) => [m, messageRef(m)])),
    bindings: { amqp: { is: 'routingKey', exchange: { name: exchange, type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: BINDING_VERSION } },
  };
}

/** A durable queue's channel. */
function queueChannel(address: string, title: string, description: string, messages: string[], parameters: Record<string, string> = {}) {
  return {
    address,
    title,
    description,
    ...(Object.keys(parameters).length ? { parameters: Object.fromEntries(Object.entries(parameters).map(([p, d]) => [p, { description: d }])) } : {}),
    messages: Object.fromEntries(messages.map((m) => [m, messageRef(m)])),
    bindings: { amqp: { is: 'queue', queue: { name: address, durable: true, exclusive: false, autoDelete: false, vhost: '/' }, bindingVersion: BINDING_VERSION } },
  };
}

function operation(action: 'send' | 'receive', channel: string, messages: string[], title: string, description: string) {
  return {
    action,
    title,
    description,
    channel: { $ref: `#/channels/${channel}` },
    messages: messages.map((m) => ({ $ref: `#/channels/${channel}/messages/${m}` })),
    // Persistent messages out; manual acks in (after the commit, or after the outbound confirms).
    bindings: { amqp: action === 'send' ? { deliveryMode: 2, bindingVersion: BINDING_VERSION } : { ack: true, bindingVersion: BINDING_VERSION } },
  };
}

const headers = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', required, properties });

const MESSAGES = {
  documentSubmission: {
    name: 'documentSubmission', title: 'Вхідний документ (канонічний JSON)', contentType: 'application/json',
    summary: 'The canonical incoming document, the same as the HTTP body of POST /api/v1/documents. Routing key `<source>.json`; `message_id` is the idempotency key when the body has no externalId; `user_id` (vouched for by RabbitMQ) must be allowed the source by AMQP_PUBLISHERS.',
    payload: schemaRef('DocumentSubmission'),
  },
  sevOvvDocument: {
    name: 'sevOvvDocument', title: 'Документ СЕВ ОВВ (формат 1207)', contentType: 'application/xml',
    summary: 'A document of the inter-agency exchange (СЕВ ОВВ, format 1207 v1.5), routing key `sev-ovv.xml`; decoded by connectors/sev-ovv.',
    payload: { type: 'string', description: 'XML (Header with Document), as the exchange delivers it.' },
  },
  hotlineCard: {
    name: 'hotlineCard', title: 'Картка гарячої лінії', contentType: 'application/json',
    summary: 'A card of the government hotline 1545 or the oblast contact centre, routing key `hotline.json`; decoded by connectors/hotline.',
    payload: schemaRef('HotlineCard'),
  },
  controlCommand: {
    name: 'controlCommand', title: 'Команда СЕД над контрольною карткою', contentType: 'application/json',
    summary: 'What an EDMS user did, as a command on the card, routing key `<source>.command` (e.g. `edms.command`). `message_id` is the idempotency key. No answer on the wire: success is the card\'s own event, a refusal is `control.command-refused`.',
    headers: headers({
      'card-id': { type: 'string', format: 'uuid', description: 'The control card the command is for.' },
      'on-behalf-of': { type: 'string', description: 'The EDMS user\'s staff id; acts with their directory roles.' },
      'if-match': { type: 'string', description: 'The card version the command was based on ("7").' },
    }, ['card-id', 'on-behalf-of']),
    payload: schemaRef('ControlCommand'),
  },
  hubEvent: {
    name: 'hubEvent', title: 'Подія хабу', contentType: 'application/json',
    summary: 'Every change of a document or control card, published from the outbox with publisher confirms: at least once, in `sequence` order. Routing key = `type`; `message_id` = `eventId` (dedupe on it). Events carry no personal data.',
    headers: headers({ documentId: { type: 'string', format: 'uuid' }, sequence: { type: 'integer', minimum: 1 } }, ['documentId', 'sequence']),
    payload: schemaRef('HubEvent'),
  },
  auditCheckpoint: {
    name: 'auditCheckpoint', title: 'Контрольна точка журналу контролю', contentType: 'application/json',
    summary: 'A signed checkpoint of the control log (issue 14), routing key `audit.checkpoint`, made every AUDIT_CHECKPOINT_INTERVAL_MS when the log grew. Keep them: `dilovod audit verify --checkpoint FILE --public-key KEYS` finds a rewritten, cut or emptied log against them. Several hub processes sign, each with its own key named by `keyId`; believe only the keys on your trusted list. Not about a document: `documentId` is the nil UUID. Also delivered to EDMS webhook subscriptions that ask for it.',
    headers: headers({ documentId: { type: 'string', format: 'uuid' }, sequence: { type: 'integer', minimum: 1 } }, ['documentId', 'sequence']),
    payload: {
      allOf: [
        schemaRef('HubEvent'),
        { type: 'object', required: ['data'], properties: { type: { const: 'audit.checkpoint' }, data: { type: 'object', required: ['checkpoint'], properties: { checkpoint: schemaRef('AuditCheckpoint') } } } },
      ],
    },
  },
  inputRefused: {
    name: 'inputRefused', title: 'Вхідне відхилено', contentType: 'application/json',
    summary: 'An input the hub refused and kept in quarantine, whose sender its connector can name (issue 18; today СЕВ ОВВ messages: the connector answers with ack_type 4). Routing key `input.refused`; `source` and `externalId` are the key the input would have had; `data` holds quarantineId, code, reason, reasonUk, details, channel, format, receivedAt, documentId when a conflicting repeat was refused against a card, and senderAsks: what the sender asked of the answers (СЕВ ОВВ: `{ msgAcknow }`, for the delivery receipt ack_type 1). Not about a document: `documentId` is the nil UUID. Announced once per refused message (a repeat of the same bytes adds an attempt, not an event).',
    headers: headers({ documentId: { type: 'string', format: 'uuid' }, sequence: { type: 'integer', minimum: 1 } }, ['documentId', 'sequence']),
    payload: {
      allOf: [
        schemaRef('HubEvent'),
        {
          type: 'object', required: ['source', 'externalId', 'data'],
          properties: {
            type: { const: 'input.refused' },
            data: { type: 'object', required: ['quarantineId', 'code', 'reason', 'reasonUk', 'channel', 'format', 'receivedAt'], properties: { quarantineId: { type: 'string', format: 'uuid' }, code: { type: 'string' }, documentId: { type: 'string', format: 'uuid' }, senderAsks: { type: 'object', additionalProperties: { type: ['string', 'integer'] } } } },
          },
        },
      ],
    },
  },
  outgoingEvent: {
    name: 'outgoingEvent', title: 'Вихідний документ СЕВ ОВВ: надіслано, квитанції', contentType: 'application/json',
    summary: 'An outgoing document of the council through СЕВ ОВВ (issue 18). `outgoing.sent`: one per addressee\'s message handed to the delivery; then one per receipt that came back: `outgoing.delivered` (ack_type 1), `outgoing.accepted` (2), `outgoing.registered` (3, with their number and date in `data.theirRegistration`), `outgoing.refused` (4, their reason in `data.reason`). `documentId` is the outgoing document\'s id (GET /api/v1/outgoing/{id}), `data` holds outgoingId, msgId, toOrgId, state. No content: the message itself goes to dilovod.outbound. The incoming document an outgoing one answers gets its own `document.answered` (a hubEvent under its source: data outgoingId, index, date, addressees).',
    headers: headers({ documentId: { type: 'string', format: 'uuid' }, sequence: { type: 'integer', minimum: 1 } }, ['documentId', 'sequence']),
    payload: {
      allOf: [
        schemaRef('HubEvent'),
        {
          type: 'object', required: ['data'],
          properties: {
            type: { enum: ['outgoing.sent', 'outgoing.delivered', 'outgoing.accepted', 'outgoing.registered', 'outgoing.refused'] },
            data: { type: 'object', required: ['outgoingId', 'msgId', 'toOrgId'], properties: { outgoingId: { type: 'string', format: 'uuid' }, msgId: { type: 'string' }, toOrgId: { type: 'string' } } },
          },
        },
      ],
    },
  },
  sevOvvOutgoingDocument: {
    name: 'sevOvvOutgoingDocument', title: 'Вихідний документ СЕВ ОВВ (формат 1207)', contentType: 'application/xml',
    summary: 'The council\'s outgoing document to one participant: a 1207 v1.5 message, msg_type 1 (or 3 with Addressee/Referred when it answers that participant\'s document), its files as DocTransfer and their detached signatures as SignInfo. `message_id` = the 1207 msg_id; routing key `sev-ovv.<org>/<system>` of the addressee.',
    headers: headers({ connector: { const: 'sev-ovv' }, eventId: { type: 'string', format: 'uuid' }, eventType: { const: 'outgoing.sent' } }),
    payload: { type: 'string', description: 'XML Header with Document and Expansion.' },
  },
  sevOvvAcknowledgement: {
    name: 'sevOvvAcknowledgement', title: 'Квитанція СЕВ ОВВ', contentType: 'application/xml',
    summary: 'A 1207 acknowledgement (msg_type 0) to the sender: ack_type 3 registered with our RegNumber, ack_type 4 refused with the reason. Routing key `sev-ovv.<org>/<system>`.',
    headers: headers({ connector: { const: 'sev-ovv' }, eventId: { type: 'string', format: 'uuid' }, eventType: { type: 'string' } }),
    payload: { type: 'string', description: 'XML Header with Acknowledgement.' },
  },
  hotlineStatus: {
    name: 'hotlineStatus', title: 'Статус картки для контактного центру', contentType: 'application/json',
    summary: 'A status of a hotline card for the centre that forwarded it (003 §139). Routing key `hotline.<destination>` (HOTLINE_UKC_DESTINATION / HOTLINE_OBLAST_DESTINATION).',
    headers: headers({ connector: { const: 'hotline' }, eventId: { type: 'string', format: 'uuid' }, eventType: { type: 'string' } }),
    payload: schemaRef('HotlineStatus'),
  },
  petitionPlatformUpdate: {
    name: 'petitionPlatformUpdate', title: 'Оновлення для платформи петицій', contentType: 'application/json',
    summary: 'Registered, under consideration, answered: what the e-petitions platform publishes on the petition\'s page. Routing key `e-petitions.<community>`.',
    headers: headers({ connector: { const: 'e-petitions' }, eventId: { type: 'string', format: 'uuid' }, eventType: { type: 'string' } }),
    payload: schemaRef('PetitionPlatformUpdate'),
  },
  deadLetter: {
    name: 'deadLetter', title: 'Мертвий лист',
    summary: 'An inbound message that could not be accepted (also kept in quarantine with its reason), or an event a connector\'s mapping could not read. Body, properties and routing key as they were; RabbitMQ adds `x-death`.',
    headers: headers({ 'x-death': { type: 'array', items: { type: 'object' } } }),
    payload: { description: 'The original body, byte for byte.' },
  },
} as const;

export interface AsyncApiOptions {
  version: string;
}

/** The AsyncAPI 3 document of the hub's broker side. */
export function buildAsyncApi(opts: AsyncApiOptions): Record<string, unknown> {
  const inboundMessages = ['documentSubmission', 'sevOvvDocument', 'hotlineCard'];
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Діловод: контракт AMQP',
      version: opts.version,
      description: [
        'Документи і команди надходять до обмінника `dilovod.inbound`, події виходять з `dilovod.events`, повідомлення конекторів — з `dilovod.outbound`; те, що не прийнято, — у `dilovod.dead-letter`.',
        'Documents and commands come in on `dilovod.inbound`, events go out on `dilovod.events`, connectors\' messages on `dilovod.outbound`; what cannot be accepted is dead-lettered. Manual acks, only after the database commit.',
      ].join('\n\n'),
      license: { name: 'MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      broker: {
        host: '{host}',
        protocol: 'amqp',
        protocolVersion: '0.9.1',
        description: 'RabbitMQ з AMQP_URL цього встановлення / the broker of AMQP_URL',
        variables: { host: { default: 'localhost:5672', description: 'host:port of AMQP_URL' } },
      },
    },
    channels: {
      inbound: exchangeChannel(TOPOLOGY.inboundExchange, '{source}.{format}', 'Вхідні документи',
        `Topic exchange \`${TOPOLOGY.inboundExchange}\`: a document for the source, in a format (json, sev-ovv.xml via \`sev-ovv.xml\`, hotline.json via \`hotline.json\`).`,
        inboundMessages, { source: 'The source (e.g. edms, oblast, sev-ovv, hotline); may submit only if AMQP_PUBLISHERS allows the user_id.', format: 'json, xml, or a connector\'s format.' }),
      commands: exchangeChannel(TOPOLOGY.inboundExchange, '{source}.command', 'Команди СЕД', `Topic exchange \`${TOPOLOGY.inboundExchange}\`, routing key \`<source>.command\` (e.g. \`edms.command\`).`,
        ['controlCommand'], { source: 'The EDMS\'s source, allowed to its broker user by AMQP_PUBLISHERS.' }),
      inboundQueue: queueChannel(TOPOLOGY.inboundQueue, 'Черга вхідних', `Durable, bound to \`${TOPOLOGY.inboundExchange}\` with \`#\`, dead-letters to \`${TOPOLOGY.deadLetterExchange}\`; the hub consumes it with manual acks and bounded prefetch (AMQP_PREFETCH).`,
        [...inboundMessages, 'controlCommand']),
      events: exchangeChannel(TOPOLOGY.eventsExchange, '{eventType}', 'Події', `Topic exchange \`${TOPOLOGY.eventsExchange}\`, routing key = the event type (document.registered, control.executed, appeal.answered, …). Bind a queue with \`document.#\`, \`control.#\` or \`#\`.`,
        ['hubEvent', 'auditCheckpoint', 'inputRefused', 'outgoingEvent'], { eventType: 'The event type, e.g. document.registered, audit.checkpoint, input.refused or outgoing.registered.' }),
      deliveryQueue: queueChannel(deliveryQueue('{connector}'), 'Черга доставки конектора', `One per connector in DELIVER_CONNECTORS: durable, bound to \`${TOPOLOGY.eventsExchange}\` with \`#\`, dead-letters to \`${TOPOLOGY.deadLetterExchange}\`.`,
        ['hubEvent'], { connector: 'sev-ovv, hotline or e-petitions.' }),
      outboundSevOvv: exchangeChannel(TOPOLOGY.outboundExchange, outboundRoutingKey('sev-ovv', '{destination}'), 'Квитанції СЕВ ОВВ', `Topic exchange \`${TOPOLOGY.outboundExchange}\`; the exchange's gateway binds \`sev-ovv.#\`.`,
        ['sevOvvAcknowledgement', 'sevOvvOutgoingDocument'], { destination: '`<org>/<system>` of the original sender, or of the outgoing document\'s addressee.' }),
      outboundHotline: exchangeChannel(TOPOLOGY.outboundExchange, outboundRoutingKey('hotline', '{destination}'), 'Статуси для контактних центрів', `Topic exchange \`${TOPOLOGY.outboundExchange}\`; the centres' gateway binds \`hotline.#\`.`,
        ['hotlineStatus'], { destination: 'The centre\'s destination from the connector\'s settings.' }),
      outboundEPetitions: exchangeChannel(TOPOLOGY.outboundExchange, outboundRoutingKey('e-petitions', '{community}'), 'Оновлення для платформи петицій', `Topic exchange \`${TOPOLOGY.outboundExchange}\`; the platform binds \`e-petitions.#\`.`,
        ['petitionPlatformUpdate'], { community: 'The platform\'s community id (the first part of the petition id).' }),
      deadLetters: queueChannel(TOPOLOGY.deadLetterQueue, 'Мертві листи', `Durable, bound to \`${TOPOLOGY.deadLetterExchange}\` (topic) with \`#\`: messages nacked without requeue keep their routing key.`, ['deadLetter']),
    },
    operations: {
      consumeInbound: operation('receive', 'inboundQueue', [...inboundMessages, 'controlCommand'], 'Приймання вхідних', 'Registered, or kept in quarantine and nacked (dead-lettered); acked only after the commit.'),
      publishInbound: operation('receive', 'inbound', inboundMessages, 'Подання документа', 'What a source publishes (the hub receives it through the inbound queue).'),
      publishCommand: operation('receive', 'commands', ['controlCommand'], 'Команда СЕД', 'What the EDMS publishes (the hub receives it through the inbound queue).'),
      publishEvents: operation('send', 'events', ['hubEvent', 'auditCheckpoint', 'outgoingEvent'], 'Публікація подій', 'From the outbox, with publisher confirms, in sequence order.'),
      consumeDeliveries: operation('receive', 'deliveryQueue', ['hubEvent'], 'Доставка конекторам', 'Each event is mapped by the connector; acked after the broker confirmed every outbound message.'),
      sendSevOvv: operation('send', 'outboundSevOvv', ['sevOvvAcknowledgement', 'sevOvvOutgoingDocument'], 'Квитанції та вихідні документи СЕВ ОВВ', 'ДС15 registered / ДС16 refused; the council\'s outgoing documents, one message per addressee.'),
      sendHotline: operation('send', 'outboundHotline', ['hotlineStatus'], 'Статуси гарячої лінії', 'Each step of the card, to the centre that forwarded it.'),
      sendEPetitions: operation('send', 'outboundEPetitions', ['petitionPlatformUpdate'], 'Оновлення петицій', 'Registered, under consideration, answered.'),
      deadLetter: operation('send', 'deadLetters', ['deadLetter'], 'Мертві листи', 'Nacked without requeue by the inbound consumer or a connector\'s delivery.'),
    },
    components: {
      schemas: usedComponents([MESSAGES], schemaComponents(SCHEMAS), SCHEMAS.prefix),
      messages: MESSAGES,
    },
  };
}
