import type { ResponseKpis } from '../responses/kpis';
import type { PlaybookItem } from './playbook';
import type { CrisisType, Strategy } from './scct';

/** The steps of making a report, in order: the app shows them as progress. */
export const REPORT_STAGES = [
  'crises',
  'mentions',
  'hashtags',
  'people',
  'responses',
  'tone',
  'render',
  'save',
] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

export interface ReportModel {
  brand: string;
  lang: 'es' | 'en';
  /** A crisis episode's report, or one for a period the user chose (a monthly client report). */
  kind: 'crisis' | 'period';
  from: number;
  to: number;
  /** The workspace's zone: every date in the report is local to it. */
  timezone: string;
  crisisId: string | null;
  phases: {
    onset: number | null;
    peak: number | null;
    end: number | null;
    detectedAt: number | null;
  };
  totals: {
    mentions: number;
    customer: number;
    negative: number;
    complaints: number;
    brandReplies: number;
  };
  /** A period report: the same totals over as many days just before, to compare with. */
  previous: ReportModel['totals'] | null;
  /**
   * A period report whose days the stored mentions do not all reach: the first and last
   * mention's time, so the report can say the days outside count as empty (null: covered).
   */
  coverage: { first: number; last: number } | null;
  /** A period report: the crisis episodes that overlap it. */
  episodes: Array<{
    id: string;
    start: number;
    peak: number;
    end: number | null;
    severity: 'low' | 'medium' | 'high';
  }>;
  series: Array<{ hour: number; total: number; negative: number; positive: number }>;
  /** 24-hour buckets from the period start: (positive − negative) / (positive + negative). */
  sentimentDaily: Array<{ hour: number; net: number | null; polar: number }>;
  channels: Array<{ channel: string; mentions: number; negative: number }>;
  hashtags: Array<{ tag: string; n: number }>;
  people: {
    byLabel: Record<string, number>;
    top: Array<{ handle: string; channel: string; label: string; negative: number; posts: number }>;
  };
  keyPosts: Array<{ handle: string; channel: string; at: number; text: string; reach: number }>;
  responses: { during: ResponseKpis; before: ResponseKpis };
  tone: { replies: number; flagged: number; canned: number; personalised: number };
  playbook: PlaybookItem[];
  /** User-added timeline events within the period, oldest first. */
  events: Array<{ id: number; at: number; label: string; action: boolean; note: string | null }>;
  /** Coombs' SCCT: the type the user chose, and the strategies seen in the brand's posts since onset. */
  scct: {
    type: CrisisType | null;
    recommended: Strategy[];
    discouraged: Strategy[];
    replies: number;
    seen: Array<{ strategy: Strategy; replies: number; cues: string[] }>;
  };
  anonymized: boolean;
}

export interface ReportRequest {
  crisisId?: string;
  from?: number;
  to?: number;
  lang?: 'es' | 'en';
  anonymize?: boolean;
}
