import { Module } from '@nestjs/common';
import { CreateWorkOrders } from './create-work-orders.usecase';
import {
  AgreeSolution,
  AssignHandler,
  CloseWorkOrder,
  ConfirmResolution,
  LifecycleCommands,
  RecordHandlingPlan,
  RecordProgress,
  ReportToHead,
  SignOffHandlingPlan,
} from './lifecycle.usecases';
import { ResolveWorkOrder } from './resolve-work-order.usecase';
import { ApplySeverityChange, ReopenWorkOrder } from './rework.usecases';
import { WorkOrderCommand } from './work-order-command';
import { WorkOrderConsumer } from './work-order.consumer';
import { WorkOrderQueries } from './work-order.queries';
import { ComplaintWorkOrdersResolver, WorkOrderResolver } from './work-order.resolver';

@Module({
  providers: [
    WorkOrderCommand,
    CreateWorkOrders,
    RecordHandlingPlan,
    SignOffHandlingPlan,
    AssignHandler,
    RecordProgress,
    ReportToHead,
    AgreeSolution,
    ResolveWorkOrder,
    ConfirmResolution,
    CloseWorkOrder,
    LifecycleCommands,
    ApplySeverityChange,
    ReopenWorkOrder,
    WorkOrderQueries,
    WorkOrderResolver,
    ComplaintWorkOrdersResolver,
    WorkOrderConsumer,
  ],
  exports: [WorkOrderCommand],
})
export class WorkOrderModule {}
