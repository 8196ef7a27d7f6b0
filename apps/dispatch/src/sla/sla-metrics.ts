import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Clock, scrapeGauge } from '@pc/platform';
import { Deadline } from './deadline.entity';

/**
 * `timers_due` (read at each scrape): SLA clocks past their due time that the scheduler has not fired
 * yet. Above zero for longer than a scan interval or two, the scheduler is behind or stopped.
 */
@Injectable()
export class SlaMetrics implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    scrapeGauge('timers_due', 'Durable timers due and not yet fired, by source.', ['source'], async (set) => {
      const n = await this.orm.em
        .fork()
        .count(Deadline, { dueAt: { $lte: this.clock.now() }, firedAt: null, metAt: null, cancelledAt: null });
      set(n, { source: 'SLA clocks' });
    });
  }
}
