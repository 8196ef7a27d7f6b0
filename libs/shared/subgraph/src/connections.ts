import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { invalidInput } from '@pc/platform';

/** A cursor connection's page info (Relay); shared by every subgraph's connections. */
@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** An opaque cursor over a keyset (the sort values of the last row of a page). */
export const encodeCursor = (...parts: string[]): string => Buffer.from(parts.join('|')).toString('base64url');

/** The keyset of a cursor with `size` parts; BAD_USER_INPUT on `after` when it is not one of this connection's. */
export function decodeCursor(cursor: string, size: number): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  if (parts.length !== size || parts.some((p) => !p)) throw invalidInput('after', 'not a cursor of this connection');
  return parts;
}
