import type { PublicDict } from '../ru/public';

const publicArea: PublicDict = {
  placeholder: '',
};
export default publicArea;
