import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When the reminder sweep last completed, kept in PostgreSQL because the one thing it must
 * survive is Redis losing its data (the flush that also takes the sweep's scheduler away).
 * One row per sweep; the worker's health check and the API's readiness read its age.
 */
@Entity({ name: 'reminder_sweeps' })
export class ReminderSweepEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'timestamptz' })
  lastSuccessAt!: Date;
}
