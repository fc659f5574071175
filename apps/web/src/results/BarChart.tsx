import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartOptions, type Plugin } from 'chart.js';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Bar } from 'react-chartjs-2';

// Only what horizontal bar charts need (react-chartjs-2's <Bar> registers the bar controller itself).
ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

export interface BarSeries {
  name: string;
  color: string;
  /** Percentages; null where there is no bar (a suppressed cell): `notes` then says why. */
  values: (number | null)[];
  /** What to write at the end of each bar, e.g. "42 %". */
  valueTexts: (string | null)[];
  /** Written where a value is null, e.g. "fewer than 5": never an empty bar that reads as 0. */
  notes: (string | null)[];
}

interface Props {
  labels: string[];
  series: BarSeries[];
  /** Name the series in a legend; by default only when there are several. */
  legend?: boolean;
}

/** Okabe-Ito colours: told apart by people with the common colour-vision deficiencies. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#6b6b6b', '#000000'];
export const SINGLE_COLOR = '#0b5d44';

const TEXT = '#17201c';
const MUTED = '#55625c';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/** Draws each bar's value at its end, and the "fewer than k" note where a bar is withheld. */
const barLabels: Plugin<'bar'> = {
  id: 'barLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const xScale = chart.scales.x;
    const zero = xScale.getPixelForValue(0);
    ctx.save();
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      const series = (dataset as unknown as { series: BarSeries }).series;
      meta.data.forEach((bar, j) => {
        const value = series.values[j];
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        if (!Number.isFinite(y)) return;
        if (value === null) {
          const note = series.notes[j];
          if (!note) return;
          ctx.font = `italic 12px ${FONT}`;
          ctx.fillStyle = MUTED;
          // A dashed stub marks the place of the withheld bar, in its series' colour when a legend names them.
          const named = chart.options.plugins?.legend?.display === true;
          ctx.strokeStyle = named ? series.color : MUTED;
          ctx.lineWidth = named ? 3 : 1;
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(zero, y);
          ctx.lineTo(zero + 14, y);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillText(note, zero + 18, y);
          return;
        }
        const text = series.valueTexts[j];
        if (!text) return;
        ctx.font = `600 12px ${FONT}`;
        ctx.fillStyle = TEXT;
        ctx.fillText(text, (Number.isFinite(x) ? x : zero) + 4, y);
      });
    });
    ctx.restore();
  },
};

/** Long answer texts wrap onto several lines instead of squeezing the bars on a phone. */
function wrap(label: string, width: number): string[] {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 3 ? [...lines.slice(0, 2), `${lines.slice(2).join(' ').slice(0, width - 1)}…`] : lines;
}

/** Renders its chart only once scrolled near: a page may hold dozens of them. */
function useNearViewport<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '300px 0px' });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

/**
 * Horizontal bars of percentages. Purely visual (aria-hidden): every chart on these pages sits
 * next to a table with the same numbers, which is what screen readers read.
 */
export function BarChart({ labels, series, legend = series.length > 1 }: Props) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const narrow = typeof window !== 'undefined' && window.innerWidth < 600;
  const perLabel = series.length * (series.length > 1 ? 16 : 24) + 14;
  const height = labels.length * perLabel + 36 + (legend ? 32 + 22 * Math.floor(series.length / 4) : 0);
  const highest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  // Room at the end for the value written after the longest bar.
  const max = Math.min(100, Math.max(10, Math.ceil((highest + (narrow ? 22 : 14)) / 10) * 10));

  const data = {
    labels: labels.map((label) => wrap(label, narrow ? 16 : 30)),
    datasets: series.map((s) => ({
      label: s.name,
      data: s.values,
      backgroundColor: s.color,
      borderRadius: 3,
      maxBarThickness: 22,
      categoryPercentage: 0.86,
      barPercentage: 0.92,
      series: s,
    })),
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { right: 8 } },
    scales: {
      x: {
        min: 0,
        max,
        ticks: { callback: (value) => `${value}%`, color: MUTED, font: { size: 11 } },
        grid: { color: '#e6ebe9' },
        border: { display: false },
      },
      y: {
        ticks: { color: TEXT, font: { size: narrow ? 12 : 13 }, autoSkip: false },
        grid: { display: false },
      },
    },
    plugins: {
      legend: {
        display: legend,
        position: 'top',
        align: 'start',
        labels: { boxWidth: 14, boxHeight: 14, color: TEXT, font: { size: 12 } },
      },
      tooltip: {
        callbacks: {
          label: (context) => {
            const s = series[context.datasetIndex];
            const text = s.valueTexts[context.dataIndex] ?? '';
            return legend ? `${s.name}: ${text}` : text;
          },
        },
      },
    },
  };

  return (
    <div ref={ref} className="bar-chart" style={{ height }} aria-hidden="true">
      {near && <Bar data={data} options={options} plugins={[barLabels]} />}
    </div>
  );
}
