import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { PhotoModule } from '../photo/photo.module';
import { CreateWorkOrders } from './create-work-orders.usecase';
import { AgreeSolution } from './agree-solution.usecase';
import { AssignHandler } from './assign-handler.usecase';
import { CloseWorkOrder } from './close-work-order.usecase';
import { ClosureResolver } from './closure.resolver';
import { ConfirmResolution } from './confirm-resolution.usecase';
import { HandlingResolver } from './handling.resolver';
import { RecordHandlingPlan } from './record-handling-plan.usecase';
import { RecordProgress } from './record-progress.usecase';
import { ReportToHead } from './report-to-head.usecase';
import { SignOffHandlingPlan } from './sign-off-handling-plan.usecase';
import { ResolveWorkOrder } from './resolve-work-order.usecase';
import { SlaModule } from '../sla/sla.module';
import { ApplySeverityChange } from './apply-severity-change.usecase';
import { DeadlineBreaches } from './deadline-breaches';
import { EscalateWorkOrder } from './escalate-work-order.usecase';
import { EscalationResolver } from './escalation.resolver';
import { ExtendDeadline } from './extend-deadline.usecase';
import { WorkOrderCommand } from './work-order-command';
import { WorkOrderConsumer } from './work-order.consumer';
import { MeetReportOnAcknowledgement } from './meet-report-on-acknowledgement.usecase';
import { ResidentConfirmation } from './resident-confirmation.usecase';
import { WorkOrderQueries } from './work-order.queries';
import { ComplaintWorkOrdersResolver, WorkOrderResolver } from './work-order.resolver';

@Module({
  imports: [SlaModule, DirectoryModule.forRoot(), PhotoModule],
  providers: [
    DeadlineBreaches,
    EscalateWorkOrder,
    ExtendDeadline,
    EscalationResolver,
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
    HandlingResolver,
    ClosureResolver,
    ApplySeverityChange,
    WorkOrderQueries,
    WorkOrderResolver,
    ComplaintWorkOrdersResolver,
    WorkOrderConsumer,
    MeetReportOnAcknowledgement,
    ResidentConfirmation,
  ],
  exports: [WorkOrderCommand],
})
export class WorkOrderModule {}
