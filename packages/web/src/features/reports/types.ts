/** Shapes of the reports API's answers (see the server's reports.schema.ts). */
import type { FigureKey, Figures, ReportPeriod, SubmissionState } from '@warmline/domain';

export interface Campaign {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  startsOn: string;
  endsOn: string;
  monthlyDueDay: number;
  finalDueDays: number;
  canEdit: boolean;
  periods: ReportPeriod[];
  createdAt: string;
}

export interface ReturnCell {
  period: string;
  dueOn: string;
  submissionId: string | null;
  state: SubmissionState | null;
  version: number | null;
  submittedAt: string | null;
  overdue: boolean;
}

export interface Returns {
  region: { code: string; name: string };
  today: string;
  periods: ReportPeriod[];
  own: ReturnCell[];
  children: { code: string; name: string; cells: ReturnCell[] }[];
}

export interface Submission {
  id: string;
  campaignId: string;
  campaignName: string;
  regionCode: string;
  regionName: string;
  title: string;
  reportingUnit: string;
  reviewerRegionCode: string | null;
  period: string;
  from: string;
  to: string;
  dueOn: string;
  overdue: boolean;
  state: SubmissionState;
  version: number;
  figures: Figures;
  remarks: string | null;
  filledBy: string | null;
  generatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  can: { edit: boolean; submit: boolean; review: boolean };
  changes: { figure: FigureKey; dim: string; was: number | null; now: number | null }[];
  history: {
    action: string;
    at: string;
    actorName: string | null;
    version: number | null;
    comment: string | null;
  }[];
}
