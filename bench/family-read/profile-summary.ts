import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time in ms, idle excluded. */
  busyMs: number;
  idleMs: number;
  /** Self time by package (node_modules/<pkg>), app lib (app:<lib>), node internals, GC. */
  selfByCategory: Array<{ category: string; ms: number; share: number }>;
  /** Time with at least one frame of the category on the stack. */
  inclusiveByCategory: Array<{ category: string; ms: number; share: number }>;
  topSelf: Array<{ fn: string; where: string; ms: number; share: number }>;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function categoryOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName) && !frame.url) return frame.functionName;
  const url = frame.url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg?.[1]) return pkg[1];
  const lib = /\/dist\/apps\/[^/]+\/(libs\/[^/]+|apps\/[^/]+)\//.exec(url);
  if (lib?.[1]) return `app:${lib[1]}`;
  if (url.includes('cpu-profile-hook')) return '(profiler)';
  if (url.includes('/bench/')) return 'bench (baseline code)';
  if (url.startsWith('node:') || url.startsWith('internal/')) return 'node (internals)';
  return url ? 'other' : '(native / V8)';
}

function whereOf(frame: CallFrame): string {
  const short = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\/apps\/[^/]+\//, '');
  return short ? `${short}:${frame.lineNumber + 1}` : '(native)';
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const stackCategories = new Map<number, Set<string>>();
  const categoriesOnStack = (id: number): Set<string> => {
    const cached = stackCategories.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    const up = parent.get(id);
    const set = new Set(up === undefined ? [] : categoriesOnStack(up));
    if (node && !SPECIAL.has(node.callFrame.functionName)) set.add(categoryOf(node.callFrame));
    stackCategories.set(id, set);
    return set;
  };

  let idleUs = 0;
  let busyUs = 0;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const category = categoryOf(node.callFrame);
    // The profiler's own start/stop work is not the server's.
    if (categoriesOnStack(id).has('(profiler)')) continue;
    if (category === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    self.set(category, (self.get(category) ?? 0) + us);
    for (const c of categoriesOnStack(id)) inclusive.set(c, (inclusive.get(c) ?? 0) + us);
    const where = whereOf(node.callFrame);
    const key = `${node.callFrame.functionName}@${where}`;
    const entry = fns.get(key) ?? { fn: node.callFrame.functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    fns.set(key, entry);
  }
  const table = (m: Map<string, number>): Array<{ category: string; ms: number; share: number }> =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, ms: us / 1000, share: busyUs ? us / busyUs : 0 }));
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    selfByCategory: table(self),
    inclusiveByCategory: table(inclusive),
    topSelf: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, where: f.where, ms: f.us / 1000, share: busyUs ? f.us / busyUs : 0 })),
  };
}
