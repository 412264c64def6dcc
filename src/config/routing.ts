import { readFileSync } from 'node:fs';
import { checkIndexTemplate, type RegistryRouting } from '../domain/registry';
import { violations } from '../schemas';
import { ConfigError } from './index';
import { projectPath } from '../paths';

export const DEFAULT_ROUTING_FILE = projectPath('reference-data', 'registry-routing.json');

/** Which journal and case each kind goes to; a council overrides it with REGISTRY_ROUTING_FILE. */
export function loadRouting(file?: string): RegistryRouting {
  const path = file ?? DEFAULT_ROUTING_FILE;
  const variable = 'REGISTRY_ROUTING_FILE';
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(variable, `cannot read ${path}: ${(err as Error).message}`, `не вдається прочитати ${path}`);
  }
  const found = violations('registry-routing.schema.json', data);
  if (found.length) {
    const list = found.map((v) => `${v.path} ${v.message}`).join('; ');
    const listUk = found.map((v) => `${v.path} ${v.messageUk}`).join('; ');
    throw new ConfigError(variable, `${path} is not valid: ${list}`, `${path} містить помилки: ${listUk}`);
  }
  const routing = data as RegistryRouting;
  const problem = checkIndexTemplate(routing.indexTemplate);
  if (problem) throw new ConfigError(variable, problem, 'шаблон індексу має містити {number} і лише відомі поля');
  return routing;
}
