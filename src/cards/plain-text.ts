import { displayText } from './card-guard';

/**
 * Text from outside the bot (customer and product names from Partner Center, Teams display names, what
 * a user typed, Partner Center messages) shown in a TextBlock or fact as it is: Teams renders TextBlocks
 * as markdown, so a customer named `[click](https://evil.example)` would otherwise become a link and
 * `**x**` bold. Markdown's backslash escapes keep each character visible; `${` is neutralised as
 * displayText does. Not for choice titles, input values or button titles, which Teams shows unrendered.
 */
export function plainText(value: string): string {
  const escaped = value
    .replace(/[\\`*_~[\]<]/g, '\\$&')
    // A marker at the start of a line turns the line into a list, a heading or a quote.
    .replace(/^(\s*)([-+#>])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
  return displayText(escaped);
}
