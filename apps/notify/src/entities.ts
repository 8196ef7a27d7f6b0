import { directoryEntities } from '@pc/subgraph';
import { DutyAssignment, DutyDirector, RosterCheck, ShiftHandover, SiteShift } from './duty/duty.entity';
import {
  CaseFile,
  DeadlineWatch,
  Delivery,
  Notification,
  NotificationPolicy,
  NotificationPreference,
  SiteChannel,
} from './notification/notification.entity';

export const NOTIFY_ENTITIES = [
  SiteShift,
  DutyAssignment,
  DutyDirector,
  ShiftHandover,
  RosterCheck,
  Notification,
  Delivery,
  SiteChannel,
  NotificationPreference,
  NotificationPolicy,
  CaseFile,
  DeadlineWatch,
  ...directoryEntities({ contacts: true }),
];
