import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ServiceCompleted } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ServiceRequest, ServiceStatus } from './service-request.entity';

/** The repair work sheet was completed (dispatch's `service.completed`): the desk's record says so. */
@Injectable()
export class ServiceRequestConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ServiceCompleted, async (p, _e, { em }) => {
        const request = await em.findOne(ServiceRequest, { id: p.serviceId, orgId: p.orgId });
        if (!request) return; // a service recorded elsewhere (an older system): nothing of ours to update
        em.assign(request, { status: ServiceStatus.COMPLETED, completedAt: new Date(p.completedAt), chargedYuan: p.chargedYuan ?? null });
      }),
    ]);
  }
}
