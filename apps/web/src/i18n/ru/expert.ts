// The expert area's words (owned by the expert area; this placeholder keeps the registry typed until it is filled).
const expert = {};
export default expert;
export type ExpertDict = typeof expert;
