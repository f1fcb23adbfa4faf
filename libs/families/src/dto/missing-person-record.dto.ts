import { ApiProperty } from '@nestjs/swagger';
import { MissingPersonDto } from './missing-person.dto';

/** A missing person read on their own: with the families seeking them that the caller may see. */
export class MissingPersonRecordDto extends MissingPersonDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Families seeking this person, visible to the caller',
  })
  familyIds!: string[];
}
