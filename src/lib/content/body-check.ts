export { findRawHtml as bodyFindings, rawHtmlMessage as bodyFindingMessage, type HtmlFinding as BodyFinding } from './raw-html.ts';
