// Brings in the cookie typings on FastifyRequest and FastifyReply.
import type {} from '@fastify/cookie';
import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import { ApiOk, mergeApiResponse } from '@accompany/shared';
import {
  DASHBOARD_COOKIE,
  DASHBOARD_PATH,
  DASHBOARD_TTL_SECONDS,
  DashboardAccess,
} from './dashboard-access.service';
import { QueueDashboardSessionDto } from './queue-dashboard-session.dto';

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
  @ApiOk(QueueDashboardSessionDto, 'The cookie is set; open the path in the same browser')
  @mergeApiResponse(200, {
    headers: {
      'Set-Cookie': {
        description: `The dashboard cookie: HTTP-only, SameSite=Strict, path ${DASHBOARD_PATH}`,
        required: true,
        schema: { type: 'string' },
      },
    },
  })
  async open(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueDashboardSessionDto> {
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
