/// The page's script: reads the table's JSON block and renders only the rows on screen.
///
/// It runs while the page is still being read (the conversations follow it in blocks) and draws the
/// first page at once; other blocks are parsed when a search or a later page needs them. It pages
/// (``rowsPerPage`` at a time), searches the searched columns, filters by every filter column, orders
/// by any number column, follows `#filter/KEY/VALUE` and `#row/N` links (from the charts, the facts
/// and the rows themselves), and shows each row's related rows: the kept example a dropped duplicate
/// repeats (drawn beside it) and, under a kept example, the drops that repeated it (each opening to its
/// conversation); one order puts every drop right after the example it repeats. It knows nothing of
/// datasets: every report page uses it unchanged.
enum ReportScript {
    /// Rows drawn per page: a screenful or two, so the page never holds more than this many rows.
    ///
    /// A page's rows must come from one block of ``ReportTable/rowsPerBlock`` (a multiple of this).
    static let rowsPerPage = 50

    static let javaScript = #"""
        (function () {
          'use strict';
          var PAGE = \#(rowsPerPage);
          var started = performance.now();
          var block = document.getElementById('report-data');
          if (!block) return;
          var data = JSON.parse(block.textContent);
          var parsed = performance.now();
          var cols = data.columns, n = data.count, byKey = {};
          cols.forEach(function (c) { byKey[c.key] = c; if (c.block) c.parts = []; });
          // The script runs while the page is still being read: it draws the first page from the first
          // block of rows, and everything else (search, filters, later pages, links) waits for the rest.
          var loaded = document.readyState !== 'loading', waiting = [];
          function whenLoaded(fn) { if (loaded) fn(); else waiting.push(fn); }
          var state = { search: '', filters: {}, page: null, sort: '', at: 0, only: null };
          var haystack = null, matches = [];
          var $ = function (id) { return document.getElementById(id); };

          function make(tag, cls, text) {
            var e = document.createElement(tag);
            if (cls) e.className = cls;
            if (text !== undefined && text !== null) e.textContent = text;
            return e;
          }
          // A row of a column stored in blocks, parsing its block the first time it is needed.
          function fromBlock(c, i) {
            var k = Math.floor(i / c.block), part = c.parts[k];
            if (part === undefined) {
              var e = document.getElementById('report-rows-' + (c.firstBlock + k));
              if (!e) return undefined;
              part = c.parts[k] = JSON.parse(e.textContent);
            }
            return part[i - k * c.block];
          }
          function value(c, i) {
            if (c.kind === 'category') { var k = c.values[i]; return k < 0 ? null : c.table[k]; }
            return c.block ? fromBlock(c, i) : c.values[i];
          }
          function content(c, v) { return typeof v === 'number' ? c.shared[v] : v; }

          // Rows that point at a row (a dropped duplicate at its kept example), by target.
          var pointers = {};
          cols.forEach(function (c) {
            if (c.kind !== 'row') return;
            var m = {};
            c.values.forEach(function (t, i) { if (t >= 0) (m[t] = m[t] || []).push(i); });
            pointers[c.key] = m;
          });

          function buildHaystack() {
            var searched = cols.filter(function (c) { return c.search; });
            haystack = new Array(n);
            for (var i = 0; i < n; i++) {
              var parts = [];
              for (var j = 0; j < searched.length; j++) {
                var c = searched[j], v = value(c, i);
                if (v === null || v === undefined) continue;
                if (c.kind === 'conversation') {
                  for (var m = 0; m + 1 < v.length; m += 2) if (c.roles[v[m]] !== 'system') parts.push(content(c, v[m + 1]));
                } else parts.push(String(v));
              }
              haystack[i] = parts.join('\n').toLowerCase();
            }
          }

          function compute() {
            var terms = state.search.toLowerCase().split(/\s+/).filter(Boolean);
            if (terms.length && !haystack) buildHaystack();
            var filters = Object.keys(state.filters).map(function (k) { return [byKey[k].values, state.filters[k]]; });
            var pages = cols.filter(function (c) { return c.kind === 'pages'; })[0];
            var out = [];
            for (var i = 0; i < n; i++) {
              var ok = true;
              for (var f = 0; f < filters.length && ok; f++) ok = filters[f][0][i] === filters[f][1];
              if (ok && state.page !== null && pages) ok = pages.values[i].indexOf(state.page) >= 0;
              for (var t = 0; t < terms.length && ok; t++) ok = haystack[i].indexOf(terms[t]) >= 0;
              if (ok) out.push(i);
            }
            if (state.sort === 'beside') out = beside(out);
            else if (state.sort) {
              var parts = state.sort.split(':'), v = byKey[parts[0]].values, dir = parts[1] === 'asc' ? 1 : -1;
              out.sort(function (a, b) { return ((v[a] === null ? -1 : v[a]) - (v[b] === null ? -1 : v[b])) * dir || a - b; });
            }
            matches = out;
          }

          // Rows in file order, each row that points at another moved to just after it.
          function beside(rows) {
            var keys = Object.keys(pointers);
            if (!keys.length) return rows;
            var inSet = new Uint8Array(n), placed = new Uint8Array(n), out = [];
            rows.forEach(function (i) { inSet[i] = 1; });
            rows.forEach(function (i) {
              if (placed[i]) return;
              var t = target(i);
              if (t && inSet[t.row] && !placed[t.row]) return;
              out.push(i); placed[i] = 1;
              keys.forEach(function (k) {
                (pointers[k][i] || []).forEach(function (j) { if (inSet[j] && !placed[j]) { out.push(j); placed[j] = 1; } });
              });
            });
            return out;
          }

          function chip(c, i) {
            var v = value(c, i);
            if (v === null || v === undefined || v === '') return null;
            var e = make('button', 'chip', c.label + ': ' + v);
            e.type = 'button';
            if (c.filter && c.kind === 'category') {
              e.title = 'Show only ' + c.label.toLowerCase() + ' ' + v;
              e.addEventListener('click', function () { setFilter(c.key, c.values[i]); });
            } else e.disabled = true;
            return e;
          }

          function rowLink(i, text) {
            var a = make('a', 'rowlink', text);
            a.href = '#row/' + i;
            return a;
          }

          function summary(i) {
            var bits = [];
            cols.forEach(function (c) {
              if ((c.kind === 'category' || c.kind === 'number') && value(c, i) !== null) bits.push(value(c, i));
            });
            return bits.slice(0, 4).join(' · ');
          }

          function conversation(c, v) {
            var conv = make('div', 'conversation');
            for (var m = 0; m + 1 < v.length; m += 2) {
              var role = c.roles[v[m]], text = content(c, v[m + 1]);
              if (role === 'system') {
                var d = make('details', 'msg system');
                d.appendChild(make('summary', null, 'system'));
                d.appendChild(make('div', 'body', text));
                conv.appendChild(d);
              } else {
                var b = make('div', 'msg ' + role);
                b.appendChild(make('div', 'role', role));
                b.appendChild(make('div', 'body', text));
                conv.appendChild(b);
              }
            }
            return conv;
          }

          // The row a row points at (a dropped duplicate's kept example), or -1.
          function target(i) {
            for (var k in pointers) { var t = byKey[k].values[i]; if (t >= 0) return { col: byKey[k], row: t }; }
            return null;
          }

          function renderRow(i) {
            var art = make('article', 'row');
            art.dataset.row = i;
            var head = make('header');
            head.appendChild(rowLink(i, '#' + (i + 1)));
            var source = null;
            cols.forEach(function (c) {
              var v = value(c, i);
              if (c.kind === 'category') {
                var ch = chip(c, i);
                if (ch) head.appendChild(ch);
                if (c.links && c.values[i] >= 0 && c.links[c.values[i]]) source = c.links[c.values[i]];
              } else if (c.kind === 'number' && v !== null) {
                head.appendChild(make('span', 'num', c.label + ' ' + v.toLocaleString('en-US')));
              } else if (c.kind === 'pages' && v.length) {
                head.appendChild(make('span', 'num', (v.length > 1 ? 'pages ' + v[0] + '–' + v[v.length - 1] : 'page ' + v[0])));
              }
            });
            var pages = cols.filter(function (c) { return c.kind === 'pages'; })[0];
            if (source) {
              var first = pages && pages.values[i].length ? pages.values[i][0] : null;
              var a = make('a', 'source', 'open source' + (first && /\.pdf$/i.test(source) ? ' at page ' + first : ''));
              a.href = source + (first && /\.pdf$/i.test(source) ? '#page=' + first : '');
              a.target = '_blank';
              a.rel = 'noopener';
              head.appendChild(a);
            }
            art.appendChild(head);
            cols.forEach(function (c) {
              var v = value(c, i);
              if (c.kind === 'text' && v) {
                var p = make('p', 'text');
                p.appendChild(make('span', 'key', c.label + ': '));
                p.appendChild(document.createTextNode(v));
                art.appendChild(p);
              } else if (c.kind === 'conversation' && v && v.length) {
                // A row that repeats another is drawn beside it, so the two read side by side.
                var t = target(i), other = t ? value(c, t.row) : null;
                if (other && other.length) {
                  var pair = make('div', 'pair');
                  var mine = make('div', 'side');
                  mine.appendChild(make('div', 'sidehead', 'This ' + data.noun + ' #' + (i + 1)));
                  mine.appendChild(conversation(c, v));
                  var theirs = make('div', 'side other');
                  var head2 = make('div', 'sidehead');
                  head2.appendChild(document.createTextNode(t.col.label + ' '));
                  head2.appendChild(rowLink(t.row, '#' + (t.row + 1)));
                  theirs.appendChild(head2);
                  theirs.appendChild(conversation(c, other));
                  pair.appendChild(mine);
                  pair.appendChild(theirs);
                  art.appendChild(pair);
                } else art.appendChild(conversation(c, v));
              } else if (c.kind === 'row' && v >= 0) {
                var r = make('p', 'related');
                r.appendChild(make('span', 'key', c.label + ': '));
                r.appendChild(rowLink(v, '#' + (v + 1)));
                r.appendChild(document.createTextNode(' ' + summary(v)));
                art.appendChild(r);
              }
            });
            Object.keys(pointers).forEach(function (k) {
              var from = pointers[k][i];
              if (!from) return;
              var box = make('div', 'pointers');
              box.appendChild(make('span', 'key', 'Dropped as repeating this (' + from.length + '): '));
              var conv = cols.filter(function (c) { return c.kind === 'conversation'; })[0];
              from.slice(0, 20).forEach(function (j) {
                // Each drop opens in place to its own conversation (drawn when opened).
                var line = make('details', 'pointer');
                var head3 = make('summary');
                head3.appendChild(rowLink(j, '#' + (j + 1)));
                head3.appendChild(document.createTextNode(' ' + summary(j)));
                line.appendChild(head3);
                line.addEventListener('toggle', function () {
                  if (!line.open || line.childNodes.length > 1) return;
                  var v = conv ? value(conv, j) : null;
                  line.appendChild(v && v.length ? conversation(conv, v) : make('p', 'key', 'conversation not kept'));
                });
                box.appendChild(line);
              });
              art.appendChild(box);
            });
            return art;
          }

          function pager(box, pages) {
            box.textContent = '';
            if (pages <= 1) return;
            var current = Math.floor(state.at / PAGE);
            var prev = make('button', null, '‹ Previous');
            prev.type = 'button';
            prev.disabled = current === 0;
            prev.addEventListener('click', function () { go(current - 1); });
            var next = make('button', null, 'Next ›');
            next.type = 'button';
            next.disabled = current >= pages - 1;
            next.addEventListener('click', function () { go(current + 1); });
            box.appendChild(prev);
            box.appendChild(make('span', 'pageinfo', 'page ' + (current + 1) + ' of ' + pages.toLocaleString('en-US')));
            box.appendChild(next);
          }

          function go(page) { whenLoaded(function () { state.at = page * PAGE; render(); $('rows').scrollIntoView(); }); }

          function render() {
            var list = $('list');
            list.textContent = '';
            var shown = state.only !== null ? [state.only] : matches;
            var slice = shown.slice(state.at, state.at + PAGE);
            var frag = document.createDocumentFragment();
            slice.forEach(function (i) { frag.appendChild(renderRow(i)); });
            list.appendChild(frag);
            var noun = data.noun + (shown.length === 1 ? '' : 's');
            var status = state.only !== null
              ? 'Showing ' + data.noun + ' #' + (state.only + 1) + ' — Clear to see all'
              : shown.length === 0 ? 'No ' + data.noun + 's match'
              : 'Showing ' + (state.at + 1).toLocaleString('en-US') + '–' + (state.at + slice.length).toLocaleString('en-US') +
                ' of ' + shown.length.toLocaleString('en-US') + ' ' + noun +
                (shown.length < n ? ' (of ' + n.toLocaleString('en-US') + ')' : '');
            $('status').textContent = status;
            var pages = Math.ceil(shown.length / PAGE);
            pager($('pager-top'), pages);
            pager($('pager-bottom'), pages);
            syncControls();
          }

          function update() { whenLoaded(function () { state.only = null; state.at = 0; compute(); render(); }); }

          function setFilter(key, code) {
            state.filters = {};
            if (code !== null && code >= 0) state.filters[key] = code;
            update();
            $('rows').scrollIntoView();
          }

          var selects = {};
          function controls() {
            var box = $('filters');
            cols.forEach(function (c) {
              if (!c.filter) return;
              if (c.kind === 'category') {
                var counts = new Array(c.table.length).fill(0);
                c.values.forEach(function (k) { if (k >= 0) counts[k]++; });
                var order = c.table.map(function (_, k) { return k; }).sort(function (a, b) { return counts[b] - counts[a] || (c.table[a] < c.table[b] ? -1 : 1); });
                var s = make('select');
                s.id = 'filter-' + c.key;
                s.setAttribute('aria-label', c.label);
                s.appendChild(new Option(c.label + ': all', ''));
                order.forEach(function (k) { s.appendChild(new Option(c.label + ': ' + c.table[k] + ' (' + counts[k] + ')', String(k))); });
                s.addEventListener('change', function () {
                  if (s.value === '') delete state.filters[c.key]; else state.filters[c.key] = Number(s.value);
                  update();
                });
                selects[c.key] = s;
                box.appendChild(s);
              } else if (c.kind === 'pages') {
                var p = make('input');
                p.id = 'filter-' + c.key;
                p.type = 'number';
                p.min = '1';
                p.placeholder = 'page';
                p.setAttribute('aria-label', 'Page');
                p.addEventListener('input', function () { state.page = p.value === '' ? null : Number(p.value); update(); });
                box.appendChild(p);
              }
            });
            var sort = $('sort');
            sort.appendChild(new Option('File order', ''));
            cols.forEach(function (c) {
              if (c.kind === 'row') sort.appendChild(new Option('File order, each drop beside the example it repeats', 'beside'));
            });
            cols.forEach(function (c) {
              if (c.kind !== 'number') return;
              sort.appendChild(new Option('Most ' + c.label.toLowerCase() + ' first', c.key + ':desc'));
              sort.appendChild(new Option('Fewest ' + c.label.toLowerCase() + ' first', c.key + ':asc'));
            });
            sort.addEventListener('change', function () { state.sort = sort.value; update(); });
            var timer = null;
            $('search').addEventListener('input', function () {
              clearTimeout(timer);
              timer = setTimeout(function () { state.search = $('search').value; update(); }, 150);
            });
            $('clear').addEventListener('click', function () {
              state.search = ''; state.filters = {}; state.page = null; state.sort = '';
              $('search').value = '';
              var p = document.querySelector('#filters input');
              if (p) p.value = '';
              $('sort').value = '';
              if (location.hash.indexOf('#filter/') === 0 || location.hash.indexOf('#row/') === 0) history.replaceState(null, '', '#rows');
              update();
            });
          }

          function syncControls() {
            Object.keys(selects).forEach(function (k) {
              selects[k].value = state.filters[k] === undefined ? '' : String(state.filters[k]);
            });
          }

          function route() { whenLoaded(routeNow); }
          function routeNow() {
            var h = location.hash, m;
            if ((m = /^#filter\/([^/]+)\/(.*)$/.exec(h))) {
              var c = byKey[decodeURIComponent(m[1])];
              if (!c || c.kind !== 'category') return;
              var code = c.table.indexOf(decodeURIComponent(m[2]));
              state.search = ''; $('search').value = '';
              setFilter(c.key, code);
            } else if ((m = /^#row\/(\d+)$/.exec(h))) {
              var i = Number(m[1]);
              if (i >= n) return;
              state.only = i; state.at = 0;
              render();
              $('rows').scrollIntoView();
            }
          }

          controls();
          compute();
          render();
          // When the first page was drawn (from navigation start), and how long parsing the columns took.
          document.body.dataset.firstRowsMs = String(Math.round(performance.now()));
          document.body.dataset.scriptStartMs = String(Math.round(started));
          document.body.dataset.parseMs = String(Math.round(parsed - started));
          window.addEventListener('hashchange', route);
          if (location.hash) route();
          function ready() {
            loaded = true;
            waiting.splice(0).forEach(function (fn) { fn(); });
            // When the whole page was read and every control works.
            document.body.dataset.readyMs = String(Math.round(performance.now()));
            document.body.dataset.ready = 'true';
          }
          if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
          else ready();
        })();
        """#
}
