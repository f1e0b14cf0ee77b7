import { z } from 'zod';
import { type App, actorOf, emptyBodySchema } from '../../platform/http.ts';
import { SESSION_COOKIE } from './auth.hook.ts';
import {
  changePasswordBodySchema,
  loginBodySchema,
  meSchema,
  totpEnableBodySchema,
  totpSetupResponseSchema,
} from './auth.schema.ts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(
  auth: AuthService,
  opts: { sessionHours: number; secureCookie: 'auto' | 'true' | 'false' },
) {
  return async (app: App) => {
    app.post(
      '/login',
      {
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the HttpOnly session cookie',
          body: loginBodySchema,
          response: { 200: meSchema },
        },
      },
      async (request, reply) => {
        const { token, me } = await auth.login(request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          requestId: String(request.id),
        });
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: opts.secureCookie === 'auto' ? request.protocol === 'https' : opts.secureCookie === 'true',
          maxAge: opts.sessionHours * 3600,
        });
        return me;
      },
    );

    app.get(
      '/me',
      { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: meSchema } } },
      async (request) => auth.profile(actorOf(request).id),
    );

    app.post(
      '/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], body: emptyBodySchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await auth.logout(request.sessionToken!, actorOf(request), String(request.id));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/password',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], body: changePasswordBodySchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const { currentPassword, newPassword } = request.body;
        await auth.changePassword(
          actorOf(request),
          request.sessionToken!,
          currentPassword,
          newPassword,
          String(request.id),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/totp/setup',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Begin TOTP enrolment',
          body: emptyBodySchema,
          response: { 200: totpSetupResponseSchema },
        },
      },
      async (request) => auth.beginTotp(actorOf(request)),
    );

    app.post(
      '/totp/enable',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], body: totpEnableBodySchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await auth.enableTotp(actorOf(request), request.body.code, String(request.id));
        return reply.status(204).send(null);
      },
    );
  };
}
