import { CallbackKind, Severity } from '@pc/contracts';
import { CallbackMethod } from './callback.entity';

/** domain.md §4: a callback is due 24 hours after the resolution. */
export const CALLBACK_DUE_MS = 24 * 3_600_000;

/**
 * domain.md §4: complaints, repairs and paid services are called back within 24 hours of
 * resolution; a minor complaint, a repair or a paid service by whoever took the case, by phone or
 * WeChat; a major complaint by the area manager, in person.
 */
export function callbackPlan(args: {
  kind?: CallbackKind;
  severity: Severity;
  resolvedAt: Date;
  takenBy: string;
  areaManagerId?: string;
}): { dueAt: Date; assignee: string; allowedMethods: CallbackMethod[] } {
  const dueAt = new Date(args.resolvedAt.getTime() + CALLBACK_DUE_MS);
  if ((args.kind ?? CallbackKind.COMPLAINT) === CallbackKind.COMPLAINT && args.severity === Severity.MAJOR) {
    return { dueAt, assignee: args.areaManagerId ?? args.takenBy, allowedMethods: [CallbackMethod.VISIT] };
  }
  return { dueAt, assignee: args.takenBy, allowedMethods: [CallbackMethod.PHONE, CallbackMethod.WECHAT] };
}
