import { Role } from '@accompany/auth';

/** The demo deployment: two field offices with a full team each. Never used in production. */
export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_FAMILIES_PER_TEAM = 25;

export const DEMO_TEAMS = [
  { key: 'barda', name: 'Barda field office', region: 'Karabakh' },
  { key: 'ganja', name: 'Ganja field office', region: 'Ganja-Dashkasan' },
] as const;

export const DEMO_STAFF: Array<{ local: string; fullName: string; role: Role }> = [
  { local: 'supervisor', fullName: 'Leyla Hasanova', role: Role.Supervisor },
  { local: 'accompanier1', fullName: 'Rashad Aliyev', role: Role.Accompanier },
  { local: 'accompanier2', fullName: 'Gunel Mammadova', role: Role.Accompanier },
  { local: 'psychologist1', fullName: 'Nigar Huseynova', role: Role.Psychologist },
  { local: 'psychologist2', fullName: 'Elvin Guliyev', role: Role.Psychologist },
];

export function demoEmail(local: string, teamKey: string): string {
  return `${local}.${teamKey}@demo.accompany.local`;
}
