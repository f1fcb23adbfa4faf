import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthModule } from '@accompany/auth';
import { DashboardAccess } from './dashboard-access.service';
import { QueueDashboardController } from './queue-dashboard.controller';

/** Operators' tools in the API: the queue dashboard behind admin authentication. */
@Module({
  imports: [AuthModule, JwtModule.register({})],
  controllers: [QueueDashboardController],
  providers: [DashboardAccess],
})
export class OpsModule {}
