import { can } from '@warmline/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PartnerIdentity, SentinelIdentity } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { hashSecret } from '../../platform/secret.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'wl_session';

/**
 * Authentication and the route's declared access, checked before anything else runs,
 * so an anonymous request gets 401 even when its body is also wrong.
 */
export function registerAccessHook(
  app: App,
  auth: AuthService,
  findPartner: (keyHash: string) => Promise<PartnerIdentity | null>,
  findSentinel: (tokenHash: string) => Promise<SentinelIdentity | null>,
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('partner', null);
  app.decorateRequest('sentinel', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    // Unmatched URLs (404 handler) carry no access; they are answered by the not-found handler.
    if (request.is404) return;
    if (access === undefined) throw new AppError('FORBIDDEN', { reason: 'route declares no access' });
    if (access === 'partner') {
      // Machine callers: an API key per partner organisation, never a session.
      const bearer = /^Bearer ([\w.-]{8,200})$/.exec(request.headers.authorization ?? '')?.[1];
      request.partner = bearer ? await findPartner(hashSecret(bearer)) : null;
      if (!request.partner) throw new AppError('INVALID_API_KEY');
      return;
    }
    if (access === 'sentinel') {
      // A sentinel's phone holds the token shown once at registration; only its hash is stored.
      const sentinelToken = /^Sentinel ([\w.-]{8,200})$/.exec(request.headers.authorization ?? '')?.[1];
      request.sentinel = sentinelToken ? await findSentinel(hashSecret(sentinelToken)) : null;
      if (!request.sentinel) throw new AppError('INVALID_SENTINEL_TOKEN');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      request.actor = await auth.authenticate(token);
      if (request.actor) request.sessionToken = token;
    }
    if (access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (access !== 'authenticated' && !can(request.actor.role, access)) throw new AppError('FORBIDDEN');
  });
}
