// Russian by default, English on request. Each area has a small typed dictionary in ru/<area>.ts; the
// English file is typed against it, so a missing translation fails the type check.
// To add an area: create ru/<area>.ts and en/<area>.ts and list them in area-dictionaries.ts.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '@konkurs/shared';
import ruCommon from './ru/common';
import enCommon from './en/common';
import ruPublic from './ru/public';
import enPublic from './en/public';
import ruNotifications from './ru/notifications';
import enNotifications from './en/notifications';
import type * as AreaDictionaries from './area-dictionaries';
import { setCurrentLang } from './current-lang';

type Dictionaries = { common: typeof ruCommon; public: typeof ruPublic; notifications: typeof ruNotifications } & typeof AreaDictionaries.ru;
/**
 * Every area's words by language. The common and public ones are there from the start; the role areas' arrive with
 * loadAreaDictionaries(), which areas.tsx awaits before a role area renders.
 */
const ruBase = { common: ruCommon, public: ruPublic, notifications: ruNotifications };
const enBase: typeof ruBase = { common: enCommon, public: enPublic, notifications: enNotifications };
export const dictionaries = { ru: ruBase, en: enBase } as Record<Lang, Dictionaries>;

let areaDictionaries: Promise<void> | undefined;
/** Loads the role areas' dictionaries (once); resolves when useT can give them. */
export function loadAreaDictionaries(): Promise<void> {
  areaDictionaries ??= import('./area-dictionaries').then((m) => {
    Object.assign(dictionaries.ru, m.ru);
    Object.assign(dictionaries.en, m.en);
  });
  return areaDictionaries;
}
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
  const dict = dictionaries[useContext(Ctx).lang][area];
  if (!dict) throw new Error(`the "${area}" words are not loaded: render role areas through areas.tsx (loadAreaDictionaries)`);
  return dict;
}
