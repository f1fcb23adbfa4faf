export { ContactEvents, type ContactRecordedEvent } from './contacts.events';
export { ContactsModule } from './contacts.module';
export { ContactsService } from './contacts.service';
export { ContactKind, Need } from './dto/contact.dto';
export { CONTACTS_ENTITIES, ContactEntity } from './entities';
export { ContactActivity } from './contact-activity';
export { ContactsReadModule } from './contacts-read.module';
