import type { ApplicantDict } from '../ru/applicant';

const applicant: ApplicantDict = {
  placeholder: '',
};
export default applicant;
