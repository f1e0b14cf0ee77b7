import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx, emptyBodySchema } from '../../platform/http.ts';
import type { ReportExport } from './report-export.ts';
import {
  campaignInputSchema,
  campaignListSchema,
  campaignSchema,
  editSchema,
  extendSchema,
  generateSchema,
  returnCommentSchema,
  returnsQuerySchema,
  returnsSchema,
  submissionSchema,
} from './reports.schema.ts';
import type { ReportsService } from './reports.service.ts';

const tags = ['reports'];
const idParams = z.strictObject({ id: z.uuid() });
const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 报送: campaigns, their calendar, and the returns sent up to the next level (with exports). */
export function reportsRoutes(reports: ReportsService, exports: ReportExport) {
  return async (app: App) => {
    app.get(
      '/campaigns',
      {
        config: { access: 'stats.read' },
        schema: {
          tags,
          summary: "Campaigns covering the caller's region or inside their jurisdiction, with the calendar",
          response: { 200: campaignListSchema },
        },
      },
      async (request) => reports.listCampaigns(actorOf(request)),
    );
    app.post(
      '/campaigns',
      {
        config: { access: 'stats.report' },
        schema: {
          tags,
          summary: 'Create a campaign (专项救助行动) for a region in the jurisdiction',
          body: campaignInputSchema,
          response: { 201: campaignSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await reports.createCampaign(ctx(request), request.body)),
    );
    app.get(
      '/campaigns/:id',
      {
        config: { access: 'stats.read' },
        schema: {
          tags,
          summary: 'A campaign and its reporting calendar',
          params: idParams,
          response: { 200: campaignSchema },
        },
      },
      async (request) => reports.getCampaign(actorOf(request), request.params.id),
    );
    app.post(
      '/campaigns/:id/extend',
      {
        config: { access: 'stats.report' },
        schema: {
          tags,
          summary: 'Extend a campaign to a later end date (a higher level’s campaign is read-only)',
          params: idParams,
          body: extendSchema,
          response: { 200: campaignSchema },
        },
      },
      async (request) => reports.extendCampaign(ctx(request), request.params.id, request.body.endsOn),
    );
    app.get(
      '/campaigns/:id/returns',
      {
        config: { access: 'stats.read' },
        schema: {
          tags,
          summary:
            "A region's returns per period (default: the caller's) and each child's, with their state; overdue ones flagged",
          params: idParams,
          querystring: returnsQuerySchema,
          response: { 200: returnsSchema },
        },
      },
      async (request) => reports.returns(actorOf(request), request.params.id, request.query.region),
    );
    app.post(
      '/campaigns/:id/submissions',
      {
        config: { access: 'stats.report' },
        schema: {
          tags,
          summary:
            "Generate the caller's own return for a period as a draft with a snapshot of the figures (again while draft or returned)",
          params: idParams,
          body: generateSchema,
          response: { 200: submissionSchema },
        },
      },
      async (request) => reports.generate(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/submissions/:id',
      {
        config: { access: 'stats.read' },
        schema: {
          tags,
          summary:
            'A return: its frozen figures, the live figures’ differences, what the caller may do, its history',
          params: idParams,
          response: { 200: submissionSchema },
        },
      },
      async (request) => reports.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/submissions/:id',
      {
        config: { access: 'stats.report' },
        schema: {
          tags,
          summary: 'Remarks and 填报人, while draft or returned',
          params: idParams,
          body: editSchema,
          response: { 200: submissionSchema },
        },
      },
      async (request) => reports.edit(ctx(request), request.params.id, request.body),
    );
    for (const [path, summary, act] of [
      ['regenerate', 'Take the figures again (draft or returned)', reports.regenerate],
      ['submit', 'Send the return up to the parent region; a resubmission is a new version', reports.submit],
      ['approve', "The parent region's bureau approves: the figures are frozen for good", reports.approve],
    ] as const)
      app.post(
        `/submissions/:id/${path}`,
        {
          config: { access: 'stats.report' },
          schema: {
            tags,
            summary,
            params: idParams,
            body: emptyBodySchema,
            response: { 200: submissionSchema },
          },
        },
        async (request) => act(ctx(request), request.params.id),
      );
    app.post(
      '/submissions/:id/return',
      {
        config: { access: 'stats.report' },
        schema: {
          tags,
          summary: "The parent region's bureau sends it back with a comment (required)",
          params: idParams,
          body: returnCommentSchema,
          response: { 200: submissionSchema },
        },
      },
      async (request) => reports.sendBack(ctx(request), request.params.id, request.body.comment),
    );
    app.get(
      '/submissions/:id/export.xlsx',
      {
        config: { access: 'stats.read' },
        schema: {
          tags,
          summary:
            'The return as an Excel workbook (title, 填报单位, 填报人, every figure, breakdown tables); audited',
          params: idParams,
        },
      },
      async (request, reply) => {
        const { file, name } = await exports.xlsx(ctx(request), request.params.id);
        return reply
          .header('content-disposition', attachment(name, 'submission.xlsx'))
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(file);
      },
    );
    app.get(
      '/submissions/:id/brief.pdf',
      {
        config: { access: 'stats.read' },
        schema: {
          tags,
          summary: 'A one-page PDF brief for leaders: headline figures and a bar chart; audited',
          description: '503 PDF_FONT_MISSING when the server has no CJK font (PDF_FONT_PATH).',
          params: idParams,
        },
      },
      async (request, reply) => {
        const { file, name } = await exports.pdf(ctx(request), request.params.id);
        return reply
          .header('content-disposition', attachment(name, 'brief.pdf'))
          .type('application/pdf')
          .send(file);
      },
    );
  };
}
