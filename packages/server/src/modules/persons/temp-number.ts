import { readableCode } from '../../platform/ids.ts';

/**
 * A temporary number for a person whose identity is not known yet (临时编号): LS-<county>-<8
 * chars>. The street (encounters) and the station door (stays) both make persons.
 */
export const tempNumber = (regionCode: string) => `LS-${regionCode.slice(0, 6)}-${readableCode()}`;
