import type { Browser, BrowserContext } from 'playwright-core';

/** What a browser context reports: CSP violations (the DOM event), console lines about policies, script errors. */
export interface PolicyWatch {
  context: BrowserContext;
  violations: string[];
  policyMessages: string[];
  errors: string[];
}

// Given as text, so it reaches the browser untouched by the test runner's transforms.
const LISTEN = `document.addEventListener('securitypolicyviolation', (e) =>
  window.__cspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + location.pathname + ': ' + e.sample));`;

/** A browser context that records every policy violation in its pages and workers. */
export async function watchedContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<PolicyWatch> {
  const context = await browser.newContext(options);
  const w: PolicyWatch = { context, violations: [], policyMessages: [], errors: [] };
  await context.exposeBinding('__cspViolation', (_source, text: string) => void w.violations.push(text));
  await context.addInitScript({ content: LISTEN });
  const onConsole = (text: string) => {
    if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(text)) w.policyMessages.push(text);
  };
  context.on('console', (m) => onConsole(m.text()));
  context.on('page', (p) => {
    p.on('pageerror', (e) => w.errors.push(`${p.url()}: ${e.message}`));
    p.on('worker', (worker) => worker.on('console', (m) => onConsole(`worker ${worker.url()}: ${m.text()}`)));
  });
  return w;
}

/** The parts a test compares with NO_REPORTS. */
export const reports = (w: PolicyWatch) => ({
  violations: w.violations,
  policyMessages: w.policyMessages,
  errors: w.errors,
});
export const NO_REPORTS = { violations: [], policyMessages: [], errors: [] };
