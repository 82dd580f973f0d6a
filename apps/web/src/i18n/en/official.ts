import type { OfficialDict } from '../ru/official';

const official: OfficialDict = {};
export default official;
