import { Module } from '@nestjs/common';
import { ContactActivity } from './contact-activity';

/** Read-only contact questions for background work (no controllers, no HTTP dependencies). */
@Module({
  providers: [ContactActivity],
  exports: [ContactActivity],
})
export class ContactsReadModule {}
