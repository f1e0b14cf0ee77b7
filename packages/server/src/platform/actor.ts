import type { Role } from '@warmline/domain';

/** Who is acting, and where: every service call carries one. */
export interface Actor {
  id: string;
  role: Role;
  regionCode: string;
}

/** The per-request facts a service may record alongside a change. */
export interface Ctx {
  actor: Actor;
  requestId: string;
}
