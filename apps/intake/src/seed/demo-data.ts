import type { EntityManager } from '@mikro-orm/core';
import { CustomerSaved, Department, Role, SiteSaved, StaffSaved } from '@pc/contracts';
import { EventWriter } from '@pc/messaging';
import { SystemClock, type AuthUser } from '@pc/platform';
import { CHINA_ANNUAL_HOLIDAYS } from '@pc/calendar';
import { Area, Customer, CustomerKind, Organisation, Site, StaffUser, Unit } from '../registry/registry.entities';
import { customerSavedOf } from '../registry/registry-rules';

/** A registry to seed: one organisation with its sites, areas, units and customers. */
export interface RegistryDataset {
  organisation: { id: string; name: string };
  sites: { id: string; name: string; timeZone?: string; holidays?: string[]; makeUpWorkdays?: string[] }[];
  areas: { id: string; siteId: string; name: string; areaManagerId?: string }[];
  units: { id: string; siteId: string; areaId: string; name: string }[];
  customers: { id: string; name: string; phone: string; kind: CustomerKind; unitId?: string; siteId?: string }[];
  /** Staff users; their ids are the `sub` of their tokens. */
  staff?: AuthUser[];
}

/** The demo users' e-mail addresses (example.com: never delivered anywhere real). */
export const demoEmail = (sub: string): string => `${sub}@example.com`;

/** The stable demo ids of api.md: docs and scripts refer to them. */
export const DEMO_ORG = 'demo-org';

/** One demo user per role (api.md), all of `demo-org` and all its sites. */
export const DEMO_USERS: AuthUser[] = [
  { sub: 'demo-front-desk', org: DEMO_ORG, sites: ['*'], roles: [Role.FRONT_DESK] },
  { sub: 'demo-complaint-rep', org: DEMO_ORG, sites: ['*'], roles: [Role.COMPLAINT_REP] },
  { sub: 'demo-area-manager', org: DEMO_ORG, sites: ['demo-site-1', 'demo-site-2'], roles: [Role.AREA_MANAGER] },
  { sub: 'demo-department-staff', org: DEMO_ORG, sites: ['*'], roles: [Role.DEPARTMENT_STAFF], department: Department.ENGINEERING },
  { sub: 'demo-department-head', org: DEMO_ORG, sites: ['*'], roles: [Role.DEPARTMENT_HEAD], department: Department.ENGINEERING },
  { sub: 'demo-site-head', org: DEMO_ORG, sites: ['demo-site-1'], roles: [Role.SITE_HEAD] },
  { sub: 'demo-quality', org: DEMO_ORG, sites: ['*'], roles: [Role.QUALITY], department: Department.QUALITY },
  { sub: 'demo-leadership', org: DEMO_ORG, sites: ['*'], roles: [Role.LEADERSHIP], department: Department.LEADERSHIP },
  { sub: 'demo-analyst', org: DEMO_ORG, sites: ['*'], roles: [Role.ANALYST] },
  { sub: 'demo-admin', org: DEMO_ORG, sites: ['*'], roles: [Role.ADMIN] },
];

export const DEMO_DATASET: RegistryDataset = {
  organisation: { id: DEMO_ORG, name: 'Demo Property Group' },
  sites: [
    // one site reads as the users of a Chinese property group do; the other stays in English for the English reader
    { id: 'demo-site-1', name: '海景花园' },
    { id: 'demo-site-2', name: 'Riverside Office Tower' },
  ],
  areas: [
    { id: 'demo-site-1-area-a', siteId: 'demo-site-1', name: 'A区（1-3号楼）', areaManagerId: 'demo-area-manager' },
    { id: 'demo-site-1-area-b', siteId: 'demo-site-1', name: 'B区（4-6号楼）', areaManagerId: 'demo-area-manager' },
    { id: 'demo-site-2-area-a', siteId: 'demo-site-2', name: 'Floors 1-20', areaManagerId: 'demo-area-manager' },
  ],
  units: [
    { id: 'demo-site-1-unit-101', siteId: 'demo-site-1', areaId: 'demo-site-1-area-a', name: '1号楼101室' },
    { id: 'demo-site-1-unit-502', siteId: 'demo-site-1', areaId: 'demo-site-1-area-b', name: '5号楼502室' },
    { id: 'demo-site-2-unit-1201', siteId: 'demo-site-2', areaId: 'demo-site-2-area-a', name: 'Floor 12, suite 1201' },
  ],
  customers: [
    { id: 'demo-customer-1', name: '李伟', phone: '13800000001', kind: CustomerKind.OWNER, unitId: 'demo-site-1-unit-101' },
    { id: 'demo-customer-2', name: '张敏', phone: '13800000002', kind: CustomerKind.TENANT, unitId: 'demo-site-1-unit-502' },
    { id: 'demo-customer-3', name: 'Chen Jie', phone: '13800000003', kind: CustomerKind.TENANT, unitId: 'demo-site-2-unit-1201' },
  ],
  staff: DEMO_USERS,
};

/**
 * Inserts or updates the dataset by its ids (running it twice changes nothing), and announces its
 * sites, customers and staff through intake's outbox, as the registry mutations do, so that dispatch and
 * callback know them.
 */
export async function seedRegistry(em: EntityManager, d: RegistryDataset): Promise<void> {
  const orgId = d.organisation.id;
  const events = new EventWriter(em, new SystemClock());
  await em.upsert(Organisation, d.organisation);
  for (const s of d.sites) {
    const site = { timeZone: 'Asia/Shanghai', holidays: [], makeUpWorkdays: [], annualHolidays: [...CHINA_ANNUAL_HOLIDAYS], ...s, orgId };
    await em.upsert(Site, site);
    events.publish(SiteSaved, { orgId, siteId: site.id, name: site.name, timeZone: site.timeZone });
  }
  for (const a of d.areas) await em.upsert(Area, { areaManagerId: null, ...a });
  for (const u of d.units) await em.upsert(Unit, u);
  for (const c of d.customers) {
    const siteId = c.siteId ?? d.units.find((u) => u.id === c.unitId)?.siteId ?? (d.sites.length === 1 ? d.sites[0].id : undefined);
    if (!siteId) throw new Error(`customer ${c.id}: give siteId or a unitId of the dataset`);
    const customer = await em.upsert(Customer, { unitId: null, ...c, siteId, orgId });
    events.publish(CustomerSaved, customerSavedOf(customer, d.units.find((u) => u.id === c.unitId)?.areaId));
  }
  for (const u of d.staff ?? []) {
    const name = u.sub.replace(/^demo-/, '').replace(/-/g, ' ');
    await em.upsert(StaffUser, {
      id: u.sub,
      orgId,
      name,
      phone: null,
      email: demoEmail(u.sub),
      roles: u.roles,
      department: u.department ?? null,
      sites: u.sites,
      active: true,
    });
    events.publish(StaffSaved, {
      orgId,
      staffId: u.sub,
      roles: u.roles,
      department: u.department,
      sites: u.sites,
      active: true,
      name,
      email: demoEmail(u.sub),
    });
  }
  await events.write();
  await em.flush();
}

/**
 * Staff of the other departments, for the demo history that `npm start` writes (cases of security,
 * cleaning and finance need their own handlers and heads); not offered on the sign-in page.
 */
export const DEMO_HISTORY_STAFF: AuthUser[] = [Department.SECURITY, Department.CLEANING, Department.FINANCE].flatMap((department) => {
  const d = department.toLowerCase();
  return [
    { sub: `demo-${d}-staff`, org: DEMO_ORG, sites: ['*'], roles: [Role.DEPARTMENT_STAFF], department },
    { sub: `demo-${d}-head`, org: DEMO_ORG, sites: ['*'], roles: [Role.DEPARTMENT_HEAD], department },
  ];
});

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['芳', '强', '静', '磊', '洋', '丽', '军', '娜', '杰', '霞', '涛', '婷', '斌', '雪', '鹏', '慧'];
const FIRST = ['Alex', 'Grace', 'Daniel', 'Mei', 'Oliver', 'Hannah', 'Ryan', 'Sophie', 'Lucas', 'Emma', 'Ivan', 'Nora'];
const LAST = ['Wong', 'Smith', 'Liu', 'Patel', 'Khan', 'Brown', 'Tan', 'Garcia', 'Lee', 'Murphy', 'Novak', 'Ito'];

/**
 * More units and customers of the two demo sites for the demo history (demo-site-1 in Chinese, 24
 * households; demo-site-2 in English, 16 offices); the same every time (no randomness).
 */
export const DEMO_HISTORY_DATASET: RegistryDataset = {
  organisation: DEMO_DATASET.organisation,
  sites: DEMO_DATASET.sites,
  areas: DEMO_DATASET.areas,
  units: [
    ...Array.from({ length: 24 }, (_, i) => {
      const building = Math.floor(i / 4) + 1;
      const room = `${(i % 4) + 2}0${(i % 2) + 1}`;
      return {
        id: `demo-site-1-unit-${building}-${room}`,
        siteId: 'demo-site-1',
        areaId: building <= 3 ? 'demo-site-1-area-a' : 'demo-site-1-area-b',
        name: `${building}号楼${room}室`,
      };
    }),
    ...Array.from({ length: 16 }, (_, i) => ({
      id: `demo-site-2-unit-${i + 2}01`,
      siteId: 'demo-site-2',
      areaId: 'demo-site-2-area-a',
      name: `Floor ${i + 2}, suite ${i + 2}01`,
    })),
  ],
  customers: [
    ...Array.from({ length: 24 }, (_, i) => {
      const building = Math.floor(i / 4) + 1;
      const room = `${(i % 4) + 2}0${(i % 2) + 1}`;
      return {
        id: `demo-customer-1-${building}-${room}`,
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
        phone: `1390000${String(1000 + i).padStart(4, '0')}`,
        kind: i % 3 === 2 ? CustomerKind.TENANT : CustomerKind.OWNER,
        unitId: `demo-site-1-unit-${building}-${room}`,
      };
    }),
    ...Array.from({ length: 16 }, (_, i) => ({
      id: `demo-customer-2-${i + 2}01`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`,
      phone: `1390000${String(2000 + i).padStart(4, '0')}`,
      kind: i % 4 === 0 ? CustomerKind.OWNER : CustomerKind.TENANT,
      unitId: `demo-site-2-unit-${i + 2}01`,
    })),
  ],
  staff: DEMO_HISTORY_STAFF,
};
