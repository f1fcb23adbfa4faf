// Brings in the cookie typings on FastifyRequest and FastifyReply.
import type {} from '@fastify/cookie';
import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import {
  DASHBOARD_COOKIE,
  DASHBOARD_PATH,
  DASHBOARD_TTL_SECONDS,
  DashboardAccess,
} from './dashboard-access.service';

@ApiTags('operations')
@Controller('admin/queue-dashboard')
export class QueueDashboardController {
  constructor(
    private readonly access: DashboardAccess,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(200)
  @Authenticated({ permission: Permission.QueueDashboard })
  @ApiOperation({
    summary: `Admins: get a 10-minute HTTP-only cookie that opens the queue dashboard at ${DASHBOARD_PATH}`,
  })
  @ApiOkResponse({ description: 'The cookie is set; open the path in the same browser' })
  async open(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ path: string; expiresIn: number }> {
    void reply.setCookie(DASHBOARD_COOKIE, await this.access.issue(user), {
      path: DASHBOARD_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      maxAge: DASHBOARD_TTL_SECONDS,
    });
    return { path: DASHBOARD_PATH, expiresIn: DASHBOARD_TTL_SECONDS };
  }
}
