import { chartCoordinates, type ChartPoint } from "~/domain/reputation-chart";
import { formatCount, formatDay } from "~/lib/format";

const WIDTH = 320;
const HEIGHT = 80;

/**
 * Reputation over time as a small server-rendered SVG: no script, prints well. Screen readers get
 * the title and a one-sentence description; the exact figures are in the reputation history below.
 */
export function ReputationChart({ points }: { points: ChartPoint[] }) {
  if (points.length < 2) return null;
  const coordinates = chartCoordinates(points, WIDTH, HEIGHT);
  const line = coordinates.map((point) => `${point.x},${point.y}`).join(" ");
  const area = `${coordinates[0].x},${HEIGHT} ${line} ${coordinates[coordinates.length - 1].x},${HEIGHT}`;
  const first = points[0];
  const last = points[points.length - 1];
  const peak = Math.max(...points.map((point) => point.total));
  const description = `Reputation went from ${formatCount(first.total)} on ${formatDay(first.day)} to ${formatCount(last.total)} on ${formatDay(last.day)}, with a high of ${formatCount(peak)}.`;
  return (
    <figure className="rep-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="rep-chart-title rep-chart-desc" preserveAspectRatio="none" className="rep-chart__svg">
        <title id="rep-chart-title">Reputation over time</title>
        <desc id="rep-chart-desc">{description}</desc>
        <polygon points={area} className="rep-chart__area" />
        <polyline points={line} className="rep-chart__line" fill="none" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="rep-chart__caption">
        <span>{formatDay(first.day)}</span>
        <span>{formatDay(last.day)}</span>
      </figcaption>
    </figure>
  );
}
