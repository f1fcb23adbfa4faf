import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * The one optimistic update: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND
 * version = $2`. Never a save() of a loaded entity, which would silently overwrite a newer
 * edit. Returns false when the row is gone or has moved on (the caller answers 412).
 */
export async function updateVersioned<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<Entity>,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return (result.affected ?? 0) > 0;
}
