/**
 * Structure-aware mutations of BER/DER (X.690) for the CMS fuzzing: a real signature is read into a
 * tree of elements, one element is changed (deleted, repeated, re-tagged, replaced by an element of
 * another vector, nested thousands deep, given an indefinite or absurd length …) and the tree is
 * written back with lengths that fit, so the damage reaches the reader's deep paths instead of
 * failing at the first length. Raw byte mutations (support.ts) are applied on top.
 */
import fc from 'fast-check';
import { readTlv } from '../../src/signatures/asn1/der';

export interface Node {
  /** Identifier octets as read (class, constructed bit, tag number). */
  id: Uint8Array;
  kids?: Node[];
  body?: Uint8Array;
  indefinite?: boolean;
  /** Wrapped in this many SEQUENCEs (written without recursion: nesting is what is being fuzzed). */
  wrap?: { depth: number; indefinite: boolean };
  /** The element's encoding as read (toTree), reused while the element is unchanged. */
  raw?: Buffer;
  /** Written this many times in a row (cheap: one encoding, copied by Buffer.alloc's fill). */
  times?: number;
}

/** Reads one element; constructed elements whose contents are a list of elements get children. */
export function toTree(bytes: Uint8Array, offset = 0): { node: Node; next: number } {
  const { tlv, next } = readTlv(bytes, offset);
  const idLength = identifierLength(bytes, offset);
  const node: Node = { id: bytes.slice(offset, offset + idLength), raw: Buffer.from(tlv.raw), ...(tlv.indefinite ? { indefinite: true } : {}) };
  if (tlv.constructed) {
    const kids: Node[] = [];
    let pos = 0;
    while (pos < tlv.contents.length) {
      const kid = toTree(tlv.contents, pos);
      kids.push(kid.node);
      pos = kid.next;
    }
    node.kids = kids;
  } else {
    node.body = tlv.contents.slice();
  }
  return { node, next };
}

function identifierLength(bytes: Uint8Array, offset: number): number {
  if (((bytes[offset] as number) & 0x1f) !== 0x1f) return 1;
  let n = 1;
  while (((bytes[offset + n] as number) & 0x80) !== 0) n++;
  return n + 1;
}

/** Writes a tree back: definite minimal lengths, or end-of-contents for indefinite elements. */
export function encode(node: Node): Buffer {
  if (node.times && node.times > 1) {
    const once = encodeOnce(node);
    return once.length ? Buffer.alloc(once.length * node.times, once) : once;
  }
  return encodeOnce(node);
}

function encodeOnce(node: Node): Buffer {
  if (node.raw) return node.raw;
  const contents = node.kids ? Buffer.concat(node.kids.map(encode)) : Buffer.from(node.body ?? new Uint8Array());
  const own = node.indefinite
    ? Buffer.concat([Buffer.from(node.id), Buffer.from([0x80]), contents, Buffer.from([0, 0])])
    : Buffer.concat([Buffer.from(node.id), lengthOctets(contents.length), contents]);
  if (!node.wrap) return own;
  const { depth, indefinite } = node.wrap;
  if (indefinite) return Buffer.concat([Buffer.alloc(depth * 2, Buffer.from([0x30, 0x80])), own, Buffer.alloc(depth * 2)]);
  const headers: Buffer[] = [];
  let length = own.length;
  for (let i = 0; i < depth; i++) {
    const header = Buffer.concat([Buffer.from([0x30]), lengthOctets(length)]);
    headers.push(header);
    length += header.length;
  }
  return Buffer.concat([...headers.reverse(), own]);
}

export function lengthOctets(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Where an element is: the child indices from the root, breadth-first (low `at` values hit the outer structure). */
function paths(root: Node): number[][] {
  const out: number[][] = [[]];
  const nodes: Node[] = [root];
  for (let i = 0; i < nodes.length; i++) {
    (nodes[i] as Node).kids?.forEach((kid, index) => {
      nodes.push(kid);
      out.push([...(out[i] as number[]), index]);
    });
  }
  return out;
}

/** A shallow copy without the cached encoding of the original. */
function copy(node: Node): Node {
  const { raw: _raw, ...rest } = node;
  return { ...rest, ...(node.kids ? { kids: node.kids.slice() } : {}) };
}

/**
 * Copies only the elements on the way to `path`: everything else is shared, never changed, and keeps
 * its cached encoding, so a mutation costs the depth of the tree rather than its size.
 */
function copyPath(root: Node, path: number[]): { root: Node; target: Node; parent?: Node; index: number } {
  const newRoot = copy(root);
  let node = newRoot;
  let parent: Node | undefined;
  for (const i of path) {
    const kid = copy((node.kids as Node[])[i] as Node);
    (node.kids as Node[])[i] = kid;
    parent = node;
    node = kid;
  }
  return { root: newRoot, target: node, ...(parent ? { parent } : {}), index: path[path.length - 1] ?? 0 };
}

const TAGS = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1c, 0x1e, 0x30, 0x31, 0x24, 0x23, 0xa0, 0xa1, 0xa3, 0x80, 0x81, 0x00];

export type TreeMutation =
  | { op: 'delete'; at: number }
  | { op: 'repeat'; at: number; times: number }
  | { op: 'retag'; at: number; tag: number }
  | { op: 'longtag'; at: number; extra: number }
  | { op: 'graft'; at: number; donor: number }
  | { op: 'nest'; at: number; depth: number; indefinite: boolean }
  | { op: 'indefinite'; at: number }
  | { op: 'body'; at: number; bytes: Uint8Array }
  | { op: 'text'; at: number; text: string }
  | { op: 'bigbody'; at: number; fill: number; length: number }
  | { op: 'empty'; at: number };

export function treeMutation(): fc.Arbitrary<TreeMutation> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('repeat' as const), at, times: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 9_000, max: 12_000 })) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('retag' as const), at, tag: fc.oneof(fc.constantFrom(...TAGS), fc.integer({ min: 0, max: 255 })) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('longtag' as const), at, extra: fc.integer({ min: 1, max: 12 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('graft' as const), at, donor: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at, depth: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 65, max: 2_000 })), indefinite: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('indefinite' as const), at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('body' as const), at, bytes: fc.uint8Array({ maxLength: 40 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('text' as const),
        at,
        text: fc.oneof(
          fc.constantFrom('991332256099Z', '20261345250000Z', '0000000000Z', '20260230120000.999999999+9999', '2026', '', '\u0000', '\uD800', 'ЄДРПОУ'),
          fc.stringMatching(/^\d{10,16}(\.\d{1,20})?(Z|[+-]\d{4})?$/),
          fc.string({ maxLength: 30 }),
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('bigbody' as const), at, fill: fc.constantFrom(0x00, 0xff, 0x80, 0x7f), length: fc.integer({ min: 64, max: 70_000 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('empty' as const), at }) },
  );
}

/** Applies one mutation, leaving `root` as it was; `donors` are elements of all vectors, for grafting. */
export function applyTreeMutation(root: Node, m: TreeMutation, donors: Node[]): Node {
  const all = paths(root);
  const { root: out, target: node, parent, index } = copyPath(root, all[m.at % all.length] as number[]);
  const replace = (by: Node[]): Node => {
    if (!parent?.kids) return by[0] ?? { id: Uint8Array.of(0x30), kids: [] };
    parent.kids.splice(index, 1, ...by);
    return out;
  };
  switch (m.op) {
    case 'delete':
      return replace([]);
    case 'repeat':
      // At most about 256 KB of copies: the point is many elements (the reader's limit is 10,000), not a big file.
      node.times = Math.max(2, Math.min((node.times ?? 1) * (m.times + 1), Math.floor(256_000 / Math.max(1, encodeOnce(node).length))));
      return out;
    case 'retag':
      node.id = Uint8Array.of(m.tag);
      return out;
    case 'longtag':
      node.id = Uint8Array.from([(node.id[0] as number) | 0x1f, ...Array.from({ length: m.extra }, () => 0xff), 0x01]);
      return out;
    case 'graft':
      return replace([donors[m.donor % donors.length] as Node]);
    case 'nest':
      node.wrap = { depth: (node.wrap?.depth ?? 0) + m.depth, indefinite: m.indefinite };
      return out;
    case 'indefinite':
      if (node.kids) node.indefinite = true;
      else node.id = Uint8Array.of((node.id[0] as number) | 0x20);
      return out;
    case 'body':
      delete node.kids;
      node.body = m.bytes;
      return out;
    case 'text':
      delete node.kids;
      node.body = new Uint8Array(Buffer.from(m.text, 'utf8'));
      return out;
    case 'bigbody':
      delete node.kids;
      node.body = new Uint8Array(m.length).fill(m.fill);
      return out;
    case 'empty':
      if (node.kids) node.kids = [];
      else node.body = new Uint8Array();
      return out;
  }
}

/** Every element of these trees (for grafting). */
export function allNodes(roots: Node[]): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    out.push(n);
    n.kids?.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}
