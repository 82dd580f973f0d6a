import type { AdminDict } from '../ru/admin';

const admin: AdminDict = {};
export default admin;
