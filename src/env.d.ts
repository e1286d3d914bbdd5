/// <reference types="astro/client" />
import type { PageContext } from './site/page-context.ts';

// Astro declares Astro.locals as App.Locals; src/middleware.ts fills it for every page.
declare global {
  namespace App {
    interface Locals extends PageContext {}
  }
}
