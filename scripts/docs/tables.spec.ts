import { endpointTable, permissionTable, transitionTable } from './tables';

const ROLES = { admin: new Set(['user.manage']), clerk: new Set(['file.read', 'file.close']) };

describe('generated tables', () => {
  it('should list each status with its moves and mark a final one', () => {
    expect(transitionTable({ open: ['closed'], closed: [] })).toBe(
      ['| from | may move to |', '| --- | --- |', '| `open` | `closed` |', '| `closed` | — (final) |'].join(
        '\n',
      ),
    );
  });

  it('should say for each permission who holds it and what enforces it', () => {
    const table = permissionTable(
      ['user.manage', 'file.read', 'file.close', 'file.export'],
      ROLES,
      [{ method: 'GET', path: '/files', permissions: ['file.read'], summary: null }],
      { 'file.close': ['libs/files/src/close.ts'] },
    );
    expect(table.split('\n')).toEqual([
      '| permission | admin | clerk | enforced by |',
      '| --- | --- | --- | --- |',
      '| `user.manage` | ✓ |  | nothing yet (planned) |',
      '| `file.read` |  | ✓ | `GET /files` |',
      '| `file.close` |  | ✓ | checks in `libs/files/src/close.ts` |',
      '| `file.export` |  |  | nothing yet (planned) |',
    ]);
  });

  it('should name the roles that may call each endpoint, public ones as public, in path order', () => {
    const table = endpointTable(
      [
        { method: 'POST', path: '/users', permissions: ['user.manage'], summary: 'Create | invite' },
        { method: 'GET', path: '/files', permissions: ['file.read', 'user.manage'], summary: null },
        { method: 'POST', path: '/auth/login', permissions: [], summary: 'Sign in' },
      ],
      ROLES,
    );
    expect(table.split('\n').slice(2)).toEqual([
      '| `POST /auth/login` | public | Sign in |',
      '| `GET /files` | admin, clerk (`file.read` or `user.manage`) |  |',
      '| `POST /users` | admin (`user.manage`) | Create \\| invite |',
    ]);
  });
});
