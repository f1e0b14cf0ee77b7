import type { LeadSource, Role, SentinelState } from '@warmline/domain';

/** Who is acting, and where: every service call carries one. */
export interface Actor {
  id: string;
  role: Role;
  regionCode: string;
  /**
   * The user's organisation (a station, a bureau …), read with the session: services that narrow
   * an act to the user's own station or store need it, and it must not cost a query each time.
   */
  orgId?: string | null;
}

/** A partner platform (110, city grid, video, drone) calling with its API key. */
export interface PartnerIdentity {
  id: string;
  source: LeadSource;
  regionCode: string;
}

/** A registered sentinel calling with the token they were given at registration. */
export interface SentinelIdentity {
  id: string;
  regionCode: string;
  state: SentinelState;
}

/** The per-request facts a service may record alongside a change. */
export interface Ctx {
  actor: Actor;
  requestId: string;
}
