const applicant = {
  placeholder: '',
};
export default applicant;
export type ApplicantDict = typeof applicant;
