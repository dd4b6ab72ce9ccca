import type { Response } from 'supertest';
import type { TicketStatus } from '../../src/tickets/domain/ticket-fields';
import type { Role } from '../../src/users/domain/roles';
import type { TestApp } from '../support/test-app';
import { createAsset, createCustomer, createOutlet, createProduct } from './registers';

/**
 * Repair tickets built through the API, as the hotline, the dispatcher and the technician would:
 * the subject of the ticket tests, so they never come from a repository.
 */

export interface Session {
  id: string;
  token: string;
}

export interface Technician extends Session {
  outletId: string;
  displayName: string;
}

/** The people a ticket passes through on its way from report to close. */
export interface TicketDesk {
  agent: Session;
  dispatcher: Session;
  manager: Session;
  technician: Technician;
}

/** What the tests read of a ticket answer; the rest of the body is checked where it matters. */
export interface TicketView {
  id: string;
  number: string;
  status: string;
  version: number;
  reportedAt: string;
  [field: string]: unknown;
}

/** The workflow actions and the path segment of each (POST /tickets/:id/<segment>). */
export const ACTION_PATHS = {
  dispatch: 'dispatch',
  accept: 'accept',
  reschedule: 'reschedule',
  check_in: 'check-in',
  diagnose: 'diagnose',
  log_work: 'work-logs',
  take_back: 'take-back',
  resolve: 'resolve',
  hold: 'hold',
  resume: 'resume',
  close: 'close',
  cancel: 'cancel',
  reopen: 'reopen',
} as const;
export type ActionName = keyof typeof ACTION_PATHS;

export function api(t: TestApp, token: string) {
  return {
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  };
}

export async function session(
  t: TestApp,
  roles: Role[],
  fields: { outletId?: string } = {},
): Promise<Session> {
  const user = await t.createUser(roles, fields);
  const response = await t.login(user.username).expect(200);
  return { id: user.id, token: response.body.accessToken as string };
}

/** A technician of an outlet that takes jobs (a new one unless given), logged in. */
export async function createTechnician(
  t: TestApp,
  fields: { outletId?: string; displayName?: string } = {},
): Promise<Technician> {
  const outletId = fields.outletId ?? (await createOutlet(t.dataSource)).id;
  const displayName = fields.displayName ?? '张伟';
  const user = await t.createUser(['technician'], { outletId, displayName });
  const response = await t.login(user.username).expect(200);
  return { id: user.id, token: response.body.accessToken as string, outletId, displayName };
}

/** Head-office agent, dispatcher and manager, and one technician. */
export async function createTicketDesk(t: TestApp): Promise<TicketDesk> {
  return {
    agent: await session(t, ['agent']),
    dispatcher: await session(t, ['dispatcher']),
    manager: await session(t, ['manager']),
    technician: await createTechnician(t),
  };
}

/** A customer with a registered unit in warranty (until 2027-01-15), ready to report on. */
export async function createCustomerWithUnit(
  t: TestApp,
  fields: { outletId?: string | null; zone?: 'urban' | 'suburban' | 'rural'; category?: string } = {},
) {
  const customer = await createCustomer(t.dataSource, {
    outletId: fields.outletId ?? null,
    zone: fields.zone ?? 'urban',
  });
  const product = await createProduct(t.dataSource, { category: fields.category ?? '空调' });
  const asset = await createAsset(t.dataSource, { productId: product.id, customerId: customer.id });
  return { customer, product, asset };
}

function expectOk(response: Response, what: string): void {
  if (response.status >= 300) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/**
 * Reports a repair through POST /tickets. Without a customer, a new customer with a registered unit
 * in warranty is made for it.
 */
export async function reportTicket(
  t: TestApp,
  token: string,
  intake: Record<string, unknown> = {},
): Promise<TicketView> {
  const unit = intake.customerId === undefined ? await createCustomerWithUnit(t) : null;
  const response = await api(t, token).post('/tickets', {
    ...(unit ? { customerId: unit.customer.id, serialNumber: unit.asset.serialNumber } : {}),
    fault: '空调不制冷，室外机有异响',
    channel: 'phone',
    priority: 'normal',
    ...intake,
  });
  expectOk(response, 'report');
  return response.body as TicketView;
}

/**
 * A body the action accepts on a ticket it is allowed on (times within the report and the test
 * clock's now), so that only the ticket's state decides the answer.
 */
export function validActionBody(
  t: TestApp,
  action: ActionName,
  ticket: Pick<TicketView, 'reportedAt'>,
  technicianId: string,
): object {
  const now = t.clock.now();
  const later = new Date(now.getTime() + 2 * 60 * 60 * 1000).toISOString();
  switch (action) {
    case 'dispatch':
      return { technicianId };
    case 'accept':
      return { appointmentAt: later };
    case 'reschedule':
      return { appointmentAt: later, reason: '客户临时外出' };
    case 'check_in':
    case 'resume':
      return {};
    case 'diagnose':
      return { cause: 'product_fault', diagnosis: '压缩机启动电容损坏' };
    case 'log_work':
      return { startedAt: ticket.reportedAt, endedAt: now.toISOString(), description: '更换启动电容' };
    case 'take_back':
      return { items: [{ description: '室外机主板', condition: '外壳有划痕' }] };
    case 'resolve':
      return { outcome: '修复，试机正常', customerName: '王芳', confirmedAt: now.toISOString() };
    case 'hold':
      return { reason: 'awaiting_parts' };
    case 'close':
      return { reason: '回访满意，关闭' };
    case 'cancel':
      return { reason: '客户自行解决' };
    case 'reopen':
      return { reason: '回访发现故障复发' };
  }
}

/** Who takes each action on the way to a state. */
function actorFor(desk: TicketDesk, action: ActionName): Session {
  switch (action) {
    case 'dispatch':
    case 'reschedule':
    case 'hold':
    case 'resume':
      return desk.dispatcher;
    case 'accept':
    case 'check_in':
    case 'diagnose':
    case 'log_work':
    case 'take_back':
    case 'resolve':
      return desk.technician;
    case 'close':
    case 'reopen':
      return desk.manager;
    case 'cancel':
      return desk.agent;
  }
}

/** Takes one action with a valid body as the role that does it, expecting success. */
export async function act(
  t: TestApp,
  desk: TicketDesk,
  ticket: TicketView,
  action: ActionName,
  body?: object,
): Promise<TicketView> {
  const response = await api(t, actorFor(desk, action).token).post(
    `/tickets/${ticket.id}/${ACTION_PATHS[action]}`,
    body ?? validActionBody(t, action, ticket, desk.technician.id),
  );
  expectOk(response, action);
  return response.body as TicketView;
}

/** The last step into each state; cancelled goes through dispatch so that the job has a technician. */
const ROUTE: Record<Exclude<TicketStatus, 'reported'>, [TicketStatus, ActionName]> = {
  dispatched: ['reported', 'dispatch'],
  accepted: ['dispatched', 'accept'],
  on_site: ['accepted', 'check_in'],
  diagnosed: ['on_site', 'diagnose'],
  taken_back: ['diagnosed', 'take_back'],
  on_hold: ['accepted', 'hold'],
  resolved: ['diagnosed', 'resolve'],
  closed: ['resolved', 'close'],
  cancelled: ['dispatched', 'cancel'],
  reopened: ['resolved', 'reopen'],
};

/** A new ticket driven through the API into the state, dispatched (if at all) to the desk's technician. */
export async function ticketInState(
  t: TestApp,
  desk: TicketDesk,
  state: TicketStatus,
  intake: Record<string, unknown> = {},
): Promise<TicketView> {
  if (state === 'reported') return reportTicket(t, desk.agent.token, intake);
  const [previous, action] = ROUTE[state];
  const ticket = await ticketInState(t, desk, previous, intake);
  return act(t, desk, ticket, action);
}
