import type { Channel } from 'amqplib';

/** AMQP 0-9-1 content header class id of basic (amqplib's defs.BasicProperties). */
const BASIC_PROPERTIES = 60;

/** The frames amqplib hands a channel: a method, a content header (with the body's size), a body part. */
interface Frame { id?: number; channel: number; size?: number; content?: Buffer; fields?: unknown }

/**
 * A large message's body straight into shared memory, a frame at a time (issue 14: /healthz
 * answers in < 100 ms while any single input is processed).
 *
 * amqplib keeps a message's content frames (at most 128 KiB each, RabbitMQ's frame_max) and joins
 * them with one Buffer.concat at the last: for a 48 MB СЕВ ОВВ message one copy into fresh pages,
 * 120-150 ms on the hub's thread (--cpu-prof), then the worker hand-over copied it again. For a
 * body `isLarge` (one a worker thread takes: src/workers offloads) this copies each content frame into a SharedArrayBuffer as it arrives and
 * gives amqplib one frame of the whole size, which amqplib takes as the content as it is (a single
 * frame is never joined); the worker thread then reads those very bytes (src/workers shares a
 * SharedArrayBuffer instead of copying it).
 *
 * It wraps amqplib's per-channel entry for message frames (Channel#acceptMessageFrame, amqplib
 * 0.10-2.x); without one the channel is left as it is and false is returned (the test fails).
 * Too much content is handed on too, so amqplib closes the channel as it would.
 */
export function shareLargeContent(ch: Channel, isLarge: (bytes: number) => boolean): boolean {
  const frames = ch as unknown as { acceptMessageFrame?: (this: unknown, f: Frame) => void };
  const accept = frames.acceptMessageFrame;
  if (typeof accept !== 'function') return false;
  let pending: { body: Buffer; at: number } | undefined;
  frames.acceptMessageFrame = function (this: unknown, f: Frame) {
    if (f.id === BASIC_PROPERTIES) {
      pending = typeof f.size === 'number' && isLarge(f.size) ? { body: Buffer.from(new SharedArrayBuffer(f.size)), at: 0 } : undefined;
      return accept.call(this, f);
    }
    if (!pending || f.id !== undefined || !f.content) {
      pending = undefined;
      return accept.call(this, f);
    }
    const { body, at } = pending;
    if (at + f.content.length > body.length) {
      pending = undefined;
      return accept.call(this, { channel: f.channel, content: Buffer.concat([body.subarray(0, at), f.content]) });
    }
    f.content.copy(body, at);
    pending.at += f.content.length;
    if (pending.at < body.length) return undefined;
    pending = undefined;
    return accept.call(this, { channel: f.channel, content: body });
  };
  return true;
}
