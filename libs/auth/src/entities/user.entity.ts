import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '@accompany/persistence';
import { Role } from '../access/role.enum';
import { TeamEntity } from './team.entity';

@Entity({ name: 'users' })
@Index('idx_users_team_role', ['teamId', 'role'])
@Check('chk_users_role', `role IN ('admin', 'supervisor', 'accompanier', 'psychologist')`)
@Check('chk_users_team_unless_admin', `(role = 'admin') = (team_id IS NULL)`)
export class UserEntity extends VersionedEntity {
  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;
}
