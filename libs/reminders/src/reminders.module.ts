import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@accompany/auth';
import { FamiliesModule } from '@accompany/families';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderQueue } from './reminder-queue';
import { RemindersController } from './reminders.controller';
import { RemindersListener } from './reminders.listener';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { StaffDepartureListener } from './staff-departure.listener';

/** API side: the inbox, and the reactions that schedule, close and move reminders (also when staff leave). */
@Module({
  imports: [TypeOrmModule.forFeature([ReminderEntity]), AuthModule, FamiliesModule],
  controllers: [RemindersController],
  providers: [
    RemindersRepository,
    ReminderQueue,
    RemindersService,
    RemindersListener,
    StaffDepartureListener,
  ],
})
export class RemindersModule {}
