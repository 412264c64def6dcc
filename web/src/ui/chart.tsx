/** A bar chart (Chart.js, only the parts used) beside a table that holds the same numbers for screen readers. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart by more than hue in the legend. */
export const PALETTE = ['#1d4f91', '#b35c00', '#2e7d32', '#a4262c', '#5c2d91', '#006d75', '#6b6b00', '#8a3a6b'];

export interface Series {
  label: string;
  values: number[];
  /** A colour that means something (late, overdue); else the palette's next. */
  color?: string;
}

export function BarChart(props: { label: string; labels: string[]; series: Series[]; stacked?: boolean; horizontal?: boolean; height?: number }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([props.labels, props.series, props.stacked, props.horizontal]);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: props.labels,
        datasets: props.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: s.color ?? PALETTE[i % PALETTE.length] })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: props.horizontal ? 'y' : 'x',
        locale: 'uk-UA',
        plugins: { legend: { display: props.series.length > 1, position: 'bottom' } },
        scales: { x: { stacked: !!props.stacked, ticks: { precision: 0 } }, y: { stacked: !!props.stacked, ticks: { precision: 0 } } },
      },
    });
    canvas.current.dataset.drawn = 'true';
    return () => chart.destroy();
  }, [key]);
  return (
    <figure class="chart">
      <div class="chart-box" style={{ height: `${props.height ?? Math.max(220, props.horizontal ? props.labels.length * 28 + 60 : 260)}px` }}>
        <canvas ref={canvas} role="img" aria-label={`Діаграма: ${props.label}. Ті самі числа — у таблиці поруч.`} />
      </div>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
