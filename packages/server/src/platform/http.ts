import type { Permission } from '@warmline/domain';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, PartnerIdentity, SentinelIdentity } from './actor.ts';
import { AppError } from './errors.ts';

/**
 * Who may call a route: nobody signed in (`public`), anyone signed in (`authenticated`),
 * a partner platform with an API key (`partner`), a registered sentinel with their token
 * (`sentinel`), or a role holding a permission. Every route declares one; a route without one is
 * refused at runtime and fails the authorization-matrix test.
 */
export type Access = 'public' | 'authenticated' | 'partner' | 'sentinel' | Permission;

/** One registered route and its declared access (read by the authorization-matrix test). */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** The partner platform behind a `Bearer` API key, on `partner` routes. */
    partner: PartnerIdentity | null;
    /** The sentinel behind a `Sentinel` token, on `sentinel` routes. */
    sentinel: SentinelIdentity | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** For POST routes that take no body: anything sent is refused rather than ignored. */
export const emptyBodySchema = z.strictObject({}).nullish();

/** The signed-in actor; routes with non-public access can rely on it. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** The sentinel behind the request's token; `sentinel` routes can rely on it. */
export function sentinelOf(request: { sentinel: SentinelIdentity | null }): SentinelIdentity {
  if (!request.sentinel) throw new AppError('INVALID_SENTINEL_TOKEN');
  return request.sentinel;
}

/** The actor and request id a service records with a change. */
export function ctxOf(request: { actor: Actor | null; id: unknown }): { actor: Actor; requestId: string } {
  return { actor: actorOf(request), requestId: String(request.id) };
}
