/** Shapes of the API's answers (see the server's schemas); the web never imports server code. */
import type {
  LeadDescriptor,
  LeadSource,
  LeadState,
  OrgKind,
  Permission,
  RegionLevel,
  Role,
  SentinelOrgType,
  SentinelState,
  TrustLevel,
} from '@warmline/domain';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  orgId: string | null;
  orgName: string | null;
  totpEnabled: boolean;
  permissions: Permission[];
}

export interface AppConfig {
  mapTileUrl: string;
  mapAttribution: string;
  demo: boolean;
}

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface Org {
  id: string;
  name: string;
  kind: OrgKind;
  regionCode: string;
  regionName: string;
  bedCount: number | null;
  lat: number | null;
  lng: number | null;
  userCount: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  orgId: string | null;
  orgName: string | null;
  phoneMasked: string | null;
  disabled: boolean;
  locked: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string | null;
  payload: unknown;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  total: number;
}

/** What GET /api/live sends with each `change` event. */
export interface LiveChange {
  action: string;
  entityType: string;
  entityId: string | null;
  regionCode: string | null;
  at: string;
}

/** A lead as the command centre sees it (GET /api/leads). */
export interface Lead {
  id: string;
  trackingCode: string;
  source: LeadSource;
  state: LeadState;
  descriptors: LeadDescriptor[];
  vulnerable: boolean;
  description: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  regionCode: string;
  regionName: string;
  reporterPhoneMasked: string | null;
  callBack: boolean;
  externalRef: string | null;
  spamReasons: string[];
  duplicateOf: string | null;
  likelyDuplicate: { id: string; trackingCode: string; score: number } | null;
  photoCount: number;
  /** The registered sentinel who reported it, and how far their reports have held up. */
  sentinel: {
    id: string;
    displayName: string;
    orgType: SentinelOrgType;
    trust: number;
    trustLevel: TrustLevel;
  } | null;
  receivedAt: string;
  updatedAt: string;
}

/** A lead's photo before anyone looks: its size only (the picture is an audited read). */
export interface LeadPhoto {
  id: string;
  width: number;
  height: number;
  createdAt: string;
}

/** A sentinel as the bureau reviews them (GET /api/sentinels). */
export interface Sentinel {
  id: string;
  displayName: string;
  phoneMasked: string;
  orgType: SentinelOrgType;
  orgName: string | null;
  regionCode: string;
  regionName: string;
  state: SentinelState;
  reportCount: number;
  trust: { score: number; level: TrustLevel };
  reviewNote: string | null;
  reviewedAt: string | null;
  createdAt: string;
}
