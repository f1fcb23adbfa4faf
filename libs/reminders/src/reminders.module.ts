import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@accompany/auth';
import { FamiliesModule } from '@accompany/families';
import { ReminderSweepEntity } from './entities/reminder-sweep.entity';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderQueue } from './reminder-queue';
import { RemindersController } from './reminders.controller';
import { RemindersListener } from './reminders.listener';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { StaffDepartureListener } from './staff-departure.listener';
import { SweepRecordRepository } from './sweep-record.repository';

/**
 * API side: the inbox, the reactions that schedule, close and move reminders (also when staff
 * leave), and the sweep's record.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReminderEntity, ReminderSweepEntity]), AuthModule, FamiliesModule],
  controllers: [RemindersController],
  providers: [
    RemindersRepository,
    ReminderQueue,
    RemindersService,
    RemindersListener,
    StaffDepartureListener,
    SweepRecordRepository,
  ],
  // Readiness reports the age of the worker's last sweep.
  exports: [SweepRecordRepository],
})
export class RemindersModule {}
