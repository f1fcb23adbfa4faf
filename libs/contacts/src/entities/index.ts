import { ContactCorrectionEntity } from './contact-correction.entity';
import { ContactEntity } from './contact.entity';

export { ContactCorrectionEntity, ContactEntity };
export const CONTACTS_ENTITIES = [ContactEntity, ContactCorrectionEntity];
