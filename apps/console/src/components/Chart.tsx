import { Empty } from 'antd';
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/** An ECharts chart that follows its option and its container's width. */
export function Chart({ option, height = 260, testId }: { option: echarts.EChartsOption; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(el.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}

/**
 * A chart, or "nothing here" when it has nothing to draw (issue 28: a pie of four equal slices for no
 * callbacks at all said something false).
 */
export function ReportChart({
  option,
  empty,
  emptyText,
  height = 260,
  testId,
}: {
  option: echarts.EChartsOption;
  empty: boolean;
  emptyText: string;
  height?: number;
  testId?: string;
}) {
  if (empty) {
    return (
      <div
        style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        data-testid={testId ? `${testId}-empty` : undefined}
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      </div>
    );
  }
  return <Chart option={option} height={height} testId={testId} />;
}
