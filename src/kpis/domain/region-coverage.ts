/**
 * Whether outlets cover a sales region. Regions are paths (`上海市/浦东新区`); a region an outlet
 * covers includes itself and everything below it, as the outlets register's `covers=` filter reads it.
 */

export interface CoveringOutlet {
  code: string;
  region: string | null;
  coverageRegions: readonly string[];
}

function includes(covered: string, region: string): boolean {
  return region === covered || region.startsWith(`${covered}/`);
}

/** The outlets whose own region or coverage regions include the region. */
export function outletsCovering<T extends CoveringOutlet>(region: string, outlets: readonly T[]): T[] {
  return outlets.filter((outlet) =>
    [outlet.region, ...outlet.coverageRegions].some(
      (covered) => covered !== null && covered !== '' && includes(covered, region),
    ),
  );
}
