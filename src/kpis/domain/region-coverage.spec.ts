import { outletsCovering } from './region-coverage';

const outlet = (code: string, region: string | null, coverageRegions: string[] = []) => ({
  code,
  region,
  coverageRegions,
});

describe('outletsCovering', () => {
  const outlets = [
    outlet('SH-PD', '上海市/浦东新区', ['上海市/浦东新区']),
    outlet('SH', null, ['上海市']),
    outlet('SZ', '江苏省/苏州市'),
    outlet('EMPTY', '', ['']),
  ];

  it("an outlet's region or coverage region covers itself and everything below it", () => {
    expect(outletsCovering('上海市/浦东新区', outlets).map((o) => o.code)).toEqual(['SH-PD', 'SH']);
    expect(outletsCovering('上海市/闵行区/莘庄镇', outlets).map((o) => o.code)).toEqual(['SH']);
    expect(outletsCovering('江苏省/苏州市/工业园区', outlets).map((o) => o.code)).toEqual(['SZ']);
  });

  it('a region is not covered by one that merely starts with the same characters, nor by a region below it', () => {
    expect(outletsCovering('上海市浦东', outlets)).toEqual([]);
    expect(outletsCovering('江苏省', outlets)).toEqual([]);
  });

  it('empty regions cover nothing', () => {
    expect(outletsCovering('浙江省/杭州市', outlets)).toEqual([]);
  });
});
