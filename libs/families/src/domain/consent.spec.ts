import { applyConsent } from './consent';

const NOW = new Date('2026-05-01T08:00:00Z');

describe(applyConsent.name, () => {
  it('should record who and when for each answer given', () => {
    const { next, changed } = applyConsent(
      {},
      { dataProcessing: true, psychosocialSupport: false },
      'u1',
      NOW,
    );
    expect(next).toEqual({
      dataProcessing: { given: true, recordedAt: NOW.toISOString(), recordedBy: 'u1' },
      psychosocialSupport: { given: false, recordedAt: NOW.toISOString(), recordedBy: 'u1' },
    });
    expect(changed).toEqual(['dataProcessing', 'psychosocialSupport']);
  });

  it('should keep the original record when the answer does not change', () => {
    const first = applyConsent({}, { dataProcessing: true }, 'u1', NOW).next;
    const later = applyConsent(
      first,
      { dataProcessing: true, sharingWithAuthorities: true },
      'u2',
      new Date(),
    );
    expect(later.next.dataProcessing).toEqual(first.dataProcessing);
    expect(later.next.sharingWithAuthorities?.recordedBy).toBe('u2');
    expect(later.changed).toEqual(['sharingWithAuthorities']);
  });

  it('should record a withdrawal', () => {
    const first = applyConsent({}, { psychosocialSupport: true }, 'u1', NOW).next;
    const withdrawn = applyConsent(first, { psychosocialSupport: false }, 'u3', NOW);
    expect(withdrawn.next.psychosocialSupport).toMatchObject({ given: false, recordedBy: 'u3' });
  });
});
