import { ReminderStatus } from '../reminder-kind';
import { checkPayload } from './check-payload';

const ID = '3f1c2b9e-8d4a-4f6b-9c1e-2a7d5b8e0f13';

describe('checkPayload', () => {
  it('should read the reminder state the job carries', () => {
    expect(
      checkPayload({ reminderId: ID, version: 3, status: 'due', dueAt: '2026-11-25T10:00:00.000Z' }),
    ).toEqual({
      reminderId: ID,
      version: 3,
      at: { status: ReminderStatus.Due, dueAt: new Date('2026-11-25T10:00:00.000Z') },
    });
  });

  it('should accept a job from before payloads carried the state, leaving the row to be read', () => {
    expect(checkPayload({ reminderId: ID, version: 1 })).toEqual({ reminderId: ID, version: 1 });
  });

  it.each([
    ['no payload', null],
    ['an id that is not a uuid', { reminderId: 'x', version: 1 }],
    ['a fractional version', { reminderId: ID, version: 1.5 }],
    ['an unknown status', { reminderId: ID, version: 1, status: 'lost', dueAt: '2026-11-25T10:00:00Z' }],
    ['a status without a due time', { reminderId: ID, version: 1, status: 'due' }],
    ['a due time that is no date', { reminderId: ID, version: 1, status: 'due', dueAt: 'soon' }],
    ['a due time that is a number', { reminderId: ID, version: 1, status: 'due', dueAt: 1764064800000 }],
  ])('should refuse %s', (_case, data) => {
    expect(() => checkPayload(data)).toThrow('invalid reminder job payload');
  });
});
