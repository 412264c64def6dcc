/**
 * The JSON Schemas of schemas/ (and the connectors' own message schemas) as the components of a
 * published document: the very objects the hub validates with (src/schemas), never copied, so the
 * contract cannot drift from them. Each file becomes one component named by its `title`;
 * the file-relative `$ref`s (`registration.schema.json`, `#/definitions/text`) are rewritten to
 * point inside the document, and `$schema`/`$id` are dropped (a document has one base URI).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectPath } from '../paths';
import { schemaFiles } from '../schemas';

type Json = unknown;
export type JsonSchema = Record<string, Json>;

/** The connectors' message schemas that travel on the broker (card in, status out). */
const CONNECTOR_SCHEMAS = [join('connectors', 'hotline', 'card.schema.json'), join('connectors', 'hotline', 'status.schema.json')];

interface SchemaFile {
  file: string;
  name: string;
  schema: JsonSchema;
}

let cache: SchemaFile[] | undefined;

function readAll(): SchemaFile[] {
  if (cache) return cache;
  const found = [
    ...schemaFiles().map((f) => ({ path: join('schemas', f.file), schema: f.schema as JsonSchema })),
    ...CONNECTOR_SCHEMAS.map((path) => ({ path, schema: JSON.parse(readFileSync(projectPath(path), 'utf8')) as JsonSchema })),
  ];
  const files = found.map(({ path, schema }) => {
    if (typeof schema.title !== 'string') throw new Error(`${path}: a published schema needs a title (its component name)`);
    return { file: basename(path), name: schema.title, schema };
  });
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.name)) throw new Error(`two schemas share the title ${f.name}: component names must be unique`);
    names.add(f.name);
  }
  cache = files;
  return files;
}

/** The component name of a schema file (`document-card.schema.json` → `DocumentCard`). */
export function componentName(file: string): string {
  const found = readAll().find((f) => f.file === file);
  if (!found) throw new Error(`no schema file ${file} in schemas/`);
  return found.name;
}

export interface ComponentOptions {
  /** Where components live in the document, e.g. `#/components/schemas/`. */
  prefix: string;
  /**
   * OpenAPI 3.1 speaks JSON Schema 2020-12, where local definitions are `$defs`; AsyncAPI's
   * schema format is draft-07, where they stay `definitions`.
   */
  defsKeyword: 'definitions' | '$defs';
}

/** Rewrites one schema (a file's, or an operation's inline one written with file refs) for the document. */
export function rewriteSchema(schema: Json, self: string | undefined, opts: ComponentOptions): Json {
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node as JsonSchema)) {
      if (key === '$schema' || key === '$id') continue;
      if (key === '$ref' && typeof value === 'string') out.$ref = rewriteRef(value, self, opts);
      else if (key === 'definitions' || key === '$defs') out[opts.defsKeyword] = mapValues(value as JsonSchema, walk);
      else if (key === 'properties' || key === 'patternProperties') out[key] = mapValues(value as JsonSchema, walk);
      else out[key] = walk(value);
    }
    return out;
  };
  return walk(schema);
}

function mapValues(obj: JsonSchema, fn: (v: Json) => Json): JsonSchema {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

function rewriteRef(ref: string, self: string | undefined, opts: ComponentOptions): string {
  const [file, pointer = ''] = ref.split('#') as [string, string?];
  const target = file ? componentName(basename(file)) : self;
  if (!target) throw new Error(`a local $ref (${ref}) outside a schema file`);
  const local = pointer.replace(/^\/(definitions|\$defs)\//, `/${opts.defsKeyword}/`);
  return `${opts.prefix}${target}${local}`;
}

const built = new Map<string, Record<string, Json>>();

/** Every schema file as a component, keyed by its name (built once per option set; do not mutate). */
export function schemaComponents(opts: ComponentOptions): Record<string, Json> {
  const key = `${opts.prefix} ${opts.defsKeyword}`;
  let out = built.get(key);
  if (!out) {
    out = Object.fromEntries(readAll().map((f) => [f.name, rewriteSchema(f.schema, f.name, opts)]));
    built.set(key, out);
  }
  return out;
}

/**
 * Only the components a document uses (directly, or through another component): the schema files
 * of settings (signature policy, routing) are not part of the wire contract.
 */
export function usedComponents(roots: unknown[], components: Record<string, Json>, prefix: string): Record<string, Json> {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as JsonSchema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(prefix)) {
        const name = value.slice(prefix.length).split('/')[0] as string;
        if (!used.has(name) && components[name]) {
          used.add(name);
          visit(components[name]);
        }
      } else visit(value);
    }
  };
  roots.forEach(visit);
  return Object.fromEntries(Object.entries(components).filter(([name]) => used.has(name)));
}
