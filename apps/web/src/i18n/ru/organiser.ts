// The organiser area's words (owned by the organiser area; this placeholder keeps the registry typed until it is filled).
const organiser = {};
export default organiser;
export type OrganiserDict = typeof organiser;
