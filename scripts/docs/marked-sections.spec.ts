import { declaredSections, replaceSections } from './marked-sections';

const page = [
  '# Page',
  'prose before',
  '<!-- generated:table -->',
  'old content',
  '<!-- /generated:table -->',
  'prose after',
].join('\n');

describe('marked sections', () => {
  it('should replace only the content between the markers', () => {
    const next = replaceSections(page, { table: '| a |\n| - |' });
    expect(next).toBe(
      [
        '# Page',
        'prose before',
        '<!-- generated:table -->',
        '',
        '| a |\n| - |',
        '',
        '<!-- /generated:table -->',
        'prose after',
      ].join('\n'),
    );
  });

  it('should give the same page when generated twice', () => {
    const once = replaceSections(page, { table: 'new' });
    expect(replaceSections(once, { table: 'new' })).toBe(once);
  });

  it('should refuse a section whose markers are missing', () => {
    expect(() => replaceSections(page, { other: 'x' })).toThrow(
      'missing markers for generated section "other"',
    );
  });

  it('should list the sections a page declares', () => {
    expect(declaredSections(`${page}\n<!-- generated:second -->\n<!-- /generated:second -->`)).toEqual([
      'table',
      'second',
    ]);
  });
});
