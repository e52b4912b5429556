import { Module } from '@nestjs/common';
import { ChannelsController } from '../channels/channels.controller';
import { DeliveriesController } from '../delivery/deliveries.controller';
import { DeliveryWorker } from '../delivery/delivery-worker';
import { NoticeFollowUpWorker } from '../follow-up/notice-follow-up.worker';
import { ReminderWorker } from '../reminders/reminder-worker';
import { BulletinNoticesHandler } from './bulletin-notices.handler';
import { CaseNoticesHandler } from './case-notices.handler';
import { InspectionNoticesHandler } from './inspection-notices.handler';
import { NoticesController } from './notices.controller';

@Module({
  controllers: [NoticesController, ChannelsController, DeliveriesController],
  providers: [CaseNoticesHandler, BulletinNoticesHandler, InspectionNoticesHandler, DeliveryWorker, ReminderWorker, NoticeFollowUpWorker],
})
export class NoticesModule {}
