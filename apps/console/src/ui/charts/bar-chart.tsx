const MAX_LABEL = 34;

export interface Bar {
  label: string;
  value: number;
  tone?: 'default' | 'danger' | 'ok';
}

/**
 * Horizontal bars, one row per label: reads well at 360 px, where long category names would not
 * fit under vertical bars. Scales to its container through the viewBox.
 */
export function BarChart({ title, bars, format = String, max }: { title: string; bars: Bar[]; format?: (value: number) => string; max?: number }) {
  if (bars.length === 0) return <p className="muted">No data for this period.</p>;
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  // About 7 units per character at font-size 13; long labels are cut rather than squeezed.
  const labelWidth = Math.min(260, Math.max(80, Math.max(...bars.map((b) => Math.min(b.label.length, MAX_LABEL))) * 7.2 + 12));
  const chartWidth = 420;
  const height = bars.length * row + 4;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${labelWidth + chartWidth + 60} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        <title>{title}</title>
        {bars.map((bar, i) => {
          const width = Math.max(bar.value > 0 ? 2 : 0, (bar.value / top) * chartWidth);
          const y = i * row + 4;
          return (
            <g key={bar.label}>
              <text x={labelWidth - 8} y={y + row / 2} textAnchor="end" dominantBaseline="middle" className="chart__label">
                {bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={width} height={row - 10} rx={3} className={`chart__bar chart__bar--${bar.tone ?? 'default'}`} />
              <text x={labelWidth + width + 6} y={y + row / 2} dominantBaseline="middle" className="chart__value">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
