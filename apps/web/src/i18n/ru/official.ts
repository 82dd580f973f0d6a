// The official area's words (owned by the official area; this placeholder keeps the registry typed until it is filled).
const official = {};
export default official;
export type OfficialDict = typeof official;
