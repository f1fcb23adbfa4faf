import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FamiliesModule } from '@accompany/families';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderQueue } from './reminder-queue';
import { RemindersController } from './reminders.controller';
import { RemindersListener } from './reminders.listener';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** API side: the inbox, and the reactions that schedule, close and move reminders. */
@Module({
  imports: [TypeOrmModule.forFeature([ReminderEntity]), FamiliesModule],
  controllers: [RemindersController],
  providers: [RemindersRepository, ReminderQueue, RemindersService, RemindersListener],
})
export class RemindersModule {}
