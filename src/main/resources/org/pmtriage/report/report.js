/* pmtriage report: sortable tables, highlighting of an event in its timeline and table. */
(function () {
  'use strict';
  var box = document.getElementById('script-errors');
  (window.pmtriagePendingErrors || []).forEach(function (text) {
    box.hidden = false;
    box.appendChild(document.createTextNode('Script error: ' + text + '\n'));
  });

  function sortKey(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.getAttribute('data-sort');
    if (value === null) {
      value = cell.textContent;
    }
    return numeric ? Number(value) : value.toLowerCase();
  }

  function sortBy(table, th, column) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) {
      headers[i].removeAttribute('aria-sort');
    }
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.getAttribute('data-type') === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, index) {
      return { row: row, index: index, key: sortKey(row, column, numeric) };
    });
    rows.sort(function (a, b) {
      var order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return (ascending ? order : -order) || a.index - b.index;
    });
    var sorted = document.createDocumentFragment();
    rows.forEach(function (r) { sorted.appendChild(r.row); });
    body.appendChild(sorted);
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.querySelector('button').addEventListener('click', function () { sortBy(table, th, column); });
    });
  });

  function highlight(event, on) {
    var target = event.target.closest ? event.target.closest('[data-record]') : null;
    if (!target) {
      return;
    }
    var record = target.getAttribute('data-record');
    event.currentTarget.querySelectorAll('[data-record="' + record + '"]').forEach(function (el) {
      el.classList.toggle('hl', on);
    });
  }

  document.querySelectorAll('article.finding').forEach(function (article) {
    article.addEventListener('mouseover', function (e) { highlight(e, true); });
    article.addEventListener('mouseout', function (e) { highlight(e, false); });
  });

  document.body.setAttribute('data-ready', 'true');
}());
