import type { Emergency, Letter, Notice, Penalty, WorkOrderDetail } from '../api/types';

/** The work order's history as one list, oldest first: every step, contact, escalation, extension, letter, notice and emergency. */
export interface TimelineItem {
  at: string;
  kind:
    | 'received'
    | 'plan'
    | 'signOff'
    | 'assign'
    | 'progress'
    | 'contact'
    | 'report'
    | 'solution'
    | 'escalation'
    | 'extension'
    | 'resolved'
    | 'confirmed'
    | 'closed'
    | 'round'
    | 'letter'
    | 'notice'
    | 'emergency'
    | 'callback';
  text: string;
  by?: string;
  alert?: boolean;
  /** Photos of the step (a progress note's). */
  attachments?: string[];
}

type Lookup = { en: (type: string, v: string | null | undefined) => string; t: (k: string) => string };

export function timelineOf(
  wo: WorkOrderDetail,
  extra: { letters?: Letter[]; notices?: Notice[]; emergencies?: Emergency[]; penalties?: Penalty[] },
  i: Lookup,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const push = (at: string | null | undefined, kind: TimelineItem['kind'], text: string, by?: string, alert = false) => {
    if (at) items.push({ at, kind, text, by, alert });
  };
  push(wo.receivedAt, 'received', `${i.en('Channel', wo.complaint?.channel)} · ${wo.complaint?.description ?? ''}`);
  for (const r of wo.rounds ?? []) {
    push(
      r.endedAt,
      'round',
      `${i.t('round')} ${r.round}: ${r.plan ?? ''} → ${r.resolution ?? ''} (${r.endedBy})`,
      r.handlerId ?? undefined,
      true,
    );
  }
  push(wo.planWrittenAt, 'plan', wo.plan ?? '');
  push(wo.planSignedOffAt, 'signOff', '', wo.planSignedOffBy ?? undefined);
  push(wo.assignedAt, 'assign', wo.handlerId ?? '');
  for (const p of wo.progress ?? []) {
    const told = p.customerInformedAt ? ` · ${i.t('customerInformedVia')}: ${i.en('ContactMethod', p.customerInformedVia)}` : '';
    push(p.at, p.customerInformedAt ? 'contact' : 'progress', `${p.note}${told}`, p.by);
    if (p.attachments?.length) items[items.length - 1].attachments = p.attachments;
  }
  push(wo.reportedToHeadAt, 'report', '');
  push(wo.solutionAgreedAt, 'solution', wo.agreedSolution ?? '');
  for (const e of wo.escalations ?? []) {
    push(
      e.at,
      'escalation',
      `${i.en('EscalationLevel', e.from)} → ${i.en('EscalationLevel', e.to)} · ${e.clock ? `${i.en('SlaClock', e.clock)} · ` : ''}${e.reason}`,
      e.by,
      true,
    );
  }
  for (const x of wo.extensions ?? []) {
    push(x.at, 'extension', `${i.en('SlaClock', x.clock)} → ${x.newDueAt} · ${x.reason}`, x.by);
  }
  push(wo.resolvedAt, 'resolved', `${wo.resolution ?? ''}${wo.cause ? ` · ${i.en('CauseCategory', wo.cause)}` : ''}`);
  push(wo.confirmedAt, 'confirmed', '');
  push(wo.closedAt, 'closed', '');
  for (const l of (extra.letters ?? []).filter((l) => l.workOrderId === wo.id)) {
    push(
      l.sentAt,
      'letter',
      `→ ${i.en('Department', l.toDepartment)}: ${l.body}${l.answer ? ` ⇒ ${l.answer}` : ''}`,
      undefined,
      !!l.overdueAt,
    );
  }
  for (const n of extra.notices ?? []) {
    push(n.issuedAt, 'notice', `${n.contractor}: ${n.defect}${n.failure ? ` · ${n.failure}` : ''}`, undefined, !!n.failure);
  }
  for (const p of (extra.penalties ?? []).filter((p) => (extra.notices ?? []).some((n) => n.id === p.noticeId))) {
    push(p.at, 'notice', `${p.contractor} · ${p.failure}${p.amountYuan ? ` · ¥${p.amountYuan}` : ''}`, undefined, true);
  }
  for (const e of (extra.emergencies ?? []).filter((e) => e.workOrderId === wo.id)) {
    push(e.reportedAt, 'emergency', e.description, undefined, true);
  }
  for (const c of wo.complaint?.callbacks ?? []) {
    if (c.completedAt) push(c.completedAt, 'callback', i.en('Satisfaction', c.satisfaction), undefined, c.satisfaction === 'DISSATISFIED');
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}
