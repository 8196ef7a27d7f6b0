import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { SlaClock } from '@pc/contracts';
import type { EventWriter, TimerSource } from '@pc/messaging';
import type { ClockHolder } from './deadline-book';
import type { Deadline } from './deadline.entity';

/**
 * The durable timers of dispatch, registered by the features that own them (SLA clocks by work
 * orders, letter deadlines by liaison, rectification deadlines by contractors): `sla/` runs them and
 * knows none of them. Each registers once, at module init, with the rank it fires in.
 */
@Injectable()
export class TimerRegistry {
  private readonly ranked: { rank: number; source: TimerSource }[] = [];
  /** The sources in rank order; the scheduler reads this array as it is at each tick. */
  readonly sources: TimerSource[] = [];

  register(source: TimerSource, rank: number): void {
    this.ranked.push({ rank, source });
    this.ranked.sort((a, b) => a.rank - b.rank);
    this.sources.splice(0, this.sources.length, ...this.ranked.map((r) => r.source));
  }
}

/** What happens when a clock passes, instead of the escalation every other clock causes. */
export type ClockBreachHandler = (
  em: EntityManager,
  events: EventWriter,
  deadline: Deadline,
  holder: ClockHolder,
  now: Date,
) => Promise<void>;

/**
 * Clocks with consequences of their own, registered by the feature that owns them (a contractor that
 * did not arrive within CONTRACTOR_ARRIVAL is fined): the breach timers ask here before escalating.
 */
@Injectable()
export class ClockBreachHandlers {
  private readonly handlers = new Map<SlaClock, ClockBreachHandler>();

  register(clock: SlaClock, handler: ClockBreachHandler): void {
    if (this.handlers.has(clock)) throw new Error(`a breach handler for ${clock} is registered already`);
    this.handlers.set(clock, handler);
  }

  for(clock: SlaClock): ClockBreachHandler | undefined {
    return this.handlers.get(clock);
  }
}
