import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FamiliesModule } from '@accompany/families';
import { ReminderSweepEntity } from './entities/reminder-sweep.entity';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderQueue } from './reminder-queue';
import { RemindersController } from './reminders.controller';
import { RemindersListener } from './reminders.listener';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { SweepRecordRepository } from './sweep-record.repository';

/** API side: the inbox, the reactions that schedule, close and move reminders, the sweep's record. */
@Module({
  imports: [TypeOrmModule.forFeature([ReminderEntity, ReminderSweepEntity]), FamiliesModule],
  controllers: [RemindersController],
  providers: [RemindersRepository, ReminderQueue, RemindersService, RemindersListener, SweepRecordRepository],
  // Readiness reports the age of the worker's last sweep.
  exports: [SweepRecordRepository],
})
export class RemindersModule {}
