import { Space } from 'antd';
import { Countdown, useNow } from '../clock/Countdown';
import { clockStart, type ClockLike } from '../clock/countdown';

interface WorkOrderClocks {
  receivedAt: string;
  closedAt?: string | null;
  round?: number;
  rounds?: { round: number; endedAt: string }[];
  deadlines: ClockLike[];
}

/** Every clock of the work order's current round, ticking (the stopped ones of a round shown once). */
export function Clocks({ wo, all = false }: { wo: WorkOrderClocks; all?: boolean }) {
  const now = useNow();
  const shown = wo.deadlines.filter((d) => all || ((d.round ?? 1) === (wo.round ?? 1) && !d.cancelledAt));
  return (
    <Space size={[4, 4]} wrap data-testid="clocks">
      {shown.map((d) => (
        <Countdown key={`${d.clock}-${d.round ?? 1}-${d.dueAt}`} deadline={d} startedAt={clockStart(d, wo)} now={now} />
      ))}
    </Space>
  );
}
