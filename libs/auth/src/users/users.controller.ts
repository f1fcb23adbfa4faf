import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatedAt,
  ApiCreated,
  ApiIfMatch,
  ApiOk,
  ApiProblemResponses,
  IfMatchVersion,
  Idempotent,
  UuidParamPipe,
} from '@accompany/shared';
import type { AuthUser } from '../access/auth-user';
import { Authenticated, CurrentUser } from '../access/decorators';
import { Permission } from '../access/permission.enum';
import {
  CreateUserDto,
  DirectoryEntryDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from '../dto/user.dto';
import { UsersService } from './users.service';

const READ_USERS = [Permission.UserManage, Permission.UserReadTeam, Permission.UserReadDirectory];

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Idempotent()
  @CreatedAt('/users/{id}')
  @Authenticated({ permission: Permission.UserManage })
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiCreated(UserDto)
  @ApiProblemResponses(
    { status: 409, description: 'A user with this e-mail exists (or the Idempotency-Key is in use)' },
    { status: 422, description: 'The team is missing, unknown, or given for an admin' },
  )
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(user, dto);
  }

  @Get()
  @Authenticated({ permission: READ_USERS })
  @ApiOperation({ summary: 'Users: all (admin), own team (supervisor), team directory (others)' })
  @ApiOk(UserPageDto)
  @ApiProblemResponses(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(user, query);
  }

  @Get(':id')
  @Authenticated({ permission: READ_USERS })
  @ApiOperation({ summary: 'One user; accompaniers and psychologists get the directory entry' })
  @ApiOk({ anyOf: [UserDto, DirectoryEntryDto] })
  @ApiProblemResponses(400, 404)
  getById(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<UserDto | DirectoryEntryDto> {
    return this.users.getById(user, id);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.UserManage })
  @ApiOperation({ summary: 'Change, deactivate or reset a user (admin); ends their sessions when needed' })
  @ApiIfMatch()
  @ApiOk(UserDto)
  @ApiProblemResponses(
    400,
    404,
    {
      status: 403,
      description: 'The role may never do this, or an admin changes their own role, team or active state',
    },
    { status: 422, description: 'The team is missing, unknown, or given for an admin' },
  )
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<UserDto> {
    return this.users.update(user, id, dto, version);
  }
}
