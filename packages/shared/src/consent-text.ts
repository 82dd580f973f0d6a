// The consent to the processing of personal data a person gives at sign-up (Federal Law No. 152-ФЗ "On personal
// data", art. 9): the text of the version in force, in Russian (the one that binds) and its English translation.
// Changing a word of it is a new CONSENT_VERSION (auth.ts): every applicant is then asked again at sign-in.
import { CONSENT_VERSION } from './auth.js';
import type { Lang } from './labels.js';

const RU = `Регистрируясь на платформе «Конкурс», я, действуя свободно, своей волей и в своём интересе, в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие оператору платформы — организации, которая эксплуатирует платформу и указана на её сайте (далее — оператор), — на обработку моих персональных данных на следующих условиях.

1. Цели обработки: регистрация и ведение моей учётной записи; проведение конкурсов на предоставление грантов; подготовка, подача и рассмотрение заявок, в которых я участвую; экспертиза заявок; подведение и публикация итогов конкурсов; заключение и исполнение договоров о предоставлении грантов, приём отчётов; направление мне уведомлений о ходе конкурсов и рассмотрения заявок; подготовка отчётности оператора и статистики в обезличенном виде.

2. Перечень персональных данных: фамилия, имя, отчество; адрес электронной почты; номер телефона; сведения об организации, которую я представляю, и о моей должности в ней (наименование, ИНН, ОГРН, КПП, адрес, сведения о руководителе и контактных лицах); сведения, которые я указываю в заявках и отчётах; сведения о моих действиях на платформе (дата и время входа и действий, IP-адрес).

3. Действия с персональными данными: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) организаторам конкурсов, экспертам и членам конкурсных комиссий в объёме, необходимом для рассмотрения заявок, обезличивание, блокирование, удаление и уничтожение, с использованием средств автоматизации и без них. Итоги конкурсов (наименование организации-победителя, название проекта, сумма гранта) публикуются открыто.

4. Срок действия согласия: со дня регистрации до достижения целей обработки, но не дольше срока хранения документов о конкурсах и грантах, установленного законодательством Российской Федерации, либо до отзыва согласия.

5. Отзыв согласия: я вправе отозвать согласие, направив оператору письменное заявление по адресу, указанному на сайте платформы, или по электронной почте оператора. После отзыва оператор прекращает обработку и уничтожает персональные данные в срок, установленный статьёй 21 Федерального закона № 152-ФЗ, за исключением данных, которые оператор обязан хранить по закону или вправе обрабатывать без согласия (часть 2 статьи 9 Федерального закона № 152-ФЗ). Отзыв согласия не влияет на законность обработки, совершённой до него; поданные заявки рассматриваются без моего дальнейшего участия.

6. Я подтверждаю, что сведения о других лицах (руководителе, сотрудниках, партнёрах организации), которые я указываю в заявках, я передаю с их согласия или на ином законном основании.`;

const EN = `By signing up on the Konkurs platform I, freely, of my own will and in my own interest, in accordance with article 9 of Federal Law No. 152-ФЗ of 27 July 2006 "On personal data", consent to the processing of my personal data by the operator of the platform — the organisation that runs the platform and is named on its site (the operator) — on the following terms.

1. Purposes: registering and keeping my account; running grant competitions; preparing, submitting and considering the applications I take part in; the expert review of applications; deciding and publishing the results of competitions; concluding and performing grant agreements, receiving reports; notifying me of the progress of competitions and applications; the operator's reporting and statistics in anonymised form.

2. The data: surname, first name and patronymic; e-mail address; telephone number; data about the organisation I represent and my position in it (name, ИНН, ОГРН, КПП, address, its head and contact persons); what I enter in applications and reports; data about my actions on the platform (dates and times of sign-in and actions, IP address).

3. The actions: collection, recording, systematisation, accumulation, storage, clarification (updating, changing), retrieval, use, transfer (provision, access) to competition organisers, experts and commission members as far as needed to consider applications, anonymisation, blocking, deletion and destruction, with and without automation. The results of competitions (the winning organisation, the project's title, the grant amount) are published openly.

4. Term: from the day I sign up until the purposes are achieved, but no longer than the retention period for competition and grant documents set by the law of the Russian Federation, or until I withdraw consent.

5. Withdrawal: I may withdraw this consent by a written notice to the operator at the address named on the platform's site, or by e-mail to the operator. The operator then stops the processing and destroys the data within the period set by article 21 of Federal Law No. 152-ФЗ, except the data it must keep by law or may process without consent (part 2 of article 9 of Federal Law No. 152-ФЗ). Withdrawal does not affect the lawfulness of the processing before it; applications already submitted are considered without my further participation.

6. I confirm that I provide the data of other persons (the organisation's head, staff, partners) that I enter in applications with their consent or on another lawful ground.

This translation is for information; the Russian text is the one given consent to.`;

/** The consent text of the version in force, in a language. */
export function consentTextOf(lang: Lang): { version: string; title: string; text: string } {
  return lang === 'en'
    ? { version: CONSENT_VERSION, title: 'Consent to the processing of personal data', text: EN }
    : { version: CONSENT_VERSION, title: 'Согласие на обработку персональных данных', text: RU };
}
