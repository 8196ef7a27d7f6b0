import type { EntityManager } from '@mikro-orm/core';
import { ComplaintStatus, type Category } from '@pc/contracts';
import { scopeOf, type AuthUser } from '@pc/platform';
import { KeyCustomerReason, KeyCustomerTag } from '../customer/customer.entities';
import { Area, Customer, RoutingRule, Site, StaffUser, Unit } from '../registry/registry.entities';
import { Complaint } from './complaint.entity';

/** The open complaints of a customer that rule A compares a new one with (newest first). */
const OPEN_COMPLAINTS_COMPARED = 50;

/**
 * What filing a complaint reads: the place, the customer, the receiver, the customer's open complaints
 * (rule A), the organisation's routing. At the desk each is a query of its own ({@link DatabaseReads});
 * a bulk import reads them for a whole batch at once ({@link BatchReads}). Scoped reads (customers and
 * complaints by id or key) answer only within the caller's sites.
 */
export interface IntakeReads {
  site(org: string, id: string): Promise<Site | null>;
  unit(siteId: string, id: string): Promise<Unit | null>;
  area(siteId: string, id: string): Promise<Area | null>;
  customerById(id: string): Promise<Customer | null>;
  customerByContact(org: string, siteId: string, phone: string, name: string): Promise<Customer | null>;
  activeStaff(org: string, id: string): Promise<StaffUser | null>;
  complaintById(id: string): Promise<Complaint | null>;
  complaintByKey(key: string): Promise<Complaint | null>;
  /** The customer's open complaints, newest received first (at most 50). */
  openComplaintsOf(org: string, customerId: string): Promise<Complaint[]>;
  routingRule(org: string, category: Category): Promise<RoutingRule | null>;
  /** The reasons a customer is a key customer (none: not one). */
  keyReasonsOf(customerId: string): Promise<KeyCustomerReason[]>;
  /** A tag this filing set: later filings of the same batch see it. */
  tagged(customerId: string, reason: KeyCustomerReason): void;
  /** A customer or complaint this filing created: later filings of the same batch see it. */
  added(row: Customer | Complaint): void;
}

/** Each read a query of its own, in the filing's transaction (the desk, one complaint at a time). */
export class DatabaseReads implements IntakeReads {
  constructor(
    private readonly em: EntityManager,
    private readonly user: AuthUser,
  ) {}

  site(org: string, id: string) {
    return this.em.findOne(Site, { id, orgId: org });
  }
  unit(siteId: string, id: string) {
    return this.em.findOne(Unit, { id, siteId });
  }
  area(siteId: string, id: string) {
    return this.em.findOne(Area, { id, siteId });
  }
  customerById(id: string) {
    return scopeOf(this.user).findOne(this.em, Customer, { id });
  }
  customerByContact(org: string, siteId: string, phone: string, name: string) {
    return this.em.findOne(Customer, { orgId: org, siteId, phone, name });
  }
  activeStaff(org: string, id: string) {
    return this.em.findOne(StaffUser, { id, orgId: org, active: true });
  }
  complaintById(id: string) {
    return scopeOf(this.user).findOne(this.em, Complaint, { id });
  }
  complaintByKey(key: string) {
    return scopeOf(this.user).findOne(this.em, Complaint, { idempotencyKey: key });
  }
  openComplaintsOf(org: string, customerId: string) {
    return this.em.find(
      Complaint,
      { orgId: org, customerId, status: ComplaintStatus.OPEN },
      { orderBy: { receivedAt: 'desc' }, limit: OPEN_COMPLAINTS_COMPARED },
    );
  }
  routingRule(org: string, category: Category) {
    return this.em.findOne(RoutingRule, { orgId: org, category });
  }
  async keyReasonsOf(customerId: string) {
    return (await this.em.find(KeyCustomerTag, { customerId }, { fields: ['reason'] })).map((t) => t.reason);
  }
  added(): void {
    // every later read queries the transaction, which sees what was flushed
  }
  tagged(): void {
    // as added()
  }
}

/** What a batch of filings refers to: the ids and contacts its reads are loaded for. */
export interface BatchRefs {
  siteIds: string[];
  unitIds: string[];
  areaIds: string[];
  customerIds: string[];
  /** Phones of customers given by name and phone. */
  phones: string[];
  staffIds: string[];
  complaintIds: string[];
  keys: string[];
}

const contactKey = (siteId: string, phone: string, name: string) => `${siteId}\u0000${phone}\u0000${name}`;
const byReceivedDesc = (a: Complaint, b: Complaint) => b.receivedAt.getTime() - a.receivedAt.getTime();

/**
 * The reads of a whole batch, loaded with one query per kind at its start (about ten queries for up to
 * a thousand filings instead of six to eight per filing), then answered from memory; what the batch
 * files itself is added as it goes, so a customer's second record sees the first (rule A).
 */
export class BatchReads implements IntakeReads {
  private readonly sites = new Map<string, Site>();
  private readonly units = new Map<string, Unit>();
  private readonly areas = new Map<string, Area>();
  private readonly customers = new Map<string, Customer>();
  private readonly contacts = new Map<string, Customer>();
  private readonly staff = new Map<string, StaffUser>();
  private readonly complaints = new Map<string, Complaint>();
  private readonly keys = new Map<string, Complaint>();
  private readonly open = new Map<string, Complaint[]>();
  private readonly rules = new Map<string, RoutingRule>();
  private readonly keyReasons = new Map<string, KeyCustomerReason[]>();

  private constructor(private readonly org: string) {}

  static async load(em: EntityManager, user: AuthUser, refs: BatchRefs): Promise<BatchReads> {
    const r = new BatchReads(user.org);
    const scope = scopeOf(user);
    const ids = (xs: string[]) => ({ $in: [...new Set(xs)] });
    // one query after the other: they share the transaction's connection
    const sites = refs.siteIds.length ? await em.find(Site, { orgId: user.org, id: ids(refs.siteIds) }) : [];
    const units = refs.unitIds.length ? await em.find(Unit, { id: ids(refs.unitIds) }) : [];
    const customers = refs.customerIds.length ? await scope.find(em, Customer, { id: ids(refs.customerIds) }) : [];
    const contacts = refs.phones.length ? await em.find(Customer, { orgId: user.org, phone: ids(refs.phones) }) : [];
    const staff = refs.staffIds.length ? await em.find(StaffUser, { orgId: user.org, id: ids(refs.staffIds), active: true }) : [];
    const complaints = refs.complaintIds.length ? await scope.find(em, Complaint, { id: ids(refs.complaintIds) }) : [];
    const keyed = refs.keys.length ? await scope.find(em, Complaint, { idempotencyKey: ids(refs.keys) }) : [];
    const rules = await em.find(RoutingRule, { orgId: user.org });
    sites.forEach((s) => r.sites.set(s.id, s));
    units.forEach((u) => r.units.set(u.id, u));
    customers.forEach((c) => r.customers.set(c.id, c));
    contacts.forEach((c) => r.contacts.set(contactKey(c.siteId, c.phone, c.name), c));
    staff.forEach((s) => r.staff.set(s.id, s));
    complaints.forEach((c) => r.complaints.set(c.id, c));
    keyed.forEach((c) => r.keys.set(c.idempotencyKey!, c));
    rules.forEach((x) => r.rules.set(x.category, x));
    const areaIds = [...refs.areaIds, ...units.map((u) => u.areaId).filter((a): a is string => Boolean(a))];
    if (areaIds.length) (await em.find(Area, { id: ids(areaIds) })).forEach((a) => r.areas.set(a.id, a));
    const customerIds = [...customers, ...contacts].map((c) => c.id);
    if (customerIds.length) {
      const open = await em.find(
        Complaint,
        { orgId: user.org, customerId: ids(customerIds), status: ComplaintStatus.OPEN },
        { orderBy: { receivedAt: 'desc' } },
      );
      for (const c of open) r.open.set(c.customerId, [...(r.open.get(c.customerId) ?? []), c]);
      const tags = await em.find(KeyCustomerTag, { customerId: ids(customerIds) }, { fields: ['customerId', 'reason'] });
      for (const t of tags) r.tagged(t.customerId, t.reason);
    }
    return r;
  }

  site(org: string, id: string) {
    const s = this.sites.get(id);
    return Promise.resolve(s && org === this.org ? s : null);
  }
  unit(siteId: string, id: string) {
    const u = this.units.get(id);
    return Promise.resolve(u && u.siteId === siteId ? u : null);
  }
  area(siteId: string, id: string) {
    const a = this.areas.get(id);
    return Promise.resolve(a && a.siteId === siteId ? a : null);
  }
  customerById(id: string) {
    return Promise.resolve(this.customers.get(id) ?? null);
  }
  customerByContact(org: string, siteId: string, phone: string, name: string) {
    return Promise.resolve(org === this.org ? (this.contacts.get(contactKey(siteId, phone, name)) ?? null) : null);
  }
  activeStaff(org: string, id: string) {
    return Promise.resolve(org === this.org ? (this.staff.get(id) ?? null) : null);
  }
  complaintById(id: string) {
    return Promise.resolve(this.complaints.get(id) ?? null);
  }
  complaintByKey(key: string) {
    return Promise.resolve(this.keys.get(key) ?? null);
  }
  openComplaintsOf(org: string, customerId: string) {
    if (org !== this.org) return Promise.resolve([]);
    return Promise.resolve(
      (this.open.get(customerId) ?? []).filter((c) => c.status === ComplaintStatus.OPEN).slice(0, OPEN_COMPLAINTS_COMPARED),
    );
  }
  routingRule(org: string, category: Category) {
    return Promise.resolve(org === this.org ? (this.rules.get(category) ?? null) : null);
  }
  keyReasonsOf(customerId: string) {
    return Promise.resolve(this.keyReasons.get(customerId) ?? []);
  }
  tagged(customerId: string, reason: KeyCustomerReason): void {
    const reasons = this.keyReasons.get(customerId) ?? [];
    if (!reasons.includes(reason)) this.keyReasons.set(customerId, [...reasons, reason]);
  }
  added(row: Customer | Complaint): void {
    if (row instanceof Customer) {
      this.contacts.set(contactKey(row.siteId, row.phone, row.name), row);
      this.customers.set(row.id, row);
      return;
    }
    this.complaints.set(row.id, row);
    if (row.idempotencyKey) this.keys.set(row.idempotencyKey, row);
    if (row.status === ComplaintStatus.OPEN) {
      this.open.set(row.customerId, [...(this.open.get(row.customerId) ?? []), row].sort(byReceivedDesc));
    }
  }
}
