import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@accompany/config';
import {
  ApiNoContent,
  ApiOk,
  ApiProblemResponses,
  mergeApiResponse,
  UnauthorizedError,
  ValidationFailedError,
} from '@accompany/shared';
import type { AuthUser } from '../access/auth-user';
import { Authenticated, CurrentRequest, CurrentUser, Public, type RequestMeta } from '../access/decorators';
import { Permission } from '../access/permission.enum';
import { ChangePasswordDto, LoginDto, MeDto, RefreshDto, TokenPairDto } from '../dto/auth.dto';
import type { TokenPair } from '../sessions/sessions.service';
import { AuthService } from './auth.service';
import { IpRateLimitGuard } from './ip-rate-limit.guard';
import {
  clearRefreshCookie,
  REFRESH_COOKIE,
  REFRESH_COOKIE_HEADER,
  REFRESH_COOKIE_PATH,
  refreshCookieOf,
  setRefreshCookie,
  wantsRefreshCookie,
} from './refresh-cookie';

const COOKIE_REQUEST_HEADER = ApiHeader({
  name: REFRESH_COOKIE_HEADER,
  required: false,
  schema: { type: 'string', enum: ['1'] },
  description:
    `\`1\`: the refresh token goes into the HTTP-only cookie \`${REFRESH_COOKIE}\` (Secure, SameSite=Strict, ` +
    `path ${REFRESH_COOKIE_PATH}) and is left out of the body. For browsers: script never reads it.`,
});

const COOKIE_SET_HEADER = mergeApiResponse(200, {
  headers: {
    'Set-Cookie': {
      description: `The refresh cookie \`${REFRESH_COOKIE}\`, when asked for with ${REFRESH_COOKIE_HEADER}: 1 or refreshed from it`,
      required: false,
      schema: { type: 'string' },
    },
  },
});

const NO_REFRESH_TOKEN = (): ValidationFailedError =>
  new ValidationFailedError([
    {
      field: 'refreshToken',
      code: 'required',
      message: `Send refreshToken, or the ${REFRESH_COOKIE} cookie.`,
    },
  ]);

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

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
  @COOKIE_REQUEST_HEADER
  @COOKIE_SET_HEADER
  async login(
    @Body() dto: LoginDto,
    @CurrentRequest() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.login(dto, meta);
    return this.answer(pair, wantsRefreshCookie(request), reply);
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
  @COOKIE_REQUEST_HEADER
  @COOKIE_SET_HEADER
  @mergeApiResponse(401, {
    headers: {
      'Set-Cookie': {
        description: `Clears the refresh cookie when the refused token came from it`,
        required: false,
        schema: { type: 'string' },
      },
    },
  })
  async refresh(
    @Body() dto: RefreshDto,
    @CurrentRequest() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const cookie = refreshCookieOf(request);
    const token = dto.refreshToken ?? cookie;
    if (token === undefined) throw NO_REFRESH_TOKEN();
    const fromCookie = dto.refreshToken === undefined;
    try {
      const pair = await this.auth.refresh(token, meta);
      return this.answer(pair, fromCookie || wantsRefreshCookie(request), reply);
    } catch (error) {
      // A dead cookie is of no use to the browser: it is dropped with the refusal.
      if (fromCookie && error instanceof UnauthorizedError) clearRefreshCookie(reply);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @UseGuards(IpRateLimitGuard)
  @ApiOperation({
    summary: `End the session of this refresh token (the body's, else the ${REFRESH_COOKIE} cookie's); the cookie is cleared`,
  })
  @ApiNoContent('The session of this refresh token is ended (if it existed)')
  @mergeApiResponse(204, {
    headers: {
      'Set-Cookie': {
        description: `Clears the refresh cookie \`${REFRESH_COOKIE}\``,
        required: true,
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblemResponses(400, 429)
  async logout(
    @Body() dto: RefreshDto,
    @CurrentRequest() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = dto.refreshToken ?? refreshCookieOf(request);
    clearRefreshCookie(reply);
    if (token !== undefined) await this.auth.logout(token, meta);
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

  /** The pair as JSON, or (browser variant) the refresh token in its cookie and out of the body. */
  private answer(pair: TokenPair, inCookie: boolean, reply: FastifyReply): TokenPairDto {
    if (!inCookie) return pair;
    setRefreshCookie(reply, pair.refreshToken, this.config.jwt.refreshTtlSeconds);
    return { accessToken: pair.accessToken, expiresIn: pair.expiresIn };
  }
}
