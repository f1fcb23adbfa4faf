export { ReminderEntity } from './entities/reminder.entity';
export { ReminderSweepEntity } from './entities/reminder-sweep.entity';
export { ReminderKind, ReminderStatus } from './reminder-kind';
export { RemindersWorkerModule } from './reminders-worker.module';
export { RemindersModule } from './reminders.module';
export { RemindersService } from './reminders.service';
export { ReminderCheckService } from './worker/reminder-check.service';
export { ReminderSweepService } from './worker/reminder-sweep.service';
export { InactivityService } from './worker/inactivity.service';
export { SweepRecordRepository } from './sweep-record.repository';
export {
  readSweepRecord,
  sweepStaleAfterMs,
  sweepStatus,
  type SweepRecord,
  type SweepStatus,
} from './sweep-health';
export { SweepWatchdogService } from './worker/sweep-watchdog.service';
