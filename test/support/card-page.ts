import { readFileSync } from 'node:fs';
import { TEAMS_FONT_STACK } from './card-host-config';

/**
 * The HTML page the card renderer loads: the `adaptivecards` browser bundle inlined (no network),
 * Teams-like chrome around the card (chat background, card shadow, Fluent buttons), and
 * `window.renderCard(card, hostConfig, width)` which parses, renders and reports what went wrong.
 * Everything that runs in the page is plain JavaScript text: compiled TypeScript functions would
 * carry the test runner's helpers into the browser.
 */

// Teams chat cards are about this wide; `msteams.width: "Full"` cards take the message column.
export const TEAMS_CARD_WIDTH = 460;
export const TEAMS_FULL_CARD_WIDTH = 720;

const TEAMS_CSS = `
  body { margin: 0; padding: 20px; background: #f5f5f5; font-family: ${TEAMS_FONT_STACK}; color: #242424; }
  #frame { display: inline-block; padding: 4px; }
  #card { background: #fff; border-radius: 6px; overflow: hidden;
          box-shadow: 0 0 2px rgba(0,0,0,.12), 0 1px 2px rgba(0,0,0,.14); }
  #card p { margin: 0; }
  #card p + p, #card ul, #card ol { margin: 6px 0 0 0; padding-left: 20px; }
  #card a.ac-anchor, #card a.ac-anchor:visited { color: #5b5fc7; text-decoration: none; }
  .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; line-height: 20px; min-height: 32px;
                   padding: 5px 12px; border-radius: 4px; border: 1px solid #d1d1d1; background: #fff;
                   color: #242424; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
  .ac-pushButton.style-destructive { color: #c4314b; border-color: #c4314b; }
  .ac-pushButton.expanded { background: #ebebeb; }
  .ac-input { font-family: inherit; font-size: 14px; }
  .ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-input.ac-timeInput,
  #card input[type=checkbox], #card input[type=radio] { accent-color: #5b5fc7; }
  select.ac-input { background: #fff; }
  select.ac-input { min-height: 32px; padding: 4px 8px; border: 1px solid #d1d1d1; border-radius: 4px; box-sizing: border-box; }
`;

// Teams' markdown subset in TextBlocks: **bold**, _italic_, [links](https://…), "- " and "1. " lists.
const MARKDOWN_JS = `
function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function inlineMarkdown(s) {
  return escapeHtml(s)
    .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
    .replace(/(^|\\s)_(\\S(?:.*?\\S)?)_(?=$|[\\s.,;:!?])/g, '$1<em>$2</em>')
    .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2">$1</a>');
}
function markdownToHtml(text) {
  return text.split(/\\n{2,}/).map(function (block) {
    var lines = block.split('\\n');
    var list = function (tag, marker) {
      return '<' + tag + '>' + lines.map(function (l) { return '<li>' + inlineMarkdown(l.replace(marker, '')) + '</li>'; }).join('') + '</' + tag + '>';
    };
    if (lines.every(function (l) { return /^\\s*[-*] /.test(l); })) return list('ul', /^\\s*[-*] /);
    if (lines.every(function (l) { return /^\\s*\\d+\\. /.test(l); })) return list('ol', /^\\s*\\d+\\. /);
    return '<p>' + lines.map(inlineMarkdown).join('<br>') + '</p>';
  }).join('');
}
`;

const RENDER_JS = `
AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};
window.renderCard = function (card, hostConfig, width) {
  var problems = [];
  var target = document.getElementById('card');
  target.innerHTML = '';
  target.style.width = width + 'px';
  var adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  var context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  adaptiveCard.parse(card, context);
  for (var i = 0; i < context.eventCount; i++) problems.push('parse: ' + context.getEventAt(i).message);
  adaptiveCard.validateProperties().validationEvents.forEach(function (e) { problems.push('validate: ' + e.message); });
  var element = adaptiveCard.render();
  if (!element) problems.push('render: the renderer produced nothing');
  else target.appendChild(element);
  // Text cut off with an ellipsis (buttons, TextBlocks without wrap) is text nobody can read.
  // The overflowing node is the label's inner div or the TextBlock's paragraph, so look inside too.
  var overflows = function (el) { return el.scrollWidth > el.clientWidth + 1; };
  var truncated = Array.prototype.filter.call(target.querySelectorAll('.ac-pushButton, .ac-textBlock'), function (el) {
    return overflows(el) || Array.prototype.some.call(el.querySelectorAll('*'), overflows);
  }).map(function (el) { return el.textContent; });
  return { problems: problems, truncated: truncated, text: target.innerText };
};
`;

let bundle: string | undefined;

export function cardPageHtml(): string {
  // The minified UMD bundle sets `window.AdaptiveCards`.
  bundle ??= readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
  // `</script` inside inlined code would end the script element early.
  const inline = (code: string) => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${TEAMS_CSS}</style></head>
<body><div id="frame"><div id="card"></div></div>${inline(bundle)}${inline(MARKDOWN_JS)}${inline(RENDER_JS)}</body></html>`;
}
