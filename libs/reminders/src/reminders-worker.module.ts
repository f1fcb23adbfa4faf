import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersReadModule } from '@accompany/auth';
import { ContactsReadModule } from '@accompany/contacts';
import { FamiliesReadModule } from '@accompany/families';
import { ReminderSweepEntity } from './entities/reminder-sweep.entity';
import { ReminderEntity } from './entities/reminder.entity';
import { EmailChannel } from './notifications/email.channel';
import { InboxChannel } from './notifications/inbox.channel';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notifications/notification-channel';
import { Notifier } from './notifications/notifier';
import { ReminderQueue } from './reminder-queue';
import { RemindersRepository } from './reminders.repository';
import { SweepRecordRepository } from './sweep-record.repository';
import { InactivityService } from './worker/inactivity.service';
import { ReminderCheckService } from './worker/reminder-check.service';
import { ReminderSweepService } from './worker/reminder-sweep.service';
import { RemindersProcessor } from './worker/reminders.processor';
import { SweepSchedulerService } from './worker/sweep-scheduler.service';
import { SweepWatchdogService } from './worker/sweep-watchdog.service';

/** Worker side: the processor that makes reminders due and escalates them, the sweep and its watchdog. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReminderEntity, ReminderSweepEntity]),
    FamiliesReadModule,
    ContactsReadModule,
    UsersReadModule,
  ],
  providers: [
    RemindersRepository,
    SweepRecordRepository,
    ReminderQueue,
    InboxChannel,
    EmailChannel,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [InboxChannel, EmailChannel],
      useFactory: (inbox: InboxChannel, email: EmailChannel): NotificationChannel[] =>
        email.enabled ? [inbox, email] : [inbox],
    },
    Notifier,
    ReminderCheckService,
    ReminderSweepService,
    InactivityService,
    RemindersProcessor,
    SweepSchedulerService,
    SweepWatchdogService,
  ],
  exports: [ReminderCheckService, ReminderSweepService, InactivityService, SweepRecordRepository],
})
export class RemindersWorkerModule {}
