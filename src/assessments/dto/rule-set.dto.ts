import { ApiProperty } from '@nestjs/swagger';
import { INDICATORS, type EvidenceCode, type Indicator } from '../../evidence/domain/evidence-types';
import { PageResponseOf } from '../../common/http/pagination';
import { ADJUSTMENT_ORDERS, ITEM_TYPES, type AdjustmentOrder, type ItemType } from '../domain/rule-set';
import { INDICATOR_LABELS } from '../../evidence/domain/evidence-types';
import { CATEGORIES, CATEGORY_OF, type Category } from '../domain/standard';
import { RULE_SET_SOURCES, type RuleSetEntity, type RuleSetSource } from '../rule-set.entity';

export class RuleSetItemResponse {
  @ApiProperty({ example: 'repair' }) code!: string;
  @ApiProperty({ enum: INDICATORS }) indicator!: Indicator;
  @ApiProperty({ example: '维修' }) indicatorName!: string;
  @ApiProperty({ enum: CATEGORIES }) category!: Category;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 8 }) points!: number;
  @ApiProperty({ enum: ITEM_TYPES }) type!: ItemType;
  @ApiProperty({
    type: [String],
    example: ['repair-records', 'follow-ups'],
    description: 'Evidence type codes',
  })
  evidence!: EvidenceCode[];
}

export class ScoringOptionsResponse {
  @ApiProperty({ example: 100 }) totalPoints!: number;
  @ApiProperty({ enum: ADJUSTMENT_ORDERS }) adjustmentsApplied!: AdjustmentOrder;
  @ApiProperty({ example: 1, description: 'Decimals shown (cut, never rounded up)' }) decimals!: number;
  @ApiProperty({ example: 70 }) compliantAt!: number;
  @ApiProperty({ example: 80 }) threeStarAt!: number;
  @ApiProperty({ example: 90 }) fourStarAt!: number;
  @ApiProperty({ example: 95 }) fiveStarAt!: number;
  @ApiProperty({ example: 1 }) specialDeductionPoints!: number;
  @ApiProperty({ example: 1 }) specialBonusPoints!: number;
  @ApiProperty({ example: 1 }) maxSpecialBonuses!: number;
  @ApiProperty({ example: 5 }) notCertifiedDeductions!: number;
  @ApiProperty({ example: 4 }) sampleSize!: number;
}

export class RuleSetSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) versionNumber!: number;
  @ApiProperty({ example: 'GB/T 27922-2011 默认评分规则' }) name!: string;
  @ApiProperty({
    description: 'The default points, not a certification body’s own: reports say "indicative"',
  })
  indicative!: boolean;
  @ApiProperty({ enum: RULE_SET_SOURCES }) source!: RuleSetSource;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ example: 15 }) itemCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RuleSetResponse extends RuleSetSummaryResponse {
  @ApiProperty({ type: [RuleSetItemResponse] }) items!: RuleSetItemResponse[];
  @ApiProperty({ type: ScoringOptionsResponse }) options!: ScoringOptionsResponse;
}

export class RuleSetPageResponse extends PageResponseOf(RuleSetSummaryResponse) {}

export function toRuleSetSummary(ruleSet: RuleSetEntity): RuleSetSummaryResponse {
  return {
    id: ruleSet.id,
    versionNumber: ruleSet.versionNumber,
    name: ruleSet.name,
    indicative: ruleSet.indicative,
    source: ruleSet.source,
    fileName: ruleSet.fileName,
    itemCount: ruleSet.definition.items.length,
    createdAt: ruleSet.createdAt.toISOString(),
  };
}

export function toRuleSetResponse(ruleSet: RuleSetEntity): RuleSetResponse {
  return {
    ...toRuleSetSummary(ruleSet),
    items: ruleSet.definition.items.map((item) => ({
      code: item.code,
      indicator: item.indicator,
      indicatorName: INDICATOR_LABELS[item.indicator].zh,
      category: CATEGORY_OF[item.indicator],
      title: item.title,
      points: item.points,
      type: item.type,
      evidence: item.evidence,
    })),
    options: { ...ruleSet.definition.options },
  };
}
