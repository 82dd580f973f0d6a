// Russian by default, English on request. Each area has a small typed dictionary in ru/<area>.ts; the
// English file is typed against it, so a missing translation fails the type check.
// To add an area: create ru/<area>.ts and en/<area>.ts and list them in `dictionaries` below.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '@konkurs/shared';
import ruCommon from './ru/common';
import enCommon from './en/common';
import ruPublic from './ru/public';
import enPublic from './en/public';
import ruApplicant from './ru/applicant';
import enApplicant from './en/applicant';
import ruExpert from './ru/expert';
import enExpert from './en/expert';
import ruOrganiser from './ru/organiser';
import enOrganiser from './en/organiser';
import ruOfficial from './ru/official';
import enOfficial from './en/official';
import ruAdmin from './ru/admin';
import enAdmin from './en/admin';
import { setCurrentLang } from './current-lang';

const ru = { common: ruCommon, public: ruPublic, applicant: ruApplicant, expert: ruExpert, organiser: ruOrganiser, official: ruOfficial, admin: ruAdmin };
type Dictionaries = typeof ru;
const en: Dictionaries = { common: enCommon, public: enPublic, applicant: enApplicant, expert: enExpert, organiser: enOrganiser, official: enOfficial, admin: enAdmin };
export const dictionaries: Record<Lang, Dictionaries> = { ru, en };
export type Area = keyof Dictionaries;

const STORAGE_KEY = 'konkurs.lang';
export const LANGS: readonly Lang[] = ['ru', 'en'];

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ru' || saved === 'en') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'ru';
}

type LangContext = { lang: Lang; setLang: (lang: Lang) => void };
const Ctx = createContext<LangContext>({ lang: 'ru', setLang: () => {} });

export function LangProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  // Set while rendering, not in an effect: the children's first requests go out before this provider's effects run.
  setCurrentLang(lang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLang = () => useContext(Ctx);

/** The dictionary of one area in the current language: `const t = useT('applicant'); t.editor.title`. */
export function useT<A extends Area>(area: A): Dictionaries[A] {
  return dictionaries[useContext(Ctx).lang][area];
}
