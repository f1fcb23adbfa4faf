import type { DirectoryEntryDto, UserDto } from '../dto/user.dto';
import type { UserEntity } from '../entities';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    teamId: user.teamId,
    active: user.active,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function toDirectoryEntry(user: UserEntity): DirectoryEntryDto {
  return { id: user.id, fullName: user.fullName, role: user.role };
}
