// The admin area's words (owned by the admin area; this placeholder keeps the registry typed until it is filled).
const admin = {};
export default admin;
export type AdminDict = typeof admin;
