import { Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '@accompany/persistence';

@Entity({ name: 'teams' })
@Index('uq_teams_name', { synchronize: false })
export class TeamEntity extends VersionedEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  region!: string | null;
}
