import { ApiProperty } from '@nestjs/swagger';
import { FamilyView } from '../access/visibility-rule';
import { FamilyStatus } from '../domain/family-status';
import { MissingPersonStatus } from '../domain/missing-person-status';
import { MemberDto } from './member.dto';

export class MissingPersonNameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: MissingPersonStatus }) status!: string;
}

/**
 * A family seen through a reduced grant (a psychologist with a referral): reference, status,
 * preferred language, the members the grant names, the missing persons' names and statuses.
 * No address, consent, closure details or other members.
 */
export class ReducedFamilyDto {
  @ApiProperty({ enum: [FamilyView.Reduced] }) view!: FamilyView.Reduced;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'FAM-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ enum: FamilyStatus }) status!: FamilyStatus;
  @ApiProperty({ nullable: true, type: String }) preferredLanguage!: string | null;
  @ApiProperty({ type: [MemberDto], description: 'Only the members this view names' }) members!: MemberDto[];
  @ApiProperty({ type: [MissingPersonNameDto] }) missingPersons!: MissingPersonNameDto[];
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
