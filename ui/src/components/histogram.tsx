// A bar chart of counts over time, drawn by uPlot on a canvas (event values never reach the DOM
// as markup here: the chart draws numbers and times only).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

const COLOURS = [
  '#3465a4',
  '#f57900',
  '#4e9a06',
  '#cc0000',
  '#75507b',
  '#c4a000',
  '#06989a',
  '#555753',
];

export function TimeChart({
  times,
  series,
  height = 140,
  testId,
  range,
  kind = 'bars',
  onSelect,
}: {
  /** Bars (counts per bucket) or steps (a running total). */
  kind?: 'bars' | 'steps';
  /** The x axis's span (epoch seconds); by default the data's. */
  range?: readonly [number, number];
  times: readonly number[];
  series: readonly Series[];
  height?: number;
  testId?: string;
  /** Called with the bucket's start when a bar is clicked. */
  onSelect?: (time: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const paths =
      kind === 'bars'
        ? uPlot.paths.bars?.({ size: [0.9, 40] })
        : uPlot.paths.stepped?.({ align: 1 });
    const plot = new uPlot(
      {
        width: Math.max(300, element.clientWidth || 800),
        height,
        legend: { show: series.length > 1 },
        cursor: { drag: { x: false, y: false } },
        scales: { x: range ? { time: true, range: () => [range[0], range[1]] } : { time: true } },
        axes: [{}, { size: 50 }],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length] ?? '#3465a4',
            fill: `${COLOURS[i % COLOURS.length] ?? '#3465a4'}99`,
            ...(paths ? { paths, points: { show: kind === 'steps' } } : {}),
          })),
        ],
      },
      [times as number[], ...series.map((s) => s.values as (number | null)[])],
      element,
    );
    const click = () => {
      const idx = plot.cursor.idx;
      if (onSelect && idx !== null && idx !== undefined && times[idx] !== undefined)
        onSelect(times[idx]);
    };
    plot.over.addEventListener('click', click);
    const resize = () => plot.setSize({ width: Math.max(300, element.clientWidth), height });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [times, series, height, range, kind]);
  return <div class="chart" ref={host} data-testid={testId} />;
}
