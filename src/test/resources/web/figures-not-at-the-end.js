// The figures of the page's tables (td.number) that are not set against the end of their
// cell: its right on a left-to-right page, its left on a right-to-left one, with how far
// from it in CSS pixels. arguments[0]: whether the page must have a figure.
const found = [];
const cells = [...document.querySelectorAll('table.data td.number')].filter((cell) => cell.textContent.trim());
if (arguments[0] && !cells.length) found.push(location.pathname + ': no figure in a table');
for (const cell of cells) {
  const range = document.createRange();
  range.selectNodeContents(cell);
  const text = range.getBoundingClientRect();
  const box = cell.getBoundingClientRect();
  const style = getComputedStyle(cell);
  const gap = style.direction === 'rtl'
    ? text.left - (box.left + parseFloat(style.paddingLeft))
    : (box.right - parseFloat(style.paddingRight)) - text.right;
  if (Math.abs(gap) > 1) {
    found.push(location.pathname + ': "' + cell.textContent.trim() + '" ' + gap.toFixed(1) + ' px from the end');
  }
}
return found;
