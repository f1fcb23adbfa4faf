import { NamedParams, scopeOf } from './family-scope';
import { FamilyView } from './visibility-rule';

describe('family scope', () => {
  it('should hand every value its own placeholder, even the same value twice', () => {
    const params = new NamedParams();
    expect([params.add('a'), params.add('a'), params.add(['x'])]).toEqual([':v0', ':v1', ':v2']);
    expect(params.values).toEqual({ v0: 'a', v1: 'a', v2: ['x'] });
  });

  it('should see nothing without grants', () => {
    expect(scopeOf([], new NamedParams())).toEqual({
      families: 'FALSE',
      full: 'FALSE',
      members: null,
      params: {},
    });
  });

  it('should keep full-only scopes free of member filters', () => {
    const scope = scopeOf([{ families: 'f.team_id = :v0', view: FamilyView.Full }], new NamedParams());
    expect(scope).toMatchObject({ families: '(f.team_id = :v0)', full: '(f.team_id = :v0)', members: null });
  });

  it('should show members of reduced families only where the grant names them, all members of full ones', () => {
    const scope = scopeOf(
      [
        { families: 'A', view: FamilyView.Full },
        { families: 'B', view: FamilyView.Reduced, members: 'M' },
        { families: 'C', view: FamilyView.Reduced },
      ],
      new NamedParams(),
    );
    expect(scope).toMatchObject({ families: '(A OR B OR C)', full: '(A)', members: '(A OR (B AND M))' });
  });
});
