import type { ExpertDict } from '../ru/expert';

const expert: ExpertDict = {};
export default expert;
