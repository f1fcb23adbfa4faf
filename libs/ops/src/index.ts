export { OpsModule } from './ops.module';
export { mountQueueDashboard } from './queue-dashboard.mount';
