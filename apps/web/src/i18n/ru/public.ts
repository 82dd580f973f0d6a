const publicArea = {
  placeholder: '',
};
export default publicArea;
export type PublicDict = typeof publicArea;
