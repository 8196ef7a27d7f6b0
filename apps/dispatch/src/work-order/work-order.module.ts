import { Module } from '@nestjs/common';
import { CreateWorkOrders } from './create-work-orders.usecase';
import { ResolveWorkOrder } from './resolve-work-order.usecase';
import { WorkOrderConsumer } from './work-order.consumer';
import { WorkOrderQueries } from './work-order.queries';
import { ComplaintWorkOrdersResolver, WorkOrderResolver } from './work-order.resolver';

@Module({
  providers: [CreateWorkOrders, ResolveWorkOrder, WorkOrderQueries, WorkOrderResolver, ComplaintWorkOrdersResolver, WorkOrderConsumer],
})
export class WorkOrderModule {}
