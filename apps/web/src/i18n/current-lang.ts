// The interface language outside React: the API client sends it as Accept-Language. LangProvider keeps it current.
import type { Lang } from '@konkurs/shared';

let lang: Lang = 'ru';

export const currentLang = (): Lang => lang;
export function setCurrentLang(next: Lang) {
  lang = next;
}
