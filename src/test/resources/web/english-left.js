// The words a reader of a page in a language other than English meets in English, and,
// on a right-to-left page, the times within a sentence that are not isolated from it and
// the text marked English that is not set left to right.
// arguments[0]: the codes that are not words (UTC, EUR, ...). Returns a list of lines.
const lang = document.documentElement.lang;
const rtl = document.documentElement.dir === 'rtl';
const allowed = new Set(arguments[0]);
const found = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  const element = node.parentElement;
  if (!element || element.closest('script, style, code, [translate="no"]')) continue;
  const marked = element.closest('[lang]');
  if (marked && marked.getAttribute('lang') !== lang) {
    // English kept on a right-to-left page is set left to right: else its closing quote or
    // full stop is moved to its start ('"unknown outcome "O1.3')
    if (rtl && marked.getAttribute('lang') === 'en' && /[A-Za-z]/.test(node.textContent)
        && getComputedStyle(element).direction !== 'ltr') {
      found.push(location.pathname + ': English set right to left: "' + node.textContent.trim().slice(0, 100) + '"');
    }
    continue;
  }
  // text a reader can meet: shown, or read out (visually hidden captions)
  if (!element.getClientRects().length && !element.closest('.visually-hidden')) continue;
  const text = node.textContent;
  // what a sentence holds isolated (a name, a time) is data, not words
  const words = text.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, ' ');
  for (const match of words.matchAll(/[A-Za-z][A-Za-z-]*[A-Za-z]/g)) {
    const word = match[0];
    // options of the command line (--check) are written as they are typed
    if (word.length < 3 || allowed.has(word) || words.slice(Math.max(0, match.index - 2), match.index) === '--') continue;
    found.push(location.pathname + ': "' + word + '" in "' + text.trim().slice(0, 100) + '"');
  }
  if (rtl) {
    // an option of the command line is read as typed: its dashes left of its word
    for (const match of text.matchAll(/--[a-z]+/g)) {
      const dash = document.createRange();
      dash.setStart(node, match.index);
      dash.setEnd(node, match.index + 1);
      const letter = document.createRange();
      letter.setStart(node, match.index + 2);
      letter.setEnd(node, match.index + 3);
      if (dash.getBoundingClientRect().left > letter.getBoundingClientRect().left) {
        found.push(location.pathname + ': "' + match[0] + '" set as "' + match[0].slice(2) + '--" in "'
            + text.trim().slice(0, 100) + '"');
      }
    }
    // a date and a time after right-to-left words are set in another order unless isolated
    for (const match of text.matchAll(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g)) {
      const before = text.slice(0, match.index);
      const isolated = element.closest('[dir="ltr"]') || /[\u2066\u2068][^\u2069]*$/.test(before);
      if (!isolated && text.trim() !== match[0]) {
        found.push(location.pathname + ': time not isolated in "' + text.trim().slice(0, 100) + '"');
      }
    }
  }
}
return found;
