export { DASHBOARD_COOKIE, DASHBOARD_PATH, DashboardAccess } from './dashboard-access.service';
export { OpsModule } from './ops.module';
export { mountQueueDashboard } from './queue-dashboard.mount';
