import type { DataSource, DeepPartial } from 'typeorm';
import { randomBytes } from 'node:crypto';
import type { OutboxEventEntity } from '../../src/common/outbox/outbox-event.entity';
import { ReturnsProcessor } from '../../src/returns/jobs/returns.processor';
import type { TimerOutcome } from '../../src/returns/return-reminders.service';
import type { ReturnTimerPayload } from '../../src/returns/return-scheduler';
import { SupplierEntity } from '../../src/suppliers/supplier.entity';
import { jobFor, outboxRowsWhere } from '../support/ticket-jobs';
import type { TestApp } from '../support/test-app';
import { createCustomer, createProduct } from './registers';
import { type Session, api, session } from './tickets';

/**
 * Returned goods built through the API as the counter and the returns desk would, and the returns
 * queue's jobs run by hand at a moment the test sets with the TestClock.
 */

/** What the tests read of a returned-goods answer; the rest of the body is checked where it matters. */
export interface ReturnView {
  id: string;
  number: string;
  status: string;
  version: number;
  kind: string;
  urgent: boolean;
  receivedAt: string;
  nextChaseDueAt: string | null;
  [field: string]: unknown;
}

/** The people returned goods pass through: the counter, the returns clerk, the manager. */
export interface ReturnsDesk {
  agent: Session;
  clerk: Session;
  manager: Session;
}

export async function createReturnsDesk(t: TestApp): Promise<ReturnsDesk> {
  const clerkUser = await t.createUser(['returns_clerk'], {
    displayName: '孙丽',
    email: `clerk-${randomBytes(3).toString('hex')}@example.com`,
  });
  const clerkLogin = await t.login(clerkUser.username).expect(200);
  return {
    agent: await session(t, ['agent']),
    clerk: { id: clerkUser.id, token: clerkLogin.body.accessToken as string },
    manager: await session(t, ['manager']),
  };
}

/** A supplier of the qualified list, qualified from 2026-01-01 to 2027-12-31 unless told otherwise. */
export async function createSupplier(
  dataSource: DataSource,
  fields: DeepPartial<SupplierEntity> = {},
): Promise<SupplierEntity> {
  const repository = dataSource.getRepository(SupplierEntity);
  return repository.save(
    repository.create({
      code: `GF-${randomBytes(3).toString('hex').toUpperCase()}`,
      name: '苏州恒温制冷设备维修有限公司',
      kind: 'repairer',
      contactName: '严卫东',
      phone: '0512-6826 7731',
      qualifiedOn: '2026-01-01',
      qualifiedUntil: '2027-12-31',
      ...fields,
    }),
  );
}

function expectOk(response: { status: number; body: unknown }, what: string): void {
  if (response.status >= 300) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** Goods brought to the counter (POST /returns); a new customer and product unless given. */
export async function intake(
  t: TestApp,
  token: string,
  body: Record<string, unknown> = {},
): Promise<ReturnView> {
  const customerId =
    (body.customerId as string | undefined) ??
    (await createCustomer(t.dataSource, { email: 'wangfang@example.com' })).id;
  const productId = (await createProduct(t.dataSource, { name: '滚筒洗衣机 XQG100' })).id;
  const response = await api(t, token).post('/returns', {
    kind: 'repair',
    fault: '脱水时异响，无法正常排水',
    items: [
      { productId, serialNumber: 'XQG100-2026-0001', condition: '外观完好', accessories: '进水管一根' },
    ],
    ...body,
    customerId,
  });
  expectOk(response, 'intake');
  return response.body as ReturnView;
}

/** Takes a returned-goods action (POST /returns/:id/<path>), expecting success. */
export async function returnAct(
  t: TestApp,
  token: string,
  id: string,
  path: string,
  body: object = {},
): Promise<ReturnView> {
  const response = await api(t, token).post(`/returns/${id}/${path}`, body);
  expectOk(response, path);
  return response.body as ReturnView;
}

/** Inspected, registered and shipped to the supplier, each by whoever does it at the company. */
export async function shippedReturn(
  t: TestApp,
  desk: ReturnsDesk,
  supplierId: string,
  body: Record<string, unknown> = {},
  shipment: Record<string, unknown> = {},
): Promise<ReturnView> {
  const received = await intake(t, desk.agent.token, body);
  await returnAct(t, desk.clerk.token, received.id, 'inspect', { finding: 'product_fault' });
  await returnAct(t, desk.clerk.token, received.id, 'register', { handedOverBy: '赵敏' });
  return returnAct(t, desk.clerk.token, received.id, 'ship', {
    supplierId,
    carrier: '顺丰速运',
    trackingNumber: `SF${randomBytes(5).toString('hex')}`,
    ...shipment,
  });
}

export type ReturnTopic = 'return.chase-due' | 'return.notice-due';

/** A record's timer rows of one topic, oldest first. */
export function returnTimers(t: TestApp, topic: ReturnTopic, returnId: string): Promise<OutboxEventEntity[]> {
  return outboxRowsWhere(t, topic, 'returnId', returnId);
}

/** Runs a timer row's job as the worker does; returns what it did. */
export function runReturnTimer(t: TestApp, row: OutboxEventEntity): Promise<TimerOutcome> {
  const processor = t.app.get(ReturnsProcessor);
  const job = jobFor<ReturnTimerPayload>(row);
  return row.topic === 'return.chase-due' ? processor.chaseDue(job) : processor.noticeDue(job);
}
