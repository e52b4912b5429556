export interface Point {
  label: string;
  value: number | null;
}

/** A line over time with its axis in percent; gaps (null) break the line. */
export function LineChart({ title, points, format }: { title: string; points: Point[]; format: (value: number) => string }) {
  if (points.length === 0 || points.every((p) => p.value === null)) return <p className="muted">No data for this period.</p>;
  const width = 640;
  const height = 220;
  const pad = { left: 48, right: 36, top: 12, bottom: 40 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const top = Math.max(0.05, ...points.map((p) => p.value ?? 0));
  const x = (i: number) => pad.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => pad.top + innerH - (v / top) * innerH;
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const ticks = [0, top / 2, top];
  const labelEvery = Math.ceil(points.length / 6);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={pad.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" className="chart__label">{format(t)}</text>
          </g>
        ))}
        {segments.map((d, i) => <path key={i} d={d} className="chart__line" />)}
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle key={i} cx={x(i)} cy={y(p.value)} r={3.5} className="chart__dot">
              <title>{`${p.label}: ${format(p.value)}`}</title>
            </circle>
          ),
        )}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.label} x={x(i)} y={height - pad.bottom + 18} textAnchor="middle" className="chart__label">{p.label}</text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
