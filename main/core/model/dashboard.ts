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

export interface DaySeriesPoint {
  day: string;
  positive: number;
  neutral: number;
  negative: number;
  complaints: number;
  netSentiment: number | null;
}

export interface DashboardOverview {
  from: string;
  to: string;
  current: PeriodKpis;
  previous: PeriodKpis;
  series: DaySeriesPoint[];
  channels: Array<{ channel: string; mentions: number; negative: number }>;
  reputationFormula: string;
}
