import { Injectable, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { CallbackKind } from '@pc/contracts';
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
      const em = this.orm.em.fork();
      const now = this.clock.now();
      for (const kind of Object.values(CallbackKind)) {
        set(await em.count(Callback, { kind, status: CallbackStatus.OPEN, dueAt: { $lte: now } }), { kind });
      }
    });
  }
}
