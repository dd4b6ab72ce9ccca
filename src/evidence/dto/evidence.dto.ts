import { ApiProperty } from '@nestjs/swagger';
import { INDICATORS, type Indicator } from '../domain/evidence-types';
import { PeriodDto } from '../../common/http/period.dto';
import type { EvidenceCatalog, EvidenceCatalogEntry } from '../evidence-catalog.service';

export class EvidenceCatalogQueryDto extends PeriodDto {}

class EvidenceSourceText {
  @ApiProperty({ example: '报修工单（受理信息）' }) zh!: string;
  @ApiProperty({ example: 'tickets (intake view)' }) en!: string;
}

export class EvidenceTypeResponse {
  @ApiProperty({ example: 'repair-records', description: 'Stable code, as exports and the pack name it' })
  code!: string;

  @ApiProperty({ example: '维修记录单' }) zh!: string;
  @ApiProperty({ example: 'Repair records' }) en!: string;

  @ApiProperty({ enum: INDICATORS, isArray: true, description: 'GB/T 27922 indicators it supports' })
  indicators!: Indicator[];

  @ApiProperty({ type: EvidenceSourceText, description: 'Where the records come from' })
  source!: EvidenceSourceText;

  @ApiProperty({ description: 'Records of the period (what a register export of the period holds)' })
  count!: number;

  @ApiProperty({ description: 'Auditors check these records one by one, on a sample' })
  sampled!: boolean;

  @ApiProperty({ description: 'Records the auditor usually asks for: the sample size, or 1 for a list' })
  sampleSize!: number;

  @ApiProperty({ description: 'count ≥ sampleSize' })
  enough!: boolean;
}

export class EvidenceCatalogResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;

  @ApiProperty({
    type: [EvidenceTypeResponse],
    description: 'Every evidence type the system holds records for',
  })
  types!: EvidenceTypeResponse[];

  @ApiProperty({
    type: [String],
    example: ['outlet-reviews'],
    description:
      'Codes of the types without enough records in the period (the gaps to close before the audit)',
  })
  missing!: string[];

  @ApiProperty({
    type: [String],
    example: ['follow-ups', 'complaints'],
    description: 'Evidence types the system does not hold records for yet',
  })
  notYetAvailable!: string[];
}

function toTypeResponse(entry: EvidenceCatalogEntry): EvidenceTypeResponse {
  const { type } = entry;
  return {
    code: type.code,
    zh: type.zh,
    en: type.en,
    indicators: [...type.indicators],
    source: { zh: type.source.zh, en: type.source.en },
    count: entry.count,
    sampled: type.sampled,
    sampleSize: entry.sampleSize,
    enough: entry.enough,
  };
}

export function toEvidenceCatalogResponse(catalog: EvidenceCatalog): EvidenceCatalogResponse {
  return {
    from: catalog.period.from,
    to: catalog.period.to,
    types: catalog.entries.map(toTypeResponse),
    missing: catalog.entries.filter((entry) => !entry.enough).map((entry) => entry.type.code),
    notYetAvailable: [...catalog.notYetAvailable],
  };
}
