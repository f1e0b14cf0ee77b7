import { z } from 'zod';
import { type App, ctxOf as ctx, emptyBodySchema } from '../../platform/http.ts';
import {
  createUserBodySchema,
  phoneResponseSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from './user.schema.ts';
import type { UserService } from './user.service.ts';

export function userRoutes(users: UserService) {
  return async (app: App) => {
    const tags = ['users'];
    app.get(
      '',
      {
        config: { access: 'user.read' },
        schema: { tags, querystring: userListQuerySchema, response: { 200: userListSchema } },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return users.list(ctx(request), filter, page, pageSize);
      },
    );
    app.post(
      '',
      {
        config: { access: 'user.manage' },
        schema: { tags, body: createUserBodySchema, response: { 201: userSchema } },
      },
      async (request, reply) => reply.status(201).send(await users.create(ctx(request), request.body)),
    );
    app.get(
      '/:id',
      {
        config: { access: 'user.read' },
        schema: { tags, params: userIdParamsSchema, response: { 200: userSchema } },
      },
      async (request) => users.get(ctx(request), request.params.id),
    );
    app.patch(
      '/:id',
      {
        config: { access: 'user.manage' },
        schema: {
          tags,
          params: userIdParamsSchema,
          body: updateUserBodySchema,
          response: { 200: userSchema },
        },
      },
      async (request) => users.update(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/:id/password',
      {
        config: { access: 'user.manage' },
        schema: {
          tags,
          params: userIdParamsSchema,
          body: resetPasswordBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await users.resetPassword(ctx(request), request.params.id, request.body.password);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/:id/unlock',
      {
        config: { access: 'user.manage' },
        schema: { tags, params: userIdParamsSchema, body: emptyBodySchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await users.unlock(ctx(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/:id/totp/reset',
      {
        config: { access: 'user.manage' },
        schema: {
          tags,
          summary: 'Remove a lost second factor; the user enrols again',
          params: userIdParamsSchema,
          body: emptyBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await users.resetTotp(ctx(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/:id/phone',
      {
        config: { access: 'user.manage' },
        schema: {
          tags,
          summary: 'Full phone number (audited)',
          params: userIdParamsSchema,
          response: { 200: phoneResponseSchema },
        },
      },
      async (request) => users.revealPhone(ctx(request), request.params.id),
    );
  };
}
