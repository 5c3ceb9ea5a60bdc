/** One line of a chart: its name, colour class (stroke) and one value per x point. */
export type ChartSeries = { name: string; className: string; values: number[] };

const W = 720;
const H = 240;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

/** A rounded-up axis maximum with about four ticks: 1, 2, 5 × 10ⁿ steps. */
function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? pow * 10;
  const ticks = [];
  for (let v = 0; v <= max + step - 1e-9; v += step) ticks.push(Math.round(v));
  return ticks;
}

/**
 * An accessible SVG line chart without a chart library: the SVG has a title and description,
 * labelled axes and a legend; the same numbers are in a table below it (collapsed), which
 * screen readers and keyboard users can read instead.
 */
export function LineChart({
  title,
  description,
  xLabel,
  yLabel,
  labels,
  series,
  tableLabel,
}: {
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  /** One label per x point (e.g. the hour). */
  labels: string[];
  series: ChartSeries[];
  tableLabel: string;
}) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (labels.length <= 1 ? iw / 2 : (i * iw) / (labels.length - 1));
  const y = (v: number) => PAD.top + ih - (v / top) * ih;
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        className="h-auto w-full max-w-3xl"
      >
        <title id="chart-title">{title}</title>
        <desc id="chart-desc">{description}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(v)}
              y2={y(v)}
              className="stroke-slate-200"
            />
            <text
              x={PAD.left - 6}
              y={y(v) + 4}
              textAnchor="end"
              className="fill-slate-500 text-[11px]"
            >
              {v}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text
              key={i}
              x={x(i)}
              y={H - PAD.bottom + 16}
              textAnchor="middle"
              className="fill-slate-500 text-[11px]"
            >
              {l}
            </text>
          ) : null,
        )}
        <text
          x={PAD.left + iw / 2}
          y={H - 4}
          textAnchor="middle"
          className="fill-slate-700 text-[12px]"
        >
          {xLabel}
        </text>
        <text
          x={12}
          y={PAD.top + ih / 2}
          textAnchor="middle"
          transform={`rotate(-90 12 ${PAD.top + ih / 2})`}
          className="fill-slate-700 text-[12px]"
        >
          {yLabel}
        </text>
        {series.map((s) => (
          <g key={s.name} className={s.className}>
            <polyline
              fill="none"
              strokeWidth={2}
              stroke="currentColor"
              points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
            />
            {s.values.length === 1 ? (
              <circle cx={x(0)} cy={y(s.values[0]!)} r={3} fill="currentColor" />
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm">
        {series.map((s) => (
          <span key={s.name} className="flex items-center gap-1">
            <span aria-hidden className={`inline-block h-0.5 w-5 bg-current ${s.className}`} />
            {s.name}
          </span>
        ))}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">{tableLabel}</summary>
        <table className="mt-2 text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                {xLabel}
              </th>
              {series.map((s) => (
                <th key={s.name} scope="col" className="pr-4">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={i}>
                <th scope="row" className="pr-4 font-normal">
                  {l}
                </th>
                {series.map((s) => (
                  <td key={s.name} className="pr-4 tabular-nums">
                    {s.values[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
