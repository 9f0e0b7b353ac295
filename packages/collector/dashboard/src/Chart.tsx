import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { useEffect, useRef } from 'react';

let registered = false;

/** A chart.js chart on a canvas, rebuilt when its configuration changes. */
export function ChartView({ config, label }: { config: ChartConfiguration; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!registered) {
      Chart.register(...registerables);
      registered = true;
    }
    if (!ref.current) return;
    const chart = new Chart(ref.current, {
      ...config,
      options: { animation: false, maintainAspectRatio: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart">
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
