import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ToBoolean } from '../../common/registers/register.dto';
import { IMPORT_KINDS, type ImportKind } from '../import-target';

export class ImportKindParams {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;
}

export class ImportQueryDto {
  @ApiPropertyOptional({
    default: true,
    description:
      'true (the default) reports what would happen and writes nothing; false applies all rows or none',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dryRun: boolean = true;
}

export class RowErrorResponse {
  @ApiProperty({ description: 'Row number as the spreadsheet shows it (the header is row 1)' }) row!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Column header as in the file' }) column!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) field!: string | null;
  @ApiProperty() message!: string;
}

export class RowOutcomeResponse {
  @ApiProperty() row!: number;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'] }) action!: string;
  @ApiProperty({ nullable: true, type: String }) key!: string | null;
}

export class ImportReportResponse {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() fileName!: string;
  @ApiProperty() totalRows!: number;
  @ApiProperty({ description: 'Whether the rows were written (a real run without errors)' })
  applied!: boolean;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
  @ApiProperty({ type: [RowOutcomeResponse] }) rows!: RowOutcomeResponse[];
  @ApiProperty({ type: [RowErrorResponse] }) errors!: RowErrorResponse[];
}
