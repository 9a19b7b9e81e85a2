/* Records script errors in the page, where a reader and the browser test see them. */
window.onerror = function (message, source, line, column) {
  var text = String(message) + ' (line ' + line + ', column ' + column + ')';
  var box = document.getElementById('script-errors');
  if (box) {
    box.hidden = false;
    box.appendChild(document.createTextNode('Script error: ' + text + '\n'));
  } else {
    (window.pmtriagePendingErrors = window.pmtriagePendingErrors || []).push(text);
  }
  return false;
};
