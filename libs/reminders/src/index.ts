export { ReminderEntity } from './entities/reminder.entity';
export { ReminderStatus } from './reminder-kind';
export { RemindersWorkerModule } from './reminders-worker.module';
export { RemindersModule } from './reminders.module';
export { ReminderCheckService } from './worker/reminder-check.service';
export { InactivityService } from './worker/inactivity.service';
