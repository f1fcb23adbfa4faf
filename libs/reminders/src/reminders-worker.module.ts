import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsReadModule } from '@accompany/contacts';
import { FamiliesReadModule } from '@accompany/families';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderQueue } from './reminder-queue';
import { RemindersRepository } from './reminders.repository';
import { InactivityService } from './worker/inactivity.service';
import { ReminderCheckService } from './worker/reminder-check.service';
import { ReminderSweepService } from './worker/reminder-sweep.service';
import { RemindersProcessor } from './worker/reminders.processor';
import { SweepSchedulerService } from './worker/sweep-scheduler.service';

/** Worker side: the processor that makes reminders due and escalates them, and the sweep. */
@Module({
  imports: [TypeOrmModule.forFeature([ReminderEntity]), FamiliesReadModule, ContactsReadModule],
  providers: [
    RemindersRepository,
    ReminderQueue,
    ReminderCheckService,
    ReminderSweepService,
    InactivityService,
    RemindersProcessor,
    SweepSchedulerService,
  ],
  exports: [ReminderCheckService, ReminderSweepService, InactivityService],
})
export class RemindersWorkerModule {}
