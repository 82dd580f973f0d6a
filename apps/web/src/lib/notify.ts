// A short confirmation in the corner ("Черновик сохранён"), with a labelled close button in the page's language.
import { notifications } from '@mantine/notifications';
import { dictionaries } from '../i18n';

export function notify(message: string, { color = 'green', title }: { color?: string; title?: string } = {}) {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ru';
  notifications.show({ message, color, title, closeButtonProps: { 'aria-label': dictionaries[lang].common.close } });
}
