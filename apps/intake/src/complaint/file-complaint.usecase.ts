import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import {
  ComplaintFiled,
  ComplaintRejected,
  ComplaintResolvedAtIntake,
  ComplaintStatus,
  ContactSource,
  CustomerSaved,
  SeverityChangeReason,
  Severity,
  type IntakeRecordV1,
} from '@pc/contracts';
import { MessageBatcher, TransactionalOutbox, type EventWriter } from '@pc/messaging';
import { AuthUser, Clock, DomainError, conflict, currentTraceparent, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { logContact } from '../contact-log/contact-log';
import { AttachmentRegister } from '../attachment/attachment-register';
import { KeyCustomerReason } from '../customer/customer.entities';
import { SYSTEM_ACTOR, tagCustomer } from '../customer/customer-file.usecases';
import { Area, Customer, CustomerKind, Site, Unit, calendarOf } from '../registry/registry.entities';
import { customerSavedOf } from '../registry/registry-rules';
import { invalidReplyDueAt, isSameUnresolvedMatter, replyDueAt, severityOf } from './classification';
import { Complaint, type SeverityChange } from './complaint.entity';
import type { FileComplaintCommand } from './commands/complaint.commands';
import { routeComplaint } from './routing';
import { upgradeToMajor } from './severity-change';
import { BatchReads, DatabaseReads, type IntakeReads } from './intake-reads';

/** A key used for another complaint, or held by one the caller cannot see: one answer for both. */
const keyTaken = () => conflict('this idempotency key was used for a different complaint', 'idempotencyKey');

/** What is filed: the command without its actor. */
type FileComplaintFields = Omit<FileComplaintCommand, 'actor'>;

/** Records older than this are refused: complaint records are kept two years (domain.md §5). */
const MAX_AGE_MS = 2 * 365 * 24 * 3_600_000;
/** A requested reply time further out than this is a typing error, not a customer's wish. */
const MAX_REQUESTED_REPLY_MS = 366 * 24 * 3_600_000;

function inputHash(input: FileComplaintFields): string {
  const canonical = JSON.stringify(input, Object.keys(input).sort());
  return createHash('sha256').update(canonical).digest('hex');
}

/** One filing of a batch: its fields, or what refused it (nothing of a refused filing is stored). */
export type FilingOutcome = { ok: true; complaint: Complaint } | { ok: false; error: DomainError };

/** Filings of one caller that arrive together are filed together, at most this many per transaction. */
const GROUP_MAX = 64;

/** A desk filing waiting for its caller's next group. */
interface Waiting {
  input: FileComplaintFields;
  /** The trace of the request that filed it: its events continue it, whichever request's group runs. */
  traceparent?: string;
  resolve: (c: Complaint) => void;
  reject: (e: unknown) => void;
}

/** Callers whose filings may share a transaction: the same user with the same grants. */
const callerKey = (u: AuthUser): string => JSON.stringify([u.org, u.sub, u.sites, u.roles, u.department ?? null]);

/** A refused filing left its unit of work unclean: the batch's transaction starts over without it. */
class StartOver extends Error {}

/** Where the complaint is: a unit, or a public area of the site, or the site as a whole. */
interface Place {
  site: Site;
  unit: Unit | null;
  area: Area | null;
}

/**
 * Records a complaint from any channel (domain.md §1), decides its validity, classifies it (§2
 * severity, rule A detected by itself, and urgency), routes it (§2 routing, per organisation) and
 * announces it in the same transaction: `complaint.filed` (dispatched), `complaint.rejected`
 * (invalid: a reasoned reply within 1 working day) or `complaint.resolved_at_intake`.
 */
@Injectable()
export class FileComplaint {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly attachments: AttachmentRegister,
  ) {}

  /** Each caller's filings waiting for, or in, a group (removed when the caller has none left). */
  private readonly groups = new Map<string, MessageBatcher<Waiting>>();

  /**
   * Files one complaint. Filings of one caller that arrive while the caller's previous group is being
   * filed wait for the next group, and a group is filed in one transaction (`fileMany`: group commit),
   * so a busy desk or an integration sending many at once pays one transaction for many; a lone filing
   * goes at once, on its own. Each filing still gets its own answer: its complaint, or its own error.
   */
  execute(c: FileComplaintCommand): Promise<Complaint> {
    const { actor: user, ...input } = c;
    const key = callerKey(user);
    let group = this.groups.get(key);
    if (!group) {
      const batcher = new MessageBatcher<Waiting>(
        GROUP_MAX,
        (batch) => this.fileGroup(user, batch, () => batcher.pending === 0 && this.groups.delete(key)),
        () => undefined, // fileGroup answers every filing itself
      );
      this.groups.set(key, batcher);
      group = batcher;
    }
    const waiting = group;
    return new Promise<Complaint>((resolve, reject) => waiting.push({ input, traceparent: currentTraceparent(), resolve, reject }));
  }

  private async fileGroup(user: AuthUser, batch: Waiting[], done: () => void): Promise<void> {
    try {
      if (batch.length === 1) {
        await this.fileOne(user, batch[0].input).then(batch[0].resolve, batch[0].reject);
        return;
      }
      let outcomes: FilingOutcome[];
      try {
        outcomes = await this.fileMany(
          user,
          batch.map((w) => w.input),
          batch.map((w) => w.traceparent),
        );
      } catch {
        // the database, or a key filed meanwhile elsewhere: each filing on its own, with its own answer
        await Promise.all(batch.map((w) => this.fileOne(user, w.input).then(w.resolve, w.reject)));
        return;
      }
      batch.forEach((w, i) => {
        const o = outcomes[i];
        if (o.ok) w.resolve(o.complaint);
        else w.reject(o.error);
      });
    } finally {
      done();
    }
  }

  /** One filing in its own transaction. */
  private async fileOne(user: AuthUser, input: FileComplaintFields): Promise<Complaint> {
    const hash = inputHash(input);
    try {
      return await this.tx
        .by(user, { channel: input.channel })
        .run((em, events) => this.file(em, events, user, input, hash, new DatabaseReads(em, user)));
    } catch (e) {
      // two requests with one idempotency key raced: the loser returns the winner's complaint
      if (e instanceof UniqueConstraintViolationException && input.idempotencyKey) {
        return this.tx.by(user).run(async (em) => {
          const existing = await this.byKey(new DatabaseReads(em, user), input.idempotencyKey as string, hash);
          // the key is held by a complaint the caller may not see (another site): answered like a key used for
          // another complaint, naming nothing of it (issue 29, finding 8: this was a 500)
          if (!existing) throw keyTaken();
          return existing;
        });
      }
      throw e;
    }
  }

  /**
   * Files many complaints in one transaction (the bulk import, a caller's group): every filing goes
   * through the same rules as a lone one, in the given order (a customer's later record sees the
   * earlier ones: rule A), with the reads of the whole batch loaded at once and its rows written
   * together. A filing the rules refuse is reported and nothing of it is stored: the transaction then
   * starts over without it. Other errors (the database, a key filed meanwhile by someone else) fail
   * the whole batch.
   */
  async fileMany(user: AuthUser, filings: FileComplaintFields[], traceparents: (string | undefined)[] = []): Promise<FilingOutcome[]> {
    const outcomes: (FilingOutcome | undefined)[] = filings.map(() => undefined);
    const hashes = filings.map(inputHash);
    for (;;) {
      const refusedNow: number[] = [];
      try {
        await this.tx.by(user).run(async (em, events) => {
          const todo = filings.map((f, i) => ({ f, i })).filter(({ i }) => !outcomes[i] || outcomes[i].ok);
          const reads = await BatchReads.load(em, user, {
            siteIds: todo.map(({ f }) => f.siteId),
            unitIds: todo.flatMap(({ f }) => (f.unitId ? [f.unitId] : [])),
            areaIds: todo.flatMap(({ f }) => (f.areaId ? [f.areaId] : [])),
            customerIds: todo.flatMap(({ f }) => (f.customerId ? [f.customerId] : [])),
            phones: todo.flatMap(({ f }) => (f.customerPhone ? [f.customerPhone] : [])),
            staffIds: todo.flatMap(({ f }) => (f.receivedBy && f.receivedBy !== user.sub ? [f.receivedBy] : [])),
            complaintIds: todo.flatMap(({ f }) => (f.repeatOf ? [f.repeatOf] : [])),
            keys: todo.flatMap(({ f }) => (f.idempotencyKey ? [f.idempotencyKey] : [])),
          });
          for (const { f, i } of todo) {
            try {
              const writer = events.with({ channel: f.channel, ...(traceparents[i] ? { traceparent: traceparents[i] } : {}) });
              outcomes[i] = { ok: true, complaint: await this.file(em, writer, user, f, hashes[i], reads) };
            } catch (e) {
              if (!(e instanceof DomainError)) throw e;
              outcomes[i] = { ok: false, error: e };
              refusedNow.push(i);
            }
          }
          if (refusedNow.length) throw new StartOver();
        });
        return outcomes as FilingOutcome[];
      } catch (e) {
        if (!(e instanceof StartOver)) throw e;
      }
    }
  }

  /** A key is looked up within the caller's scope: a key of a site not granted is never answered with its complaint. */
  private async byKey(reads: IntakeReads, key: string, hash: string): Promise<Complaint | null> {
    const existing = await reads.complaintByKey(key);
    if (existing && existing.inputHash !== hash) {
      throw keyTaken();
    }
    return existing;
  }

  private async file(
    em: EntityManager,
    events: EventWriter,
    user: AuthUser,
    input: FileComplaintFields,
    hash: string,
    reads: IntakeReads,
  ): Promise<Complaint> {
    // the site is checked before the key: a replay never reads a site the caller may not see
    const place = await this.placeOf(reads, user, input);
    if (input.idempotencyKey) {
      const existing = await this.byKey(reads, input.idempotencyKey, hash);
      if (existing) return existing;
    }
    const now = this.clock.now();
    const customer = await this.customerFor(em, events, reads, user, input, place);
    const receivedBy = await this.receiver(reads, user, input, place.site);
    const receivedAt = this.checkTimes(input, now);
    const valid = this.checkValidity(input);
    const linked = await this.linkedComplaint(reads, input, customer, place.site);

    const id = randomUUID();
    await this.attachments.attach(em, user, place.site.id, id, input.attachments ?? []);
    const circumstances = [...new Set(input.circumstances ?? [])];
    // rule A by itself: an earlier unresolved complaint of this customer about the same matter
    const matter = {
      customerId: customer.id,
      siteId: place.site.id,
      unitId: place.unit?.id,
      areaId: place.area?.id,
      category: input.category,
    };
    const earlier = valid ? (await reads.openComplaintsOf(user.org, customer.id)).filter((c) => isSameUnresolvedMatter(c, matter)) : [];
    const repeated = valid ? [...new Map([...(linked ? [linked] : []), ...earlier].map((c) => [c.id, c])).values()] : [];
    const repeatOf = linked ?? earlier[0] ?? null;
    // key customers (domain.md §7): rule A makes a repeat complainant one by itself; their complaint is flagged
    const keyReasons = await reads.keyReasonsOf(customer.id);
    if (repeated.length > 0 && !keyReasons.includes(KeyCustomerReason.REPEAT_COMPLAINANT)) {
      await tagCustomer(
        em,
        customer,
        KeyCustomerReason.REPEAT_COMPLAINANT,
        SYSTEM_ACTOR,
        now,
        `rule A: complaint ${id} repeats ${repeatOf?.id}`,
      );
      reads.tagged(customer.id, KeyCustomerReason.REPEAT_COMPLAINANT);
      keyReasons.push(KeyCustomerReason.REPEAT_COMPLAINANT);
    }

    let severity = severityOf(circumstances);
    const severityHistory: SeverityChange[] = [];
    if (repeated.length > 0 && severity === Severity.MINOR) {
      severity = Severity.MAJOR;
      severityHistory.push({
        at: now.toISOString(),
        from: Severity.MINOR,
        to: Severity.MAJOR,
        reason: SeverityChangeReason.REPEATED_UNRESOLVED,
        causedBy: repeatOf?.id,
      });
    }

    const calendar = calendarOf(place.site);
    const resolvedOnTheSpot = valid && Boolean(input.resolution);
    const rule = await reads.routingRule(user.org, input.category);
    const complaint = em.create(Complaint, {
      id,
      orgId: user.org,
      siteId: place.site.id,
      areaId: place.area?.id ?? null,
      unitId: place.unit?.id ?? null,
      location: input.location ?? null,
      customerId: customer.id,
      channel: input.channel,
      category: input.category,
      description: input.description,
      attachments: input.attachments ?? [],
      receivedAt,
      receivedBy,
      recordedBy: user.sub,
      requestedReplyBy: input.requestedReplyBy ?? null,
      serious: input.serious ?? false,
      urgent: input.urgent ?? false,
      circumstances,
      severity,
      severityHistory,
      valid,
      invalidReason: valid ? null : (input.invalidReason ?? null),
      reply: resolvedOnTheSpot ? (input.resolution ?? null) : null,
      repliedAt: resolvedOnTheSpot ? receivedAt : null,
      repeatOf: repeatOf?.id ?? null,
      keyCustomer: keyReasons.length > 0,
      status: !valid ? ComplaintStatus.REJECTED : resolvedOnTheSpot ? ComplaintStatus.RESOLVED_AT_INTAKE : ComplaintStatus.OPEN,
      // an invalid complaint keeps the routing it would have had, for the record; it is not dispatched
      departments: routeComplaint(input.category, input.coDepartments, rule?.departments),
      replyDueAt: valid
        ? replyDueAt({ receivedAt, urgent: input.urgent ?? false, requestedReplyBy: input.requestedReplyBy, calendar })
        : invalidReplyDueAt(receivedAt, calendar),
      idempotencyKey: input.idempotencyKey ?? null,
      inputHash: hash,
      createdAt: now,
      resolvedAt: resolvedOnTheSpot ? receivedAt : null,
    });
    em.persist(complaint);
    reads.added(complaint);

    // the earlier, still unresolved complaints of the same matter become major too (rule A)
    for (const c of repeated) {
      if (c.status === ComplaintStatus.OPEN) await upgradeToMajor(em, events, c, SeverityChangeReason.REPEATED_UNRESOLVED, now, id);
    }

    // the filing is a contact with the customer: the front desk's contact log has it
    await logContact(
      em,
      {
        orgId: complaint.orgId,
        siteId: complaint.siteId,
        customerId: complaint.customerId,
        caseId: complaint.id,
        channel: complaint.channel,
        asked: complaint.description,
        answered: !valid
          ? `Recorded as not a valid complaint${complaint.invalidReason ? ` (${complaint.invalidReason})` : ''}; a reasoned reply follows by ${complaint.replyDueAt.toISOString()}`
          : resolvedOnTheSpot
            ? (complaint.reply as string)
            : `Recorded and passed to ${complaint.departments.join(', ')}; reply by ${complaint.replyDueAt.toISOString()}`,
        by: receivedBy,
        at: receivedAt,
        source: ContactSource.COMPLAINT,
        sourceId: complaint.id,
      },
      { fresh: true },
    );

    const record = this.record(complaint, place);
    if (!valid) {
      events.publish(ComplaintRejected, { ...record, reason: complaint.invalidReason as string });
    } else if (resolvedOnTheSpot) {
      events.publish(ComplaintResolvedAtIntake, { ...record, resolution: complaint.reply as string, resolvedAt: receivedAt.toISOString() });
    } else {
      events.publish(ComplaintFiled, record);
    }
    return complaint;
  }

  private record(c: Complaint, { site, area }: Place): IntakeRecordV1 {
    return {
      orgId: c.orgId,
      siteId: c.siteId,
      complaintId: c.id,
      areaId: c.areaId ?? undefined,
      areaManagerId: area?.areaManagerId ?? undefined,
      unitId: c.unitId ?? undefined,
      customerId: c.customerId,
      channel: c.channel,
      category: c.category,
      severity: c.severity,
      circumstances: c.circumstances,
      serious: c.serious,
      urgent: c.urgent,
      departments: c.departments,
      receivedAt: c.receivedAt.toISOString(),
      receivedBy: c.receivedBy,
      replyDueAt: c.replyDueAt.toISOString(),
      timeZone: site.timeZone,
      repeatOf: c.repeatOf ?? undefined,
      keyCustomer: c.keyCustomer || undefined,
    };
  }

  private async placeOf(reads: IntakeReads, user: AuthUser, input: FileComplaintFields): Promise<Place> {
    const site = await reads.site(user.org, input.siteId);
    if (!site) throw invalidInput('siteId', `unknown site ${input.siteId}`);
    scopeOf(user).assertSite(site.id);
    let unit: Unit | null = null;
    if (input.unitId) {
      unit = await reads.unit(site.id, input.unitId);
      if (!unit) throw invalidInput('unitId', `unit ${input.unitId} is not a unit of site ${site.id}`);
      if (input.areaId && input.areaId !== unit.areaId) {
        throw invalidInput('areaId', `unit ${unit.id} lies in area ${unit.areaId}, not ${input.areaId}`);
      }
    }
    const areaId = unit?.areaId ?? input.areaId;
    const area = areaId ? await reads.area(site.id, areaId) : null;
    if (areaId && !area) throw invalidInput('areaId', `area ${areaId} is not an area of site ${site.id}`);
    return { site, unit, area };
  }

  private checkTimes(input: FileComplaintFields, now: Date): Date {
    const receivedAt = notInFuture('receivedAt', input.receivedAt, now);
    if (now.getTime() - receivedAt.getTime() > MAX_AGE_MS) {
      throw invalidInput('receivedAt', 'must be within the last two years');
    }
    if (input.requestedReplyBy) {
      const asked = input.requestedReplyBy.getTime();
      if (asked <= receivedAt.getTime()) throw invalidInput('requestedReplyBy', 'must be after receivedAt');
      if (asked - receivedAt.getTime() > MAX_REQUESTED_REPLY_MS) {
        throw invalidInput('requestedReplyBy', 'must be within a year of receivedAt');
      }
    }
    return receivedAt;
  }

  /** domain.md §1 validity: invalid needs its reason; a resolution on the spot is for valid ones. */
  private checkValidity(input: FileComplaintFields): boolean {
    const valid = input.valid ?? true;
    if (!valid && !input.invalidReason) throw invalidInput('invalidReason', 'an invalid complaint needs the reason it is invalid');
    if (valid && input.invalidReason) throw invalidInput('invalidReason', 'only an invalid complaint (valid: false) has an invalidReason');
    if (!valid && input.resolution) {
      throw invalidInput('resolution', 'an invalid complaint gets a reasoned reply (recordInvalidReply), not a resolution');
    }
    return valid;
  }

  private async receiver(reads: IntakeReads, user: AuthUser, input: FileComplaintFields, site: Site): Promise<string> {
    if (!input.receivedBy || input.receivedBy === user.sub) return user.sub;
    const staff = await reads.activeStaff(user.org, input.receivedBy);
    if (!staff) throw invalidInput('receivedBy', `unknown staff user ${input.receivedBy}`);
    if (!staff.sites.includes('*') && !staff.sites.includes(site.id)) {
      throw invalidInput('receivedBy', `staff user ${staff.id} does not work at site ${site.id}`);
    }
    return staff.id;
  }

  private async linkedComplaint(reads: IntakeReads, input: FileComplaintFields, customer: Customer, site: Site): Promise<Complaint | null> {
    if (!input.repeatOf) return null;
    const linked = await reads.complaintById(input.repeatOf);
    if (!linked) throw invalidInput('repeatOf', `unknown complaint ${input.repeatOf}`);
    if (linked.customerId !== customer.id || linked.siteId !== site.id) {
      throw invalidInput('repeatOf', `complaint ${linked.id} is not of this customer at site ${site.id}`);
    }
    return linked;
  }

  /** A customer of the complaint's site (or one the caller may see); a new one belongs to that site. */
  private async customerFor(
    em: EntityManager,
    events: EventWriter,
    reads: IntakeReads,
    user: AuthUser,
    input: FileComplaintFields,
    { site, unit }: Place,
  ): Promise<Customer> {
    if (input.customerId) {
      if (input.customerName || input.customerPhone) {
        throw invalidInput('customerId', 'give either customerId, or customerName and customerPhone, not both');
      }
      const known = await reads.customerById(input.customerId);
      if (!known) throw invalidInput('customerId', `unknown customer ${input.customerId}`);
      return known;
    }
    if (!input.customerName) throw invalidInput('customerName', 'give customerId, or customerName and customerPhone');
    if (!input.customerPhone) throw invalidInput('customerPhone', 'a customer without an id needs a contact phone');
    const existing = await reads.customerByContact(user.org, site.id, input.customerPhone, input.customerName);
    if (existing) return existing;
    const customer = em.create(Customer, {
      id: randomUUID(),
      orgId: user.org,
      name: input.customerName,
      phone: input.customerPhone,
      kind: CustomerKind.OTHER,
      siteId: site.id,
      unitId: unit?.id ?? null,
    });
    em.persist(customer);
    reads.added(customer);
    events.publish(CustomerSaved, customerSavedOf(customer, unit?.areaId));
    return customer;
  }
}
