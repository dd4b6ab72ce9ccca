import { DomainError } from '../errors/domain-error';
import type { Role } from '../../users/domain/roles';
import { type TransitionCheck, decideTransition, refusalError, requiredTextProblems } from './transition';

type Light = 'off' | 'on' | 'broken';

const PROBLEM = { field: 'reason', problems: ['reason is required'] };

const check = (overrides: Partial<TransitionCheck<Light>>): TransitionCheck<Light> => ({
  entity: 'lamp',
  action: 'switch_on',
  rule: { from: ['off'], to: 'on', roles: ['manager'] },
  status: 'off',
  actorRoles: ['manager'],
  inputProblems: [],
  ...overrides,
});

describe('decideTransition', () => {
  it('allows a permitted role with good input from a start state', () => {
    expect(decideTransition(check({}))).toEqual({ allowed: true, from: 'off', to: 'on' });
  });

  it('allows an actor with one permitted role among others', () => {
    expect(decideTransition(check({ actorRoles: ['agent', 'manager'] }))).toMatchObject({ allowed: true });
  });

  it("keeps the state for an 'unchanged' action", () => {
    const rule = { from: ['off', 'on'] as Light[], to: 'unchanged' as const, roles: ['manager'] as Role[] };
    expect(decideTransition(check({ rule, status: 'on' }))).toEqual({ allowed: true, from: 'on', to: 'on' });
    expect(decideTransition(check({ rule, status: 'off' }))).toEqual({
      allowed: true,
      from: 'off',
      to: 'off',
    });
  });

  it('checks the role first, before the input and the state', () => {
    const decision = decideTransition(
      check({ actorRoles: ['agent'], inputProblems: [PROBLEM], status: 'broken' }),
    );
    expect(decision).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      message: 'Only manager may switch_on a lamp',
      details: { action: 'switch_on', roles: ['manager'] },
    });
  });

  it('refuses an actor with no roles', () => {
    expect(decideTransition(check({ actorRoles: [] }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks the input before the state', () => {
    const decision = decideTransition(check({ inputProblems: [PROBLEM], status: 'broken' }));
    expect(decision).toEqual({
      allowed: false,
      code: 'VALIDATION_FAILED',
      message: 'Invalid fields: reason',
      details: { fields: [PROBLEM] },
    });
  });

  it('refuses an action from a state outside its rule', () => {
    expect(decideTransition(check({ status: 'broken' }))).toEqual({
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: 'switch_on is not allowed on a lamp that is broken',
      details: { action: 'switch_on', status: 'broken', allowedFrom: ['off'] },
    });
  });
});

describe('refusalError', () => {
  it('carries the code, message, details and Chinese text of the refusal', () => {
    const error = refusalError({
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: 'no',
      chinese: '不行',
      details: { action: 'switch_on' },
    });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'no',
      chinese: '不行',
      details: { action: 'switch_on' },
    });
  });
});

describe('requiredTextProblems', () => {
  it.each<[string, string | null | undefined]>([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', ' \t\n '],
  ])('calls a %s value missing', (_case, value) => {
    expect(requiredTextProblems('reason', value, 10)).toEqual([
      { field: 'reason', problems: ['reason is required'] },
    ]);
  });

  it('refuses text longer than the limit', () => {
    expect(requiredTextProblems('note', 'x'.repeat(11), 10)).toEqual([
      { field: 'note', problems: ['note must be at most 10 characters'] },
    ]);
  });

  it('accepts text of exactly the limit', () => {
    expect(requiredTextProblems('note', 'x'.repeat(10), 10)).toEqual([]);
  });

  it('measures the text without its surrounding blanks', () => {
    expect(requiredTextProblems('note', `  ${'x'.repeat(10)}  `, 10)).toEqual([]);
  });
});
