import { Module } from '@nestjs/common';
import { MaintainRegistry } from './maintain-registry.usecase';
import { SiteResolver } from './site.resolver';

@Module({ providers: [SiteResolver, MaintainRegistry] })
export class RegistryModule {}
