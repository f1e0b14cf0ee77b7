import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  mergeBodySchema,
  personDetailSchema,
  personIdParamsSchema,
  personListSchema,
  personSearchQuerySchema,
} from './person.schema.ts';
import type { PersonService } from './person.service.ts';

/** Persons: search, timeline, merge and unmerge. */
export function personRoutes(persons: PersonService) {
  return async (app: App) => {
    const tags = ['persons'];
    app.get(
      '',
      {
        config: { access: 'encounter.read' },
        schema: {
          tags,
          summary: 'Find a person by name (characters or pinyin), temporary number, features or home region',
          querystring: personSearchQuerySchema,
          response: { 200: personListSchema },
        },
      },
      async (request) => persons.search(actorOf(request), request.query.q),
    );
    app.get(
      '/:id',
      {
        config: { access: 'encounter.read' },
        schema: { tags, params: personIdParamsSchema, response: { 200: personDetailSchema } },
      },
      async (request) => persons.get(actorOf(request), request.params.id),
    );
    app.post(
      '/:id/merge',
      {
        config: { access: 'person.manage' },
        schema: {
          tags,
          summary: 'Merge this (duplicate) record into another: its encounters move over',
          params: personIdParamsSchema,
          body: mergeBodySchema,
          response: { 200: z.object({ moved: z.number().int(), person: personDetailSchema }) },
        },
      },
      async (request) => persons.merge(ctx(request), request.params.id, request.body.intoId),
    );
    app.post(
      '/:id/unmerge',
      {
        config: { access: 'person.manage' },
        schema: {
          tags,
          summary: 'Undo a merge: the encounters that came from this record move back',
          params: personIdParamsSchema,
          response: { 200: personDetailSchema },
        },
      },
      async (request) => persons.unmerge(ctx(request), request.params.id),
    );
  };
}
