import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
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
  @ApiTooManyRequestsResponse({ description: 'Account locked or per-IP limit reached' })
  login(@Body() dto: LoginDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPairDto> {
    return this.auth.login(dto, meta);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(IpRateLimitGuard)
  @ApiOperation({ summary: 'Rotate the refresh token; reusing a dead one revokes the whole session' })
  refresh(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @UseGuards(IpRateLimitGuard)
  @ApiNoContentResponse({ description: 'The session of this refresh token is ended (if it existed)' })
  async logout(@Body() dto: RefreshDto, @CurrentRequest() meta: RequestMeta): Promise<void> {
    await this.auth.logout(dto.refreshToken, meta);
  }

  @Get('me')
  @Authenticated({ permission: Permission.SelfRead })
  me(@CurrentUser() user: AuthUser): MeDto {
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, teamId: user.teamId };
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated({ permission: Permission.SelfRead })
  @ApiOperation({ summary: 'Change the own password; every other session ends' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, dto);
  }
}
