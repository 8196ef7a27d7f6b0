import { randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ServiceRequested } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ServiceOrder, ServiceOrderStatus } from './service-order.entity';

/** `service.requested` → the department's repair work sheet, with the response clock intake set from the site's setting. */
@Injectable()
export class ServiceOrderConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ServiceRequested, async (p, _e, { em }) => {
        if (await em.findOne(ServiceOrder, { serviceId: p.serviceId })) return;
        em.persist(
          em.create(ServiceOrder, {
            id: randomUUID(),
            orgId: p.orgId,
            siteId: p.siteId,
            areaId: p.areaId ?? null,
            areaManagerId: p.areaManagerId ?? null,
            serviceId: p.serviceId,
            kind: p.kind,
            customerId: p.customerId,
            unitId: p.unitId ?? null,
            department: p.department,
            description: p.description,
            agreedPriceYuan: p.agreedPriceYuan ?? null,
            takenBy: p.receivedBy,
            receivedAt: new Date(p.receivedAt),
            status: ServiceOrderStatus.RECEIVED,
            responseDueAt: new Date(p.responseDueAt),
          }),
        );
      }),
    ]);
  }
}
