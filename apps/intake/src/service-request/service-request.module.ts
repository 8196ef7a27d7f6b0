import { Module } from '@nestjs/common';
import { RequestService } from './request-service.usecase';
import { ServiceRequestConsumer } from './service-request.consumer';
import { ServiceRequestResolver } from './service-request.resolver';

/** Repairs and paid services as the desk takes them; dispatch keeps their work sheets. */
@Module({ providers: [RequestService, ServiceRequestResolver, ServiceRequestConsumer] })
export class ServiceRequestModule {}
