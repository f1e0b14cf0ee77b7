import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, ctxOf as ctx, emptyBodySchema } from '../../platform/http.ts';
import { positionBodySchema, teamSchema, teamStatusBodySchema } from '../teams/team.schema.ts';
import type { TeamService } from '../teams/team.service.ts';
import {
  alertIdParamsSchema,
  alertListSchema,
  assignBodySchema,
  completeBodySchema,
  dispatchIdParamsSchema,
  dispatchListSchema,
  dispatchSchema,
  leadIdParamsSchema,
  reasonBodySchema,
  recommendationListSchema,
  timelineSchema,
} from './dispatch.schema.ts';
import type { DispatchService } from './dispatch.service.ts';

/** The command centre: recommend, assign, withdraw; the live board; alerts; a lead's timeline. */
export function dispatchRoutes(dispatch: DispatchService) {
  return async (app: App) => {
    const tags = ['dispatch'];
    app.get(
      '/leads/:id/recommendations',
      {
        config: { access: 'dispatch.manage' },
        schema: {
          tags,
          summary: 'The 5 best available teams for a lead, by estimated arrival',
          params: leadIdParamsSchema,
          response: { 200: recommendationListSchema },
        },
      },
      async (request) => dispatch.recommend(actorOf(request), request.params.id),
    );
    app.post(
      '/leads/:id/dispatch',
      {
        config: { access: 'dispatch.manage' },
        schema: {
          tags,
          summary: 'Assign a lead to a team; the team must accept in time',
          description:
            'Two dispatchers assigning the same lead at once: exactly one wins; the other gets 409 LEAD_ALREADY_DISPATCHED.',
          params: leadIdParamsSchema,
          body: assignBodySchema,
          response: { 201: dispatchSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await dispatch.assign(ctx(request), request.params.id, request.body.teamId)),
    );
    app.get(
      '/leads/:id/dispatches',
      {
        config: { access: 'lead.read' },
        schema: { tags, params: leadIdParamsSchema, response: { 200: dispatchListSchema } },
      },
      async (request) => dispatch.listForLead(actorOf(request), request.params.id),
    );
    app.get(
      '/leads/:id/timeline',
      {
        config: { access: 'lead.read' },
        schema: {
          tags,
          summary: "Every event of a lead's life, oldest first",
          params: leadIdParamsSchema,
          response: { 200: timelineSchema },
        },
      },
      async (request) => dispatch.timeline(actorOf(request), request.params.id),
    );
    app.get(
      '/dispatches',
      {
        config: { access: 'lead.read' },
        schema: {
          tags,
          summary: 'Live assignments with their SLA clocks',
          response: { 200: dispatchListSchema },
        },
      },
      async (request) => dispatch.listLive(actorOf(request)),
    );
    app.post(
      '/dispatches/:id/cancel',
      {
        config: { access: 'dispatch.manage' },
        schema: {
          tags,
          params: dispatchIdParamsSchema,
          body: reasonBodySchema,
          response: { 200: dispatchSchema },
        },
      },
      async (request) => dispatch.cancel(ctx(request), request.params.id, request.body?.reason),
    );
    app.get(
      '/alerts',
      {
        config: { access: 'lead.read' },
        schema: { tags, summary: 'Open alerts for the duty leader', response: { 200: alertListSchema } },
      },
      async (request) => dispatch.alerts(actorOf(request), true),
    );
    app.post(
      '/alerts/:id/acknowledge',
      {
        config: { access: 'dispatch.manage' },
        schema: { tags, params: alertIdParamsSchema, body: emptyBodySchema },
      },
      async (request, reply) => {
        await dispatch.acknowledge(ctx(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}

/** The patrol member's phone: my team, my assignments, and acting on them. */
export function patrolRoutes(dispatch: DispatchService, teams: TeamService) {
  return async (app: App) => {
    const tags = ['patrol'];
    const access = 'dispatch.work' as const;
    const myTeamId = async (request: Parameters<typeof actorOf>[0]) => {
      const id = await teams.teamOfUser(actorOf(request).id);
      if (!id) throw new AppError('NOT_TEAM_MEMBER');
      return id;
    };
    app.get(
      '/dispatches',
      {
        config: { access },
        schema: { tags, summary: "My team's assignments, live first", response: { 200: dispatchListSchema } },
      },
      async (request) => ({ items: (await dispatch.mine(actorOf(request))).items }),
    );
    app.get(
      '/team',
      { config: { access }, schema: { tags, summary: 'My team', response: { 200: teamSchema } } },
      async (request) => teams.get(actorOf(request), await myTeamId(request)),
    );
    app.post(
      '/team/status',
      {
        config: { access },
        schema: {
          tags,
          summary: 'My team on or off duty',
          body: teamStatusBodySchema,
          response: { 200: teamSchema },
        },
      },
      async (request) => teams.setStatus(ctx(request), await myTeamId(request), request.body.status),
    );
    app.post(
      '/team/position',
      {
        config: { access },
        schema: {
          tags,
          summary: "My team's position (WGS-84)",
          body: positionBodySchema,
          response: { 200: teamSchema },
        },
      },
      async (request) => teams.locate(ctx(request), await myTeamId(request), request.body),
    );
    const acting = (summary: string) => ({
      config: { access },
      schema: {
        tags,
        summary,
        params: dispatchIdParamsSchema,
        body: reasonBodySchema,
        response: { 200: dispatchSchema },
      },
    });
    app.post(
      '/dispatches/:id/accept',
      acting('Accept an assignment (within the acceptance window)'),
      (request) => dispatch.accept(ctx(request), request.params.id),
    );
    app.post('/dispatches/:id/decline', acting('Decline; the lead returns to the queue'), (request) =>
      dispatch.decline(ctx(request), request.params.id, request.body?.reason),
    );
    app.post('/dispatches/:id/arrive', acting('Mark the team on scene'), (request) =>
      dispatch.arrive(ctx(request), request.params.id),
    );
    app.post(
      '/dispatches/:id/complete',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Close with an outcome: found and helped, not found, or false alarm',
          params: dispatchIdParamsSchema,
          body: completeBodySchema,
          response: { 200: dispatchSchema },
        },
      },
      (request) =>
        dispatch.complete(ctx(request), request.params.id, request.body.outcome, request.body.note),
    );
  };
}
