export enum Role {
  Admin = 'admin',
  Supervisor = 'supervisor',
  Accompanier = 'accompanier',
  Psychologist = 'psychologist',
}

export const ROLES = Object.values(Role);
