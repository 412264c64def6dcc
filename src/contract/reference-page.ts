/**
 * The API reference as one server-rendered HTML page in Ukrainian (GET /api/v1/docs), drawn from
 * the same OpenAPI and AsyncAPI documents the hub serves. Styles are inline and nothing is loaded
 * from elsewhere: a council's server may have no internet.
 */
type Json = Record<string, unknown>;

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** `code` spans, the little markdown the documents use. */
const md = (s: unknown): string => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** Paragraphs of it. */
const text = (s: unknown): string => String(s ?? '').split(/\n{2,}/).map((p) => `<p>${md(p)}</p>`).join('');

function accessUk(access: unknown): string {
  if (access === 'public') return 'відкритий, без автентифікації';
  if (access === 'authenticated') return 'будь-який автентифікований викликач';
  return `потрібен дозвіл <code>${esc(access)}</code>`;
}

const anchor = (name: string): string => `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A schema in a few words, its references as links to the schema section. */
function typeOf(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'будь-що';
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const path = s.$ref.replace(/^#\/components\/schemas\//, '');
    const [name = path, ...rest] = path.split('/');
    return `<a href="#${anchor(name)}">${esc(name)}</a>${rest.length ? ` › ${esc(rest[rest.length - 1])}` : ''}`;
  }
  if ('const' in s) return `= <code>${esc(JSON.stringify(s.const))}</code>`;
  if (Array.isArray(s.enum)) return `одне з: ${s.enum.map((v) => `<code>${esc(v)}</code>`).join(', ')}`;
  for (const k of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(s[k])) return (s[k] as unknown[]).map(typeOf).join(k === 'allOf' ? ' і ' : ' або ');
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  const shown = types.map((t) => (t === 'array' ? `масив із ${typeOf(s.items)}` : esc(t)));
  const format = s.format ? ` <small>(${esc(s.format)})</small>` : '';
  return (shown.join(' | ') || 'будь-що') + format;
}

function propertiesTable(schema: Json): string {
  const props = schema.properties as Record<string, Json> | undefined;
  if (!props || !Object.keys(props).length) return '';
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(([name, p]) =>
    `<tr><td><code>${esc(name)}</code></td><td>${typeOf(p)}</td><td>${required.has(name) ? 'так' : ''}</td><td>${md(p.description ?? '')}</td></tr>`);
  return `<table><thead><tr><th>Поле</th><th>Тип</th><th>Обов’язкове</th><th>Опис</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function contentList(content: unknown): string {
  if (!content || typeof content !== 'object') return '';
  // An envelope written inline (a page, a list) is shown with its fields; a schema of schemas/ as a link.
  return Object.entries(content as Record<string, Json>)
    .map(([type, c]) => `<code>${esc(type)}</code>: ${typeOf(c.schema)}${(c.schema as Json | undefined)?.properties ? propertiesTable(c.schema as Json) : ''}`)
    .join('<br>');
}

function operationHtml(path: string, method: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const paramRows = params.map((p) =>
    `<tr><td><code>${esc(p.name)}</code></td><td>${esc({ path: 'шлях', query: 'запит', header: 'заголовок' }[p.in as string] ?? p.in)}</td><td>${p.required ? 'так' : ''}</td><td>${typeOf(p.schema)}</td><td>${md(p.description ?? '')}</td></tr>`);
  const body = op.requestBody as Json | undefined;
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
    .filter(([, r]) => !r.$ref)
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${md(r.description)}</td><td>${contentList(r.content)}</td></tr>`);
  return `<section class="op" id="op-${esc(op.operationId ?? `${method}${path}`)}">
<h3><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p><strong>${esc(op.summary)}</strong> <span class="en">${esc(op['x-summary-en'] ?? '')}</span></p>
<p class="perm">Доступ: ${accessUk(op['x-permission'])}</p>
${paramRows.length ? `<h4>Параметри</h4><table><thead><tr><th>Назва</th><th>Де</th><th>Обов’язковий</th><th>Тип</th><th>Опис</th></tr></thead><tbody>${paramRows.join('')}</tbody></table>` : ''}
${body ? `<h4>Тіло запиту</h4>${body.description ? `<p>${md(body.description)}</p>` : ''}<p>${contentList(body.content)}</p>` : ''}
<h4>Відповіді</h4><table><thead><tr><th>Код</th><th>Що означає</th><th>Вміст</th></tr></thead><tbody>${responses.join('')}
<tr><td>4XX, 5XX</td><td>Помилка: стабільний <code>code</code>, <code>message</code>, <code>messageUk</code></td><td><a href="#${anchor('ApiError')}">ApiError</a></td></tr></tbody></table>
</section>`;
}

function channelsHtml(asyncapi: Json): string {
  const channels = (asyncapi.channels as Record<string, Json>) ?? {};
  const messages = ((asyncapi.components as Json)?.messages as Record<string, Json>) ?? {};
  const rows = Object.values(channels).map((c) => {
    const binding = (c.bindings as Json)?.amqp as Json;
    const where = binding?.is === 'queue' ? `черга <code>${esc((binding.queue as Json).name)}</code>` : `обмінник <code>${esc((binding?.exchange as Json)?.name)}</code>, ключ <code>${esc(c.address)}</code>`;
    const msgs = Object.keys((c.messages as Json) ?? {}).map((m) => {
      const msg = messages[m] ?? {};
      return `${esc(msg.title ?? m)} (<code>${esc(msg.contentType ?? 'application/json')}</code>): ${typeOf(msg.payload)}`;
    });
    return `<tr><td>${esc(c.title)}</td><td>${where}</td><td>${msgs.join('<br>')}</td></tr>`;
  });
  return `<table><thead><tr><th>Канал</th><th>Де</th><th>Повідомлення</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1d1d1f}
h1{font-size:1.7em}h2{border-bottom:2px solid #ccd;margin-top:2em}h3{font-size:1.05em;margin-bottom:.2em}
table{border-collapse:collapse;margin:.4em 0 1em;width:100%;font-size:.93em}th,td{border:1px solid #dde;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f4f8}code{background:#f3f4f8;padding:0 .2em;border-radius:3px}.en{color:#667}.perm{margin:.2em 0}
.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:3px;color:#fff;font-size:.85em;padding:0 .3em}
.m-get{background:#2d6cdf}.m-post{background:#1d8a4a}.m-put{background:#b57200}.m-delete{background:#c0392b}
.op{border-left:3px solid #ccd;padding-left:1em;margin:1.2em 0}nav ul{columns:2}`;

/** The whole page. */
export function renderReferencePage(openapi: Json, asyncapi: Json): string {
  const info = openapi.info as Json;
  const tags = (openapi.tags as Array<{ name: string; description: string }>) ?? [];
  const byTag = new Map<string, string[]>(tags.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(openapi.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ['інше'])[0] as string;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(operationHtml(path, method, op));
    }
  }
  const tagTitle = (name: string) => tags.find((t) => t.name === name)?.description ?? name;
  const sections = [...byTag].filter(([, ops]) => ops.length).map(([tag, ops]) => `<h2 id="tag-${esc(tag)}">${esc(tagTitle(tag))}</h2>${ops.join('\n')}`);
  const schemas = Object.entries(((openapi.components as Json).schemas as Record<string, Json>) ?? {}).map(([name, s]) =>
    `<section id="${anchor(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${md(s.description)}</p>` : ''}${propertiesTable(s) || `<p>Тип: ${typeOf(s)}</p>`}</section>`);
  return `<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)}: довідник API</title><style>${STYLE}</style></head><body>
<h1>${esc(info.title)}</h1>
<p>Версія ${esc(info.version)}. Машиночитний контракт: <a href="openapi.json">OpenAPI 3.1</a> (HTTP) і <a href="asyncapi.json">AsyncAPI 3</a> (AMQP).</p>
${text(info.description)}
<nav><h2>Зміст</h2><ul>${[...byTag].filter(([, ops]) => ops.length).map(([tag]) => `<li><a href="#tag-${esc(tag)}">${esc(tagTitle(tag))}</a></li>`).join('')}
<li><a href="#amqp">Обмін повідомленнями (AMQP)</a></li><li><a href="#schemas">Схеми даних</a></li></ul></nav>
${sections.join('\n')}
<h2 id="amqp">Обмін повідомленнями (AMQP)</h2>${text((asyncapi.info as Json).description)}${channelsHtml(asyncapi)}
<h2 id="schemas">Схеми даних</h2>
${schemas.join('\n')}
</body></html>`;
}
