// Cumulative output against time, with the time to first token and stalls
// marked. Plain SVG: a few hundred points need no charting library.
import type { SeriesPoint, Stall } from './analyze';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 48, right: 12, top: 10, bottom: 28 };

export function StreamChart({ points, stalls, totalMs, firstTokenMs }: { readonly points: readonly SeriesPoint[]; readonly stalls: readonly Stall[]; readonly totalMs: number; readonly firstTokenMs: number | null }) {
  const maxChars = Math.max(1, points.at(-1)?.chars ?? 0);
  const span = Math.max(1, totalMs);
  const x = (ms: number) => PAD.left + (ms / span) * (WIDTH - PAD.left - PAD.right);
  const y = (chars: number) => HEIGHT - PAD.bottom - (chars / maxChars) * (HEIGHT - PAD.top - PAD.bottom);
  const path = points.length === 0 ? '' : `M${x(points[0]?.at ?? 0)},${y(0)} ` + points.map((p) => `L${x(p.at).toFixed(1)},${y(p.chars).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={`Output over time: ${maxChars} characters in ${Math.round(span)} ms`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="w-full text-stone-600 dark:text-stone-400" data-testid="stream-chart">
      {stalls.map((s, i) => (
        <rect key={i} data-stall x={x(s.from)} y={PAD.top} width={Math.max(1, x(s.to) - x(s.from))} height={HEIGHT - PAD.top - PAD.bottom} className="fill-red-400/25" />
      ))}
      <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} className="stroke-current" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} className="stroke-current" />
      {firstTokenMs !== null && (
        <g>
          <line data-ttft x1={x(firstTokenMs)} y1={PAD.top} x2={x(firstTokenMs)} y2={HEIGHT - PAD.bottom} strokeDasharray="4 3" className="stroke-orange-600" />
          <text x={x(firstTokenMs) + 4} y={PAD.top + 10} className="fill-orange-700 text-[10px] dark:fill-orange-400">
            first token {Math.round(firstTokenMs)} ms
          </text>
        </g>
      )}
      <path d={path} fill="none" strokeWidth={2} className="stroke-sky-600 dark:stroke-sky-400" />
      <text x={PAD.left} y={HEIGHT - 8} className="fill-current text-[10px]">
        0
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="fill-current text-[10px]">
        {Math.round(span)} ms
      </text>
      <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="fill-current text-[10px]">
        {maxChars}
      </text>
      <text x={6} y={HEIGHT / 2} className="fill-current text-[10px]" transform={`rotate(-90 10 ${HEIGHT / 2})`}>
        chars
      </text>
    </svg>
  );
}
