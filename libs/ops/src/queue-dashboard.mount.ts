import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JobProducer } from '@accompany/queue';
import { PROBLEM_CONTENT_TYPE, toProblem, UnauthorizedError } from '@accompany/shared';
import { DASHBOARD_PATH, DashboardAccess } from './dashboard-access.service';

/**
 * Mounts Bull Board at /admin/queues inside its own Fastify scope, whose first hook refuses
 * every request without a valid dashboard cookie (401 problem+json). Nothing under the
 * path is reachable otherwise; the route-scan test checks it.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const access = app.get(DashboardAccess);
  const board = new BullBoardFastifyAdapter();
  createBullBoard({ queues: [new BullMQAdapter(app.get(JobProducer).remindersQueue)], serverAdapter: board });
  board.setBasePath(DASHBOARD_PATH);

  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        if (await access.allows(request)) return;
        const problem = toProblem(
          new UnauthorizedError(
            'DASHBOARD_LOCKED',
            'Open the dashboard through POST /api/v1/admin/queue-dashboard/session.',
          ),
          String(request.id),
          request.url.split('?')[0] ?? DASHBOARD_PATH,
        );
        await reply.code(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem.body);
      });
      await scope.register(board.registerPlugin(), { prefix: DASHBOARD_PATH });
    });
}
