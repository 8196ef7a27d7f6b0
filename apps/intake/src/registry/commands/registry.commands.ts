import type { Category, Department, Role } from '@pc/contracts';
import type { AuthUser } from '@pc/platform';
import type { CustomerKind } from '../registry.entities';

/**
 * The registry commands (domain.md "Who and where"): plain data, built by the resolver from its
 * GraphQL input. An `id` updates that record of the actor's organisation; none creates one.
 */
interface ByActor {
  actor: AuthUser;
}

export interface SaveSiteCommand extends ByActor {
  id?: string;
  name: string;
  timeZone?: string;
  holidays?: string[];
  makeUpWorkdays?: string[];
  annualHolidays?: string[];
  repairResponseMinutes?: number;
}
export interface SaveAreaCommand extends ByActor {
  id?: string;
  siteId: string;
  name: string;
  areaManagerId?: string;
}
export interface SaveUnitCommand extends ByActor {
  id?: string;
  siteId: string;
  areaId: string;
  name: string;
  building?: string | null;
}
export interface SaveCustomerCommand extends ByActor {
  id?: string;
  name: string;
  phone: string;
  email?: string;
  kind: CustomerKind;
  unitId?: string;
  siteId?: string;
}
export interface SaveStaffUserCommand extends ByActor {
  id?: string;
  name: string;
  phone?: string;
  email?: string;
  roles: Role[];
  department?: Department;
  sites: string[];
  active?: boolean;
}
export interface SetRoutingCommand extends ByActor {
  category: Category;
  departments: Department[];
}
