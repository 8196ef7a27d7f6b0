import { SLA_DURATIONS_MS, Severity } from '@pc/contracts';
import { CallbackMethod } from './callback.entity';

/**
 * domain.md §4: a complaint is called back within 24 hours of resolution; a minor one by whoever
 * took the case, by phone or WeChat; a major one by the area manager, in person.
 */
export function callbackPlan(args: {
  severity: Severity;
  resolvedAt: Date;
  takenBy: string;
  areaManagerId?: string;
}): { dueAt: Date; assignee: string; allowedMethods: CallbackMethod[] } {
  const dueAt = new Date(args.resolvedAt.getTime() + SLA_DURATIONS_MS.CALLBACK);
  if (args.severity === Severity.MAJOR) {
    return { dueAt, assignee: args.areaManagerId ?? args.takenBy, allowedMethods: [CallbackMethod.VISIT] };
  }
  return { dueAt, assignee: args.takenBy, allowedMethods: [CallbackMethod.PHONE, CallbackMethod.WECHAT] };
}
