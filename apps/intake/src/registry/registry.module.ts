import { Module } from '@nestjs/common';
import { PeopleMaintenanceResolver } from './people-maintenance.resolver';
import { SaveArea } from './save-area.usecase';
import { SaveCustomer } from './save-customer.usecase';
import { SaveSite } from './save-site.usecase';
import { SaveStaffUser } from './save-staff-user.usecase';
import { SaveUnit } from './save-unit.usecase';
import { SetRouting } from './set-routing.usecase';
import { SiteMaintenanceResolver } from './site-maintenance.resolver';
import { SiteResolver } from './site.resolver';

@Module({
  providers: [
    SiteResolver,
    SiteMaintenanceResolver,
    PeopleMaintenanceResolver,
    SaveSite,
    SaveArea,
    SaveUnit,
    SaveCustomer,
    SaveStaffUser,
    SetRouting,
  ],
})
export class RegistryModule {}
