import { maskNationalId, nationalIdLast4, nationalIdProblems, normalizeNationalId } from './national-id';

describe('national ID numbers (GB 11643)', () => {
  const today = '2026-03-15';

  it.each([
    ['11010519491231002X', 'the standard example, check character X'],
    ['320102198512314564', 'a digit check character'],
    ['110105200002290013', 'born on a leap day'],
    ['110105202603150023', 'born today'],
  ])('accepts %s (%s)', (id) => {
    expect(nationalIdProblems(id, today)).toEqual([]);
  });

  it('normalizes blanks and a lower-case x before checking', () => {
    const id = normalizeNationalId(' 11010519491231002x ');
    expect(id).toBe('11010519491231002X');
    expect(nationalIdProblems(id, today)).toEqual([]);
  });

  it.each([
    ['1101051949123100', 'too short'],
    ['11010519491231002XX', 'too long'],
    ['1101051949123100AX', 'a letter among the digits'],
    ['X10105194912310021', 'X anywhere but last'],
  ])('refuses the shape of %s (%s)', (id) => {
    expect(nationalIdProblems(id, today)).toEqual(['must be 17 digits followed by a digit or X']);
  });

  it('refuses a wrong check character', () => {
    expect(nationalIdProblems('110105194912310021', today)).toEqual([
      'check character does not match (GB 11643)',
    ]);
  });

  it.each([
    ['110105194902310026', 'February 31st'],
    ['110105190102290022', 'February 29th of a common year'],
    ['110105189912310023', 'before 1900'],
    ['110105202701010024', 'after today'],
  ])('refuses the birth date of %s (%s)', (id) => {
    expect(nationalIdProblems(id, today)).toEqual([
      'birth date must be a real date from 1900-01-01 to today',
    ]);
  });

  it('never repeats the number in its messages', () => {
    const problems = nationalIdProblems('110105202702310021', today).join(' ');
    expect(problems).toContain('check character');
    expect(problems).toContain('birth date');
    for (const part of ['110105', '2027', '0231', '0021']) expect(problems).not.toContain(part);
  });

  it('masks all but the last four characters', () => {
    const id = '11010519491231002X';
    expect(maskNationalId(nationalIdLast4(id))).toBe('**************002X');
    expect(maskNationalId(null)).toBeNull();
  });
});
