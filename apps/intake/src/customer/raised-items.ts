import type { Category, Channel } from '@pc/contracts';
import { invalidInput, type AuthUser } from '@pc/platform';
import type { FileComplaint } from '../complaint/file-complaint.usecase';
import { InquiryKind } from '../inquiry/inquiry.entity';
import type { InquiryDesk } from '../inquiry/inquiry.usecases';

export type RaisedKind = 'COMPLAINT' | 'SUGGESTION' | 'REQUEST';
export interface RaisedItem {
  kind: RaisedKind;
  category?: Category | null;
  description: string;
}

/** Every item checked before any is filed: a complaint needs its category (`<field>.<i>.category`). */
export function checkRaised(items: readonly RaisedItem[], field: string): void {
  items.forEach((item, i) => {
    if (item.kind === 'COMPLAINT' && !item.category) throw invalidInput(`${field}.${i}.category`, 'a complaint needs its category');
  });
}

/**
 * What a customer raised (at a visit, at a committee meeting) as cases: a complaint through the desk's
 * own filing (once whatever the retries: `<keyPrefix>:<i>` is its idempotency key), a suggestion or a
 * request as an inquiry-desk record. Answers each item's kind and the id of the case it became.
 */
export async function fileRaised(
  deps: { complaints: FileComplaint; inquiries: InquiryDesk },
  c: { actor: AuthUser; siteId: string; channel: Channel; receivedAt: Date; keyPrefix: string },
  items: readonly (RaisedItem & { customerId: string })[],
): Promise<{ kind: RaisedKind; id: string }[]> {
  const cases: { kind: RaisedKind; id: string }[] = [];
  for (const [i, item] of items.entries()) {
    const common = { actor: c.actor, siteId: c.siteId, customerId: item.customerId, channel: c.channel, receivedAt: c.receivedAt };
    if (item.kind === 'COMPLAINT') {
      const filed = await deps.complaints.execute({
        ...common,
        category: item.category as Category,
        description: item.description,
        idempotencyKey: `${c.keyPrefix}:${i}`,
      });
      cases.push({ kind: item.kind, id: filed.id });
    } else {
      const kind = item.kind === 'SUGGESTION' ? InquiryKind.SUGGESTION : InquiryKind.INQUIRY;
      const q = await deps.inquiries.record({ ...common, kind, question: item.description });
      cases.push({ kind: item.kind, id: q.id });
    }
  }
  return cases;
}
