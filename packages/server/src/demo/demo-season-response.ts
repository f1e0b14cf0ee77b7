/**
 * The responses the winter's warnings triggered (应急响应), played on the season's timeline right
 * after each warning and after each one expires, through the response service itself: each bureau
 * region assessed, the proposals confirmed by the region's leader twenty to forty minutes later
 * (the five northern mountain counties chose 自动启动), and the plan's tasks done by their owners —
 * most on time, some late, some still open now — each deadline checked as it passes, so an
 * overdue task was escalated when it was. What is still to come stays to come: a proposal made in
 * the last half hour waits for 确认.
 */
import { defaultResponseTable, type Role } from '@warmline/domain';
import type { TaskRow } from '../modules/response/response.repository.ts';
import type { WarningView } from '../modules/weather/warning.service.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { DEMO_CITY } from './demo-city.ts';
import type { Season } from './demo-season-types.ts';
import { type DemoWarningResult, NORTH } from './demo-season-weather.ts';

/** Who leads where (a demo user); the rest of the counties are led from the city. */
const leaders: Record<string, string> = {
  [DEMO_CITY]: 'shaoguan',
  '440204': 'zhenjiang',
  '440203': 'wujiang',
  '440205': 'qujiang',
};
const owners: Partial<Record<Role, string>> = { dispatcher: 'dispatcher', supplies_keeper: 'keeper1' };

/** A decision the demo's story makes when a later one has overtaken it: nothing to do. */
async function unlessOvertaken(act: () => Promise<unknown>) {
  try {
    await act();
  } catch (err) {
    if (err instanceof AppError) return;
    throw err;
  }
}

export function demoResponses(season: Season) {
  const { responses, responseTasks } = season.services;
  const actor = (name: string, regionCode: string, role: Role = 'bureau_admin'): Actor => ({
    id: season.refs.userIds.get(name)!,
    role,
    regionCode,
  });
  const leaderOf = (code: string) => actor(leaders[code] ?? 'shaoguan', leaders[code] ? code : DEMO_CITY);

  /** The new tasks of a confirmation: done by their owners after a share of their time, checked at the deadline. */
  function work(tasks: readonly TaskRow[], leader: Actor) {
    for (const task of tasks) {
      season.timeline.add(task.dueAt, () => unlessOvertaken(() => responseTasks.check(task.id)));
      const share = 0.3 + season.random() * 1.1; // about one in six is late
      const who = owners[task.ownerRole as Role];
      const by = who ? actor(who, DEMO_CITY, task.ownerRole as Role) : leader;
      season.timeline.add(
        new Date(task.createdAt.getTime() + (task.dueAt.getTime() - task.createdAt.getTime()) * share),
        () => unlessOvertaken(() => responseTasks.done(season.ctx(by), task.id, undefined)),
      );
    }
  }

  async function assess(regionCodes: readonly string[]) {
    for (const proposal of await responses.evaluate(regionCodes)) {
      const leader = leaderOf(proposal.regionCode);
      if (proposal.state !== 'open') {
        const made = await responses.tasksMadeBy(proposal.id);
        work(made, leader); // the bureau's auto-activation
        continue;
      }
      season.timeline.add(new Date(proposal.createdAt.getTime() + (20 + season.random() * 20) * 60_000), () =>
        unlessOvertaken(async () => {
          await responses.confirm(season.ctx(leader), proposal.id);
          work(await responses.tasksMadeBy(proposal.id), leader);
        }),
      );
    }
  }

  return {
    /** Before the first warning: the mountain counties' tables, the default with 自动启动. */
    async setUp() {
      for (const code of NORTH)
        await responses.setTable(season.ctx(actor('shaoguan', DEMO_CITY)), {
          regionCode: code,
          rules: [...defaultResponseTable],
          autoActivate: true,
        });
    },
    /** After each warning, and again a few minutes after each one it stored runs out. */
    async afterWarning({ stored, ended }: DemoWarningResult) {
      const touched = (ws: WarningView[]) => ws.flatMap((w) => [...w.regionCodes, w.regionCode]);
      await assess([...touched(stored), ...touched(ended)]);
      for (const w of stored)
        if (w.expires)
          season.timeline.add(new Date(Date.parse(w.expires) + 3 * 60_000), () => assess(touched([w])));
    },
  };
}
