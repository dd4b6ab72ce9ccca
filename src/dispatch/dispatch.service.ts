import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { CalendarDate } from '../common/calendar';
import { Clock } from '../common/clock';
import { CompanyCalendar } from '../common/company-calendar';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { dispatchability } from '../outlets/domain/dispatchable';
import { OutletsService } from '../outlets/outlets.service';
import { QualificationsService } from '../staff/qualifications.service';
import { type BoardList, TicketWorkloadService } from '../tickets/ticket-workload.service';
import { TicketsService } from '../tickets/tickets.service';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import {
  type Named,
  type RankedCandidate,
  type TechnicianLoad,
  compareLoad,
  rankCandidates,
} from './domain/candidate-ranking';

/** How far ahead the board looks for deadlines about to be missed. */
export const AT_RISK_WITHIN_MS = 60 * 60 * 1000;
/** Each ticket list of the board shows at most this many, the most pressing first. */
export const BOARD_LIST_LIMIT = 200;

/** The technicians ranked for one ticket. */
export interface CandidateRanking {
  ticketId: string;
  region: string | null;
  productCategory: string;
  candidates: RankedCandidate[];
}

export interface BoardTechnician extends TechnicianLoad {
  outlet: Named | null;
}

/** The dispatcher's overview at one moment. */
export interface DispatchBoard {
  asOf: Date;
  unassigned: BoardList;
  atRisk: BoardList;
  breached: BoardList;
  technicians: BoardTechnician[];
}

/** A technician's outlet as dispatch sees it. */
interface OutletStanding {
  outlet: Named;
  /** Why it cannot take jobs today; empty when it can. */
  blockedReasons: string[];
}

/** Whom to send (SPEC §3.1, the candidate ranking) and the dispatcher's board of open work. */
@Injectable()
export class DispatchService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workload: TicketWorkloadService,
    private readonly users: UsersService,
    private readonly outlets: OutletsService,
    private readonly qualifications: QualificationsService,
    private readonly clock: Clock,
    private readonly calendar: CompanyCalendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every enabled technician the viewer may see, ranked for a ticket the viewer may see (else 404). */
  async candidates(ticketId: string, viewer: AuthenticatedUser): Promise<CandidateRanking> {
    const ticket = await this.tickets.get(ticketId, viewer);
    const now = this.clock.now();
    const today = this.calendar.today();
    const category = ticket.product.category;
    const technicians = await this.users.activeWithRole('technician', viewer);
    const ids = technicians.map((technician) => technician.id);
    const [loads, qualifications, outlets, covering] = await Promise.all([
      this.workload.openLoad(ids),
      this.qualifications.qualificationFor(ids, category, today),
      this.outletsOf(technicians, viewer, today),
      ticket.region === null ? [] : this.outlets.coveringRegion(ticket.region, today),
    ]);
    const coveringIds = new Set(covering.map((outlet) => outlet.id));
    const candidates = technicians.map((technician) => {
      const standing = technician.outletId === null ? undefined : outlets.get(technician.outletId);
      return {
        ...loadOf(technician, loads),
        outlet: standing?.outlet ?? null,
        outletBlockedReasons: standing?.blockedReasons ?? [],
        coversRegion: technician.outletId !== null && coveringIds.has(technician.outletId),
        qualification: qualifications.get(technician.id) ?? 'missing',
      };
    });
    return {
      ticketId: ticket.id,
      region: ticket.region,
      productCategory: category,
      candidates: rankCandidates(candidates, {
        region: ticket.region,
        productCategory: category,
        now,
        timeZone: this.config.companyTimeZone,
      }),
    };
  }

  /** Tickets awaiting dispatch, about to miss a deadline and past one, and each technician's load. */
  async board(viewer: AuthenticatedUser): Promise<DispatchBoard> {
    const now = this.clock.now();
    const technicians = await this.users.activeWithRole('technician', viewer);
    const [unassigned, atRisk, breached, loads, outlets] = await Promise.all([
      this.workload.awaitingDispatch(viewer, BOARD_LIST_LIMIT),
      this.workload.dueBetween(viewer, now, new Date(now.getTime() + AT_RISK_WITHIN_MS), BOARD_LIST_LIMIT),
      this.workload.overdue(viewer, now, BOARD_LIST_LIMIT),
      this.workload.openLoad(technicians.map((technician) => technician.id)),
      this.outletsOf(technicians, viewer, this.calendar.today()),
    ]);
    const board = technicians.map((technician) => ({
      ...loadOf(technician, loads),
      outlet: technician.outletId === null ? null : (outlets.get(technician.outletId)?.outlet ?? null),
    }));
    return { asOf: now, unassigned, atRisk, breached, technicians: board.sort(compareLoad) };
  }

  /** The technicians' outlets, each read once (a handful of outlets for many technicians). */
  private async outletsOf(
    technicians: readonly UserEntity[],
    viewer: AuthenticatedUser,
    today: CalendarDate,
  ): Promise<Map<string, OutletStanding>> {
    const ids = [...new Set(technicians.flatMap((technician) => technician.outletId ?? []))];
    const outlets = await Promise.all(ids.map((id) => this.outlets.get(id, viewer)));
    return new Map(
      outlets.map((outlet) => [
        outlet.id,
        {
          outlet: { id: outlet.id, name: outlet.name },
          blockedReasons: dispatchability(outlet, today).reasons,
        },
      ]),
    );
  }
}

function loadOf(
  technician: UserEntity,
  loads: ReadonlyMap<string, { openJobs: number; nextDueAt: Date | null }>,
): TechnicianLoad {
  const load = loads.get(technician.id);
  return {
    technician: { id: technician.id, name: technician.displayName },
    openJobs: load?.openJobs ?? 0,
    nextDueAt: load?.nextDueAt ?? null,
  };
}
