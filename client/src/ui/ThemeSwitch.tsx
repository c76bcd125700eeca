import { useI18n } from '../i18n/i18n.tsx';
import { IconButton } from './IconButton.tsx';
import { MoonIcon, SunIcon } from './icons.tsx';
import { useTheme } from './theme.tsx';

/** The top bar's light/dark switch: a toggle button that says what it turns on. */
export function ThemeSwitch() {
  const { t } = useI18n();
  const { theme, setTheme } = useTheme();
  const dark = theme === 'dark';
  return (
    <IconButton
      className="theme-switch"
      label={t('ui.darkTheme')}
      aria-pressed={dark}
      icon={dark ? <MoonIcon /> : <SunIcon />}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    />
  );
}
