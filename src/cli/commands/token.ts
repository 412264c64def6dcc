import { appendAudit } from '../../audit';
import { HubError } from '../../errors';
import { createToken, isRole, listTokens, revokeToken, ROLES, type Role } from '../../identity';
import { withDatabase } from '../database';
import { CLI_ACTOR, parseArgs, UsageError, type CliCommand } from '../command';
import { plural } from '../../domain/plural-uk';
import { hubErrorLines } from '../hub-error';

export const command: CliCommand = {
  name: 'token',
  summary: 'створити (показується один раз), переглянути чи відкликати API-токени систем і людей',
  usage: [
    'dilovod token create --name НАЗВА --role РОЛЬ [--role РОЛЬ…] [--source ДЖЕРЕЛО…] [--staff ID] [--act-for ID…] [--expires РРРР-ММ-ДД]',
    'dilovod token list',
    'dilovod token revoke ID',
  ],
  async run(args) {
    const [sub, ...rest] = args;
    const { flags, positional } = parseArgs(rest);
    if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') throw new UsageError();
    return withDatabase(async (db) => {
      const now = new Date();
      if (sub === 'create') {
        const name = flags.get('name')?.[0];
        const roles = flags.get('role') ?? [];
        if (!name || !roles.length) throw new UsageError('потрібні --name і щонайменше одна --role');
        const bad = roles.find((r) => !isRole(r));
        if (bad) throw new UsageError(`невідома роль «${bad}»; ролі: ${ROLES.join(', ')}`);
        const expires = flags.get('expires')?.[0];
        if (expires && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) throw new UsageError(`--expires: потрібна дата РРРР-ММ-ДД, отримано «${expires}»`);
        try {
          const { token, info } = await db.tx(async (q) => {
            const made = await createToken(q, {
              name, roles: roles as Role[], sources: flags.get('source'), staffId: flags.get('staff')?.[0], actFor: flags.get('act-for'),
              // The token is valid through the whole day it names (Kyiv).
              expiresAt: expires ? new Date(`${expires}T23:59:59.999+02:00`) : undefined, createdBy: 'cli',
            }, now);
            await appendAudit(q, { at: now.toISOString(), ...CLI_ACTOR, action: 'token.created', documentId: null, before: null, after: { id: made.info.id, name, roles }, reason: null });
            return made;
          });
          console.log(token);
          console.error(`Токен «${info.name}» (${info.id}) створено. Збережіть його зараз: хаб зберігає лише його хеш і більше його не покаже.`);
        } catch (err) {
          if (err instanceof HubError) {
            console.error(`dilovod token: ${hubErrorLines(err).join('\n')}`);
            return 65;
          }
          throw err;
        }
      } else if (sub === 'list') {
        const tokens = await listTokens(db);
        for (const t of tokens) {
          const state = t.revokedAt ? `відкликано ${t.revokedAt}` : t.expiresAt && t.expiresAt <= now.toISOString() ? `прострочено ${t.expiresAt}` : 'чинний';
          console.log([t.id, t.name, t.roles.join(','), t.sources?.join(',') ?? '*', t.staffId ?? '-', state, t.lastUsedAt ?? 'не використовувався'].join('\t'));
        }
        console.error(plural(tokens.length, { one: 'токен', few: 'токени', many: 'токенів' }));
      } else {
        if (positional.length !== 1) throw new UsageError();
        const id = positional[0] as string;
        const revoked = await db.tx(async (q) => {
          const info = await revokeToken(q, id, 'cli', now);
          if (info) await appendAudit(q, { at: now.toISOString(), ...CLI_ACTOR, action: 'token.revoked', documentId: null, before: { id, name: info.name }, after: { revokedAt: info.revokedAt }, reason: null });
          return info;
        });
        if (!revoked) {
          console.error(`dilovod token: чинного токена ${id} немає`);
          return 65;
        }
        console.log(`Токен ${id} («${revoked.name}») відкликано: його більше не приймають.`);
      }
      return 0;
    }, { migrate: true });
  },
};
