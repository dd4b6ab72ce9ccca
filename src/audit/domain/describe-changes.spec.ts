import { describeChanges } from './describe-changes';

interface Account {
  displayName: string;
  email: string | null;
  roles: string[];
  settings: { theme: string; pageSize: number };
  disabled: boolean;
  lockedUntil: Date | null;
  passwordHash: string;
  version: number;
}

const FIELDS = [
  'displayName',
  'email',
  'roles',
  'settings',
  'disabled',
  'lockedUntil',
  'passwordHash',
] as const;

function account(overrides: Partial<Account> = {}): Account {
  return {
    displayName: 'Alice',
    email: 'alice@example.com',
    roles: ['agent', 'manager'],
    settings: { theme: 'light', pageSize: 20 },
    disabled: false,
    lockedUntil: null,
    passwordHash: '$2a$10$old',
    version: 1,
    ...overrides,
  };
}

describe('describeChanges', () => {
  it('reports nothing when nothing changed', () => {
    expect(describeChanges(account(), account(), FIELDS, ['passwordHash'])).toEqual({});
  });

  it('reports only the changed fields, with old and new value', () => {
    const changes = describeChanges(account(), account({ displayName: 'Alicia', disabled: true }), FIELDS);
    expect(changes).toEqual({
      displayName: { from: 'Alice', to: 'Alicia' },
      disabled: { from: false, to: true },
    });
  });

  it.each<[keyof Account, unknown, unknown]>([
    ['displayName', 'Alice', ''],
    ['email', 'alice@example.com', null],
    ['email', null, 'alice@example.com'],
    ['roles', ['agent', 'manager'], ['agent']],
    ['roles', ['agent', 'manager'], ['manager', 'agent']],
    ['roles', [], ['agent']],
    ['settings', { theme: 'light', pageSize: 20 }, { theme: 'dark', pageSize: 20 }],
    ['disabled', false, true],
    ['lockedUntil', null, new Date('2024-05-01T08:15:00Z')],
    ['lockedUntil', new Date('2024-05-01T08:15:00Z'), new Date('2024-05-01T08:15:00.001Z')],
  ])('reports %s changing from %p to %p', (field, from, to) => {
    const before = account({ [field]: from });
    const after = account({ [field]: to });
    expect(describeChanges(before, after, FIELDS)).toEqual({ [field]: { from, to } });
  });

  it('compares arrays, objects and dates by value, not by identity', () => {
    const before = account({ lockedUntil: new Date('2024-05-01T08:15:00Z') });
    const after = account({
      roles: [...before.roles],
      settings: { ...before.settings },
      lockedUntil: new Date(before.lockedUntil?.getTime() ?? 0),
    });
    expect(after.roles).not.toBe(before.roles);
    expect(describeChanges(before, after, FIELDS)).toEqual({});
  });

  it('treats undefined and null as different', () => {
    const before = account({ email: null });
    const after = { ...account(), email: undefined } as unknown as Account;
    expect(describeChanges(before, after, ['email'])).toEqual({ email: { from: null, to: undefined } });
  });

  it('ignores fields that are not listed', () => {
    const changes = describeChanges(account(), account({ version: 2, displayName: 'Bob' }), ['displayName']);
    expect(changes).toEqual({ displayName: { from: 'Alice', to: 'Bob' } });
    expect(changes).not.toHaveProperty('version');
  });

  it('reports nothing when no fields are listed', () => {
    expect(describeChanges(account(), account({ displayName: 'Bob' }), [])).toEqual({});
  });

  it('reports a changed secret field without its values', () => {
    const changes = describeChanges(account(), account({ passwordHash: '$2a$10$new' }), FIELDS, [
      'passwordHash',
    ]);
    expect(changes).toEqual({ passwordHash: { changed: true } });
    expect(JSON.stringify(changes)).not.toContain('$2a$10$');
  });

  it('does not report an unchanged secret field', () => {
    const changes = describeChanges(account(), account({ displayName: 'Bob' }), FIELDS, ['passwordHash']);
    expect(changes).toEqual({ displayName: { from: 'Alice', to: 'Bob' } });
  });

  it('reports secret and ordinary changes together', () => {
    const after = account({ passwordHash: 'new', email: 'a@b.c' });
    expect(describeChanges(account(), after, FIELDS, ['passwordHash', 'email'])).toEqual({
      email: { changed: true },
      passwordHash: { changed: true },
    });
  });

  it('shows a secret field that is not listed as secret', () => {
    const changes = describeChanges(account(), account({ passwordHash: 'new' }), ['passwordHash']);
    expect(changes).toEqual({ passwordHash: { from: '$2a$10$old', to: 'new' } });
  });

  it('does not modify its inputs', () => {
    const before = account();
    const after = account({ roles: ['admin'] });
    describeChanges(before, after, FIELDS, ['passwordHash']);
    expect(before).toEqual(account());
    expect(after).toEqual(account({ roles: ['admin'] }));
  });
});
