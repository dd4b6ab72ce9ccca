import type { CreateUserDto, UserResponse } from '../../src/users/dto/user.dto';
import type { Role } from '../../src/users/domain/roles';
import type { SeedContext, SeedStep } from './seed-step';

/** Every demo login uses it; printed with the summary. For demonstrations only. */
export const DEMO_PASSWORD = 'Demo@2026';

/** The administrator the seed creates for itself (directly, as there is no one yet to create it). */
export const DEMO_ADMIN = { username: 'demo.admin', displayName: '演示管理员' } as const;

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** The outlet the user is bound to (sees only its records); head office when absent. */
  outletCode?: string;
}

export const DEMO_EMAIL_DOMAIN = 'demo.example.cn';

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'wang.jianguo', displayName: '王建国', roles: ['manager'] },
  { username: 'liu.yang', displayName: '刘洋', roles: ['dispatcher'] },
  { username: 'chen.jing', displayName: '陈静', roles: ['agent'] },
  { username: 'zhao.min', displayName: '赵敏', roles: ['agent'], outletCode: 'WD-SH-002' },
  { username: 'zhang.wei', displayName: '张伟', roles: ['technician'], outletCode: 'WD-SH-001' },
  { username: 'li.qiang', displayName: '李强', roles: ['technician'], outletCode: 'WD-SH-002' },
  { username: 'wu.lei', displayName: '吴磊', roles: ['technician'], outletCode: 'WD-SH-003' },
  { username: 'zhou.jie', displayName: '周杰', roles: ['technician'], outletCode: 'WT-SZ-001' },
  { username: 'sun.li', displayName: '孙丽', roles: ['returns_clerk'] },
  { username: 'zheng.hua', displayName: '郑华', roles: ['auditor'] },
];

/**
 * Who does what in the demo: the service manager keeps the registers, the hotline agent the customers,
 * the dispatcher gives the repair jobs out.
 */
export const MANAGER = 'wang.jianguo';
export const AGENT = 'chen.jing';
export const DISPATCHER = 'liu.yang';

async function createUsers(context: SeedContext, users: readonly DemoUser[]): Promise<void> {
  const admin = await context.as(DEMO_ADMIN.username);
  for (const user of users) {
    const body: CreateUserDto = {
      username: user.username,
      displayName: user.displayName,
      password: DEMO_PASSWORD,
      roles: user.roles,
      email: `${user.username}@${DEMO_EMAIL_DOMAIN}`,
      outletId: user.outletCode === undefined ? null : context.ids.get('outlet', user.outletCode),
    };
    const created = await admin.post<UserResponse>('/users', body);
    context.ids.set('user', user.username, created.id);
    context.counted('users');
  }
}

/** Head-office staff first: the manager must exist to approve the outlets the others are bound to. */
export const headOfficeUsersStep: SeedStep = {
  title: '总部人员 head-office users',
  run: (context) =>
    createUsers(
      context,
      DEMO_USERS.filter((user) => user.outletCode === undefined),
    ),
};

export const outletUsersStep: SeedStep = {
  title: '网点人员 outlet users',
  run: (context) =>
    createUsers(
      context,
      DEMO_USERS.filter((user) => user.outletCode !== undefined),
    ),
};
