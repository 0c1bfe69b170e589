/** Dashboard figures, computed in the core from rollups and sent ready to display. */
export interface PeriodKpis {
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
  /** (positive − negative) / (positive + negative); null with no polar mentions. */
  netSentiment: number | null;
  complaints: number;
  complaintShare: number | null;
  brandPosts: number;
  ratingAverage: number | null;
  ratingCount: number;
  reputationIndex: number | null;
}

/** Days per point: long periods are drawn by week or month so the payload stays small. */
export type Bucket = 'day' | 'week' | 'month';

export interface DaySeriesPoint {
  /** First local day of the bucket (YYYY-MM-DD). */
  day: string;
  /** Last local day of the bucket, inclusive (clipped to the period). */
  end: string;
  positive: number;
  neutral: number;
  negative: number;
  complaints: number;
  netSentiment: number | null;
  ratingAverage: number | null;
  ratingCount: number;
}

export interface ChannelBreakdown {
  channel: string;
  mentions: number;
  positive: number;
  negative: number;
  complaints: number;
  ratingAverage: number | null;
  ratingCount: number;
  /** Customer mentions in the comparison period. */
  previous: number;
}

export interface DashboardOverview {
  from: string;
  to: string;
  /** The period compared against: the same number of days just before, or one chosen. */
  compareFrom: string;
  compareTo: string;
  bucket: Bucket;
  current: PeriodKpis;
  previous: PeriodKpis;
  series: DaySeriesPoint[];
  /** The comparison period bucketed the same way, aligned by position. */
  previousSeries: DaySeriesPoint[];
  channels: ChannelBreakdown[];
  reputationFormula: string;
}

/** A facet value (topic, hashtag, star rating) in the period and the comparison period. */
export interface FacetCount {
  value: string;
  mentions: number;
  negative: number;
  previous: number;
}

/**
 * A hashtag or word used more than its own baseline. Hashtags are rated per day (a surge in
 * volume is the news); words per 100 mentions (a word riding a surge of all traffic is not).
 */
export interface EmergingItem {
  value: string;
  mentions: number;
  negative: number;
  /** Uses per day (hashtags) or per 100 mentions (words) in the baseline window. */
  baseline: number;
  /** Same unit, in the period. */
  rate: number;
  /** (rate + 1) / (baseline + 1): 1 is no change. */
  growth: number;
}

export interface DashboardTrends {
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
  topics: FacetCount[];
  stars: FacetCount[];
  hashtags: EmergingItem[];
  terms: EmergingItem[];
  /** How many recent mentions the term counts read (terms are sampled, hashtags are not). */
  termSample: { period: number; baseline: number };
  baselineFrom: string;
}

export interface DashboardResponses {
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
  current: ResponseSummary;
  previous: ResponseSummary;
}

export interface ResponseSummary {
  /** Customer complaints posted in the period with no brand reply (yet). */
  unansweredComplaints: number;
  complaints: number;
  /** Median minutes from a customer mention to the first brand reply; null with no replies. */
  medianFirstResponseMinutes: number | null;
  answered: number;
}
