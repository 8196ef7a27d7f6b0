import type { System } from '@pc/system';

/** What the customers spec's rule files share: its system and the demo users' tokens (set in its beforeAll). */
export interface CustomersWorld {
  system: System;
  count(table: string, where?: string): Promise<number>;
}
