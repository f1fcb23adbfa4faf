import { Injectable } from '@nestjs/common';
import { NotificationChannel } from './notification-channel';

/**
 * The in-app inbox: a due or escalated reminder is listed by GET /reminders from its row, so
 * there is nothing to send; the channel exists so every way of notifying is one list.
 */
@Injectable()
export class InboxChannel extends NotificationChannel {
  readonly name = 'inbox';

  notify(): Promise<void> {
    return Promise.resolve();
  }
}
