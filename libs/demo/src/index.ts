export {
  type DemoLogin,
  type DemoSeedResult,
  type DemoSeedServices,
  formatDemoSeed,
  seedDemo,
} from './seed-demo';
