import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { SlaModule } from '../sla/sla.module';
import { ServiceDeadlines } from './service-deadlines';
import { ServiceOrderConsumer } from './service-order.consumer';
import { ServiceOrderResolver } from './service-order.resolver';
import { ServiceWork } from './service-order.usecases';

/** Repairs and paid services: the repair work sheet (维修工作单), its clocks, its completion. */
@Module({
  imports: [SlaModule, DirectoryModule.forRoot()],
  providers: [ServiceOrderConsumer, ServiceWork, ServiceDeadlines, ServiceOrderResolver],
})
export class ServiceModule {}
