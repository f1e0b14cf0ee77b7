/**
 * The plan's tasks: made on activation and escalation (each measure once per wording), done by
 * their owner role, escalated to the leader on duty when their deadline passes. Deadlines live
 * in the rows; a pg-boss timer fires at each and a minute sweep catches any timer lost, so a
 * restart delays an escalation by at most a minute.
 */
import { can, planFor, type ResponseLevel, roleLabels } from '@warmline/domain';
import type { Db, DbOrTx, Tx } from '../../db/pool.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Scheduler } from '../../platform/jobs.ts';
import type { DutyLookup, Notifier } from '../../platform/notifier.ts';
import { createResponseRepository, type ResponseRow, type TaskRow } from './response.repository.ts';

export const RESPONSE_TASK_CHECK_JOB = 'response-task-check';
export const RESPONSE_TASK_SWEEP_JOB = 'response-task-sweep';

export interface ResponseDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  scheduler: Scheduler;
  notifier: Notifier;
  duty: DutyLookup | null;
  /** Multiplies the plan's deadlines (RESPONSE_DUE_SCALE; 1 in service). */
  dueScale?: number;
}

/** Who is told: the leader on duty, else the region's bureau administrators. */
export async function responsible(deps: ResponseDeps, tx: DbOrTx, regionCode: string): Promise<string[]> {
  const leader = await deps.duty?.leaderOnDuty(tx, regionCode, deps.clock.now());
  return leader ? [leader] : createResponseRepository(tx).bureauAdmins(regionCode);
}

/** The level's measures not yet on the response (by wording), as tasks due from now. */
export async function planTasks(deps: ResponseDeps, tx: Tx, response: ResponseRow, level: ResponseLevel) {
  const repo = createResponseRepository(tx);
  const now = deps.clock.now();
  // A measure already open or done is not owed twice; one called off (cancelled when the level was
  // lowered) is owed again when the level comes back.
  const have = new Set(
    (await repo.tasksOf(response.id)).filter((t) => t.state !== 'cancelled').map((t) => t.title),
  );
  return repo.insertTasks(
    planFor(level)
      .filter((m) => !have.has(m.zh))
      .map((m) => ({
        id: deps.ids.next(),
        responseId: response.id,
        regionCode: response.regionCode,
        level,
        code: m.code,
        title: m.zh,
        ownerRole: m.owner,
        dueAt: new Date(now.getTime() + m.dueHours * 3_600_000 * (deps.dueScale ?? 1)),
        state: 'open',
        createdAt: now,
      })),
  );
}

/** After commit: a timer at each new task's deadline (the sweep is the backstop). */
export async function scheduleTasks(deps: ResponseDeps, tasks: readonly TaskRow[]) {
  for (const t of tasks) await deps.scheduler.at(RESPONSE_TASK_CHECK_JOB, { taskId: t.id }, t.dueAt);
}

export function createResponseTasks(deps: ResponseDeps) {
  const { db, clock, recordEvent } = deps;

  /** Escalates one task if it is open past its deadline and not yet escalated; idempotent. */
  async function check(taskId: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const repo = createResponseRepository(tx);
      const task = await repo.lockTask(null, taskId);
      const now = clock.now();
      if (task?.state !== 'open' || task.escalatedAt || task.dueAt > now) return false;
      await repo.updateTask(task.id, { escalatedAt: now });
      await recordEvent(
        tx,
        { actorId: null },
        {
          action: 'response.task_overdue',
          entityType: 'response_task',
          entityId: task.id,
          regionCode: task.regionCode,
          payload: { responseId: task.responseId, code: task.code, dueAt: task.dueAt.toISOString() },
        },
      );
      const users = await responsible(deps, tx, task.regionCode);
      await deps.notifier.send(
        tx,
        users.map((userId) => ({
          userId,
          regionCode: task.regionCode,
          kind: 'response.task_overdue',
          title: `应急任务逾期：${task.title}`,
          body: `责任岗位：${roleLabels[task.ownerRole as keyof typeof roleLabels]?.zh ?? task.ownerRole}`,
          link: `/response?id=${task.responseId}`,
        })),
      );
      return true;
    });
  }

  return {
    check,
    /** Every overdue task whose timer was lost. */
    async sweep(): Promise<number> {
      let n = 0;
      for (const id of await createResponseRepository(db).overdueTaskIds(clock.now()))
        if (await check(id)) n++;
      return n;
    },

    /** Done by someone in the owner role (or who manages the response), with a note. */
    async done(ctx: Ctx, taskId: string, note: string | undefined) {
      return db.transaction(async (tx) => {
        const repo = createResponseRepository(tx);
        const task = await repo.lockTask(ctx.actor, taskId);
        if (!task) throw new AppError('NOT_FOUND');
        if (task.state !== 'open') throw new AppError('TASK_NOT_OPEN');
        if (ctx.actor.role !== task.ownerRole && !can(ctx.actor.role, 'response.manage'))
          throw new AppError('TASK_NOT_YOURS');
        const now = clock.now();
        await repo.updateTask(task.id, {
          state: 'done',
          doneAt: now,
          doneBy: ctx.actor.id,
          note: note ?? null,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'response.task_done',
            entityType: 'response_task',
            entityId: task.id,
            regionCode: task.regionCode,
            payload: { responseId: task.responseId, code: task.code, onTime: now <= task.dueAt },
          },
        );
        return task.responseId;
      });
    },
  };
}
