import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Clock, scrapeGauge } from '@pc/platform';
import { Callback, CallbackStatus } from './callback.entity';

/** `callbacks_overdue` (read at each scrape): callbacks still owed past their 24-hour due time, by kind. */
@Injectable()
export class CallbackMetrics implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    scrapeGauge('callbacks_overdue', 'Callbacks still owed past their due time, by kind.', ['kind'], async (set) => {
      const rows = await this.orm.em
        .fork()
        .find(Callback, { status: CallbackStatus.OPEN, dueAt: { $lte: this.clock.now() } }, { fields: ['kind'] });
      const byKind = new Map<string, number>();
      for (const r of rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
      for (const [kind, n] of byKind) set(n, { kind });
    });
  }
}
