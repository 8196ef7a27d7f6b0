import type { System } from '@pc/system';

/** What the relationship spec's rule files share: its system and a count of intake's rows (set in its beforeAll). */
export interface RelationshipWorld {
  system: System;
  count(table: string, where?: string): Promise<number>;
}
