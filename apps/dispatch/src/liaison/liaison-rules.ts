import { Department, Role } from '@pc/contracts';
import { AuthUser, hasAnyRole } from '@pc/platform';

export const canAnswerFor = (user: AuthUser, department: Department) =>
  hasAnyRole(user, [Role.SITE_HEAD]) || (hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === department);
