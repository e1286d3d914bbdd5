// react-dom ships no types and @types/react-dom is not installed (Decap brings React without it);
// the previews' unit test uses this one function.
declare module 'react-dom/server' {
  export function renderToStaticMarkup(node: import('react').ReactNode): string;
}
