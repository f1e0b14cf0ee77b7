/** Shapes of the weather API's answers (the server's warning.schema.ts). */
import type { WarningColour, WarningKind } from '@warmline/domain';

export type WarningSource = 'feed' | 'upload' | 'push' | 'manual';

export interface UnresolvedArea {
  areaDesc: string;
  reason: 'unknown_code' | 'no_outline_match' | 'no_outlines' | 'nothing_to_place';
  detail?: string;
}

export interface Warning {
  id: string;
  sender: string;
  identifier: string;
  sent: string;
  source: WarningSource;
  msgType: string;
  kind: WarningKind;
  colour: WarningColour;
  headline: string | null;
  description: string | null;
  instruction: string | null;
  criteria: string | null;
  regionCodes: string[];
  regions: { code: string; name: string }[];
  regionCode: string;
  unresolved: UnresolvedArea[];
  needsReview: boolean;
  activeFrom: string;
  expires: string | null;
  endedAt: string | null;
  active: boolean;
}

export interface IngestResult {
  warnings: Warning[];
  ended: Warning[];
  duplicate: boolean;
  ignored: string[];
}

export interface Forecast {
  regionCode: string;
  night: string;
  minC: number;
  source: string;
}
