/** Colours of the three tones wherever mentions are stacked by sentiment. */
export const TONE_COLORS = { negative: '#d92d20', neutral: '#98a2b3', positive: '#12b76a' };

type Tone = keyof typeof TONE_COLORS;

/**
 * Negative, neutral and positive bars stacked in one column per label (the Overview's volume,
 * an author's timeline): the same order and colours in every chart.
 */
export function sentimentBars(
  rows: ReadonlyArray<Record<Tone, number>>,
  labels: Record<Tone, string>,
): Array<{ label: string; data: number[]; backgroundColor: string; stack: string }> {
  return (['negative', 'neutral', 'positive'] as const).map((tone) => ({
    label: labels[tone],
    data: rows.map((r) => r[tone]),
    backgroundColor: TONE_COLORS[tone],
    stack: 'tone',
  }));
}

/** Axes of a stacked count chart: whole numbers from zero, the y axis titled. */
export function stackedCountScales(yTitle: string) {
  return {
    x: { stacked: true },
    y: {
      stacked: true,
      beginAtZero: true,
      ticks: { precision: 0 },
      title: { display: true, text: yTitle },
    },
  };
}
