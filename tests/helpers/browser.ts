/** The tests launch Chromium the way the search benchmark does: one home for the flags. */
export { CHROMIUM, launchChromium } from '../../src/tools/chromium.ts';
