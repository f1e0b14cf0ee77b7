import { createHash } from 'node:crypto';
import { can } from '@warmline/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PartnerIdentity } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
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
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('partner', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    // Unmatched URLs (404 handler) carry no access; they are answered by the not-found handler.
    if (request.is404) return;
    if (access === undefined) throw new AppError('FORBIDDEN', { reason: 'route declares no access' });
    if (access === 'partner') {
      // Machine callers: an API key per partner organisation, never a session.
      const bearer = /^Bearer ([\w.-]{8,200})$/.exec(request.headers.authorization ?? '')?.[1];
      request.partner = bearer ? await findPartner(createHash('sha256').update(bearer).digest('hex')) : null;
      if (!request.partner) throw new AppError('INVALID_API_KEY');
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
