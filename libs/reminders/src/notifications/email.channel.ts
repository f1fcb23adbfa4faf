import { Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { UserDirectory } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import { ReminderStatus } from '../reminder-kind';
import { NotificationChannel, type ReminderNotice } from './notification-channel';

const SUBJECTS = {
  due: 'Accompany: a reminder is due',
  escalated: 'Accompany: a reminder has escalated',
} as const;

/**
 * E-mail through SMTP (SMTP_URL; off when unset). The message says only that a reminder of
 * some kind needs attention, with its id: no names, no case content ever leaves the system
 * by e-mail.
 */
@Injectable()
export class EmailChannel extends NotificationChannel {
  readonly name = 'email';
  private readonly transport: Transporter | null;

  constructor(
    private readonly users: UserDirectory,
    private readonly config: AppConfig,
  ) {
    super();
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async notify(notice: ReminderNotice): Promise<void> {
    if (!this.transport) return;
    const to = await this.users.activeEmailOf(notice.assigneeId);
    if (!to) return;
    await this.transport.sendMail({
      from: this.config.mail.from,
      to,
      subject: SUBJECTS[notice.status],
      text:
        `A reminder (${notice.kind.replace(/_/g, ' ')}) ${notice.status === ReminderStatus.Due ? 'is due' : 'has escalated'}.\n` +
        `Open your reminders in Accompany to see it (reference ${notice.reminderId}).\n`,
    });
  }
}
