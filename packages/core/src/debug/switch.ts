import { getStorage, getWindow } from '../env';

/** The URL parameter and localStorage key that switch diagnostics on without a rebuild. */
const DEBUG_KEY = 'spoor_debug';

/**
 * True when diagnostics should be printed: the `debug` option, `?spoor_debug=1` in the page
 * URL, or `localStorage.spoor_debug = '1'` typed in the console. Read each time (problems are
 * rare), so the console switch works without a reload. `=0` in the URL turns it off.
 */
export function debugEnabled(option: boolean | undefined): boolean {
  try {
    const param = new URLSearchParams(getWindow()?.location?.search ?? '').get(DEBUG_KEY);
    if (param !== null) return param !== '0' && param !== 'false';
    if (option) return true;
    const stored = getStorage('localStorage')?.getItem(DEBUG_KEY);
    return stored === '1' || stored === 'true';
  } catch {
    return option === true;
  }
}
