// The profile's reputation-over-time chart, as numbers: the running total at the end of each day
// with a change, from the day the member joined to today, thinned to a size a small chart can show.
import { STARTING_REPUTATION } from "./reputation";

export interface DailyChange {
  /** UTC calendar day, YYYY-MM-DD. */
  day: string;
  delta: number;
}

export interface ChartPoint {
  day: string;
  total: number;
}

/** Running totals, starting at the joining day; at most `maxPoints`, always keeping the first and the last. */
export function reputationSeries(changes: DailyChange[], joinedDay: string, today: string, maxPoints = 90): ChartPoint[] {
  const points: ChartPoint[] = [{ day: joinedDay, total: STARTING_REPUTATION }];
  let total = STARTING_REPUTATION;
  for (const change of changes) {
    total += change.delta;
    if (change.day === points[points.length - 1].day) points[points.length - 1].total = total;
    else points.push({ day: change.day, total });
  }
  if (points[points.length - 1].day < today) points.push({ day: today, total });
  if (points.length <= maxPoints) return points;
  // Thin by keeping every n-th point plus the last, so the shape and the end value stay true.
  const step = Math.ceil((points.length - 1) / (maxPoints - 1));
  const thinned = points.filter((_, index) => index % step === 0);
  if (thinned[thinned.length - 1] !== points[points.length - 1]) thinned.push(points[points.length - 1]);
  return thinned;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where each point sits in a `width` x `height` box: x by date, y by total (the lowest total at the bottom). */
export function chartCoordinates(points: ChartPoint[], width: number, height: number, padding = 4) {
  const times = points.map((point) => Date.parse(`${point.day}T00:00:00Z`));
  const first = times[0] ?? 0;
  const span = Math.max(DAY_MS, (times[times.length - 1] ?? first) - first);
  const totals = points.map((point) => point.total);
  const low = Math.min(...totals);
  const high = Math.max(...totals);
  const range = Math.max(1, high - low);
  return points.map((point, index) => ({
    x: Math.round((padding + ((times[index] - first) / span) * (width - 2 * padding)) * 10) / 10,
    y: Math.round((height - padding - ((point.total - low) / range) * (height - 2 * padding)) * 10) / 10,
  }));
}
