import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiOk, ApiProblemResponses } from '@accompany/shared';
import type { AuthUser } from '../access/auth-user';
import { Authenticated, CurrentRequest, CurrentUser, Public, type RequestMeta } from '../access/decorators';
import { Permission } from '../access/permission.enum';
import { ChangePasswordDto, LoginDto, MeDto, RefreshDto, TokenPairDto } from '../dto/auth.dto';
import { AuthService } from './auth.service';
import { IpRateLimitGuard } from './ip-rate-limit.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(IpRateLimitGuard)
  @ApiOperation({ summary: 'Sign in; 429 with Retry-After when the account or the address is throttled' })
  @ApiOk(TokenPairDto, 'A new session')
  @ApiProblemResponses(
    400,
    { status: 401, description: 'Wrong e-mail or password (the same answer for an unknown e-mail)' },
    { status: 429, description: 'Account locked or per-address limit reached; wait Retry-After seconds' },
  )
  login(@Body() dto: LoginDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPairDto> {
    return this.auth.login(dto, meta);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(IpRateLimitGuard)
  @ApiOperation({ summary: 'Rotate the refresh token; reusing a dead one revokes the whole session' })
  @ApiOk(TokenPairDto, 'A new pair; the refresh token sent is dead from now on')
  @ApiProblemResponses(
    400,
    { status: 401, description: 'Unknown, expired or already used refresh token (a reuse ends the session)' },
    { status: 429, description: 'Per-address limit reached; wait Retry-After seconds' },
  )
  refresh(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @UseGuards(IpRateLimitGuard)
  @ApiOperation({ summary: 'End the session of this refresh token' })
  @ApiNoContent('The session of this refresh token is ended (if it existed)')
  @ApiProblemResponses(400, 429)
  async logout(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta): Promise<void> {
    await this.auth.logout(dto.refreshToken, meta);
  }

  @Get('me')
  @Authenticated({ permission: Permission.SelfRead })
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOk(MeDto)
  me(@CurrentUser() user: AuthUser): MeDto {
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, teamId: user.teamId };
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated({ permission: Permission.SelfRead })
  @ApiOperation({ summary: 'Change the own password; every other session ends' })
  @ApiNoContent('Changed; every other session of this account has ended')
  @ApiProblemResponses(
    400,
    { status: 412, description: 'The account changed meanwhile; try again' },
    { status: 422, description: 'The current password is wrong, or the new one is not acceptable' },
  )
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, dto);
  }
}
