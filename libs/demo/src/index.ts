export { formatDemoSeed, seedDemo } from './seed-demo';
