import type { OrganiserDict } from '../ru/organiser';

const organiser: OrganiserDict = {};
export default organiser;
