import { Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { timerOptionsFrom } from '@pc/messaging';
import { Clock, ServiceConfig } from '@pc/platform';
import { DirectoryModule } from '@pc/subgraph';
import { DutyRoster } from '../duty/duty.service';
import { DutyResolver } from '../duty/duty.resolver';
import { RosterGaps } from '../duty/roster-gaps';
import { CHANNEL_ADAPTERS, DeliveryWorker } from '../delivery/delivery.worker';
import { EmailAdapter, type MailLocale } from '../delivery/email.adapter';
import { DingTalkAdapter, FeishuAdapter, WeComAdapter, WebhookAdapter } from '../delivery/robot.adapters';
import { SmsAdapter } from '../delivery/sms.adapter';
import type { ChannelAdapter } from '../delivery/channel-adapter';
import { AcknowledgeNotification } from './acknowledge-notification.usecase';
import { AcknowledgementLadder } from './acknowledgement-ladder';
import { DeadlineWarnings } from './deadline-warnings';
import { NotificationConsumer } from './notification.consumer';
import { ComplaintNotificationsResolver, NotificationResolver } from './notification.resolver';
import { NotificationStreamController } from './notification-stream.controller';
import { Notifier } from './notifier';
import { ResidentMessagesConsumer } from './resident-messages';
import { NOTIFY_TIMER_OPTIONS, NotifyScheduler } from './notify-scheduler';
import { SetNotificationChannel } from './set-notification-channel.usecase';

@Module({
  imports: [DirectoryModule.forRoot({ contacts: true })],
  controllers: [NotificationStreamController],
  providers: [
    { provide: NOTIFY_TIMER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    {
      provide: CHANNEL_ADAPTERS,
      inject: [ServiceConfig, Clock],
      useFactory: (c: ServiceConfig, clock: Clock): ChannelAdapter[] => [
        new EmailAdapter(c.SMTP_URL, c.SMTP_FROM, c.NOTIFY_MAIL_LOCALE as MailLocale),
        new SmsAdapter(c.SMS_URL, c.SMS_API_KEY, c.SMS_TEMPLATE_ID),
        new DingTalkAdapter(() => clock.now()),
        new FeishuAdapter(() => clock.now()),
        new WeComAdapter(),
        new WebhookAdapter(() => clock.now()),
      ],
    },
    {
      provide: DeliveryWorker,
      inject: [MikroORM, Clock, ServiceConfig, CHANNEL_ADAPTERS],
      useFactory: (orm: MikroORM, clock: Clock, c: ServiceConfig, adapters: ChannelAdapter[]) =>
        new DeliveryWorker(orm, clock, c, adapters),
    },
    DutyRoster,
    Notifier,
    ResidentMessagesConsumer,
    AcknowledgementLadder,
    DeadlineWarnings,
    RosterGaps,
    NotifyScheduler,
    NotificationConsumer,
    AcknowledgeNotification,
    SetNotificationChannel,
    NotificationResolver,
    ComplaintNotificationsResolver,
    DutyResolver,
  ],
})
export class NotificationModule {}
