import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `?page=&pageSize=` for every list; extend it with the list's own filters. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}

/** The response of a list: extend it per item type (`class XPageResponse extends PageResponseOf(XResponse) {}`). */
export function PageResponseOf<T>(item: Class<T>) {
  abstract class PageResponse implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty() total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
  }
  return PageResponse;
}

/** Runs a list query for one page: the rows and the total over all pages. */
export async function fetchPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: PageQuery,
): Promise<Page<T>> {
  const [items, total] = await query
    .skip((page.page - 1) * page.pageSize)
    .take(page.pageSize)
    .getManyAndCount();
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { ...page, items: page.items.map(map) };
}

/** Narrows a list to rows where any of the columns contains the text (case-insensitive); no text, no filter. */
export function matchText<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: readonly string[],
  text: string | undefined,
): SelectQueryBuilder<T> {
  const trimmed = text?.trim();
  if (!trimmed) return query;
  const pattern = `%${trimmed.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
  return query.andWhere(`(${columns.map((column) => `${column} ILIKE :matchText`).join(' OR ')})`, {
    matchText: pattern,
  });
}
