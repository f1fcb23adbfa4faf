import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type ReminderNotice } from './notification-channel';

/**
 * Tells every channel. A channel that fails is logged and does not undo the transition: the
 * reminder is in the inbox whatever happens to an e-mail.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);

  constructor(@Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[]) {}

  async notify(notice: ReminderNotice): Promise<void> {
    for (const channel of this.channels) {
      try {
        await channel.notify(notice);
      } catch (error) {
        this.logger.warn(
          { channel: channel.name, reminderId: notice.reminderId, err: (error as Error).message },
          'notification failed',
        );
      }
    }
  }
}
