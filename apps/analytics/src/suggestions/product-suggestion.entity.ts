import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Engineering's suggestion to the developer / construction side for one group of product-quality complaints. */
@Entity({ tableName: 'product_suggestion' })
export class ProductSuggestion {
  @PrimaryKey({ type: 'string', length: 64 }) orgId: string;
  @PrimaryKey({ type: 'string', length: 7 }) month: string;
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @PrimaryKey({ type: 'string', length: 32 }) category: string;
  @PrimaryKey({ type: 'string', length: 32 }) cause: string;
  @Property({ type: 'text' }) suggestion: string;
  @Property({ type: 'string', length: 64 }) editedBy: string;
  @Property({ type: 'string', length: 30 }) editedAt: string;
}
