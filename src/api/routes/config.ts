import { redactedConfig, type Config } from '../../config';
import { secureRouter, type SecureRouter } from '../secure-router';

/** The administrator sees the settings the hub runs with (from the environment, checked at start-up), secrets hidden. */
export function configRouter(config: Config | undefined): SecureRouter {
  const r = secureRouter();
  r.get('/config', 'config:read', (_req, res) => {
    res.json(config ? redactedConfig(config) : {});
  });
  return r;
}
