// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The HTML report's style sheet and script, inlined into every page (no file, font or library is fetched).
// Colours: the desktop app's marker hues (app/gui/source/annotationpalette.cpp: hue and saturation say what a
// group is, lightness 112/255 on a light background), tints and note backgrounds mixed from them.

#include "reporthtmlparts.h"

namespace heapsight::html {

const std::string_view kPageCss = R"css(
:root{--moved:hsl(354 73% 44%);--escapes:hsl(28 84% 44%);--leaks:hsl(278 59% 44%);--stack:hsl(140 55% 44%);
--inlining:hsl(208 67% 44%);--other:#858b96;--text:#1d2230;--muted:#6b7280;--base:#fff;--page:#f4f5f8;
--gutter:#f7f8fa;--line:#e2e5ea;--accent:#3b6fd8;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
color:var(--text);background:var(--page)}
code,pre{font-family:"DejaVu Sans Mono",ui-monospace,Menlo,Consolas,monospace}
h2{font-size:15px;margin:22px 0 10px;font-weight:600}
.muted{color:var(--muted)}
header.top{display:flex;align-items:center;gap:18px;height:46px;padding:0 18px;background:#1f2430;color:#e9ecf2}
.brand{display:flex;align-items:center;gap:8px;font-weight:700;font-size:16px;letter-spacing:.2px}
.brand .mk{width:12px;height:12px}
header .title{font-weight:500;opacity:.92;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
header .meta{margin-left:auto;opacity:.7;font-size:13px;white-space:nowrap}
.layout{display:grid;grid-template-columns:240px minmax(0,1fr) 400px;height:calc(100vh - 46px)}
.layout>*{overflow:auto;min-height:0}
nav.side{background:var(--base);border-right:1px solid var(--line);padding:4px 0 20px}
nav.side h2{margin:10px 14px 6px;font-size:12px;text-transform:uppercase;letter-spacing:.6px;color:var(--muted)}
nav .pkgname{margin:10px 14px 2px;font-size:12px;color:var(--muted);overflow-wrap:anywhere}
nav .pkgname em{font-style:normal;opacity:.75}
nav a{display:flex;align-items:center;gap:4px;padding:3px 14px 3px 22px;color:var(--text);text-decoration:none;
font-size:13px}
nav a span:first-child{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
nav a:hover{background:#eef2fb}
main{padding:4px 22px 30px}
aside#why{background:var(--base);border-left:1px solid var(--line);padding:0 18px 24px}
aside#why h2{margin:14px 0 8px}
.g-moved{--c:var(--moved)}.g-escapes{--c:var(--escapes)}.g-leaks{--c:var(--leaks)}.g-stack{--c:var(--stack)}
.g-inlining{--c:var(--inlining)}.g-other{--c:var(--other)}
.mk{display:inline-block;flex:none;width:10px;height:10px;background:var(--c);vertical-align:-1px;margin-right:5px}
.mk.g-moved{border-radius:50%}
.mk.g-escapes{transform:rotate(45deg) scale(.78);border-radius:1px}
.mk.g-leaks{clip-path:polygon(12% 0,100% 50%,12% 100%)}
.mk.g-stack{background:none;border:2px solid var(--c);border-radius:50%}
.mk.g-inlining{border-radius:2px;transform:scale(.82)}
.mk.g-other{border-radius:50%;transform:scale(.55)}
.mk.path{background:none;border:1.5px solid var(--c);border-radius:50%;transform:scale(.62);clip-path:none}
.badge{display:inline-block;min-width:20px;padding:0 5px;border-radius:9px;font-size:11px;font-weight:600;
text-align:center;background:color-mix(in srgb,var(--c) 14%,white);color:color-mix(in srgb,var(--c) 80%,black);
margin-left:3px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(88px,1fr));gap:8px;margin:16px 0 12px}
.card{background:var(--base);border:1px solid var(--line);border-radius:8px;padding:7px 12px}
.card b{display:block;font-size:22px;font-weight:650}
.card span{color:var(--muted);font-size:12px;line-height:1.25;display:block}
.card.g-moved b{color:var(--moved)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:6px 0 8px;color:var(--muted)}
.chip{display:inline-flex;align-items:center;gap:2px;background:var(--base);border:1px solid var(--line);
border-radius:14px;padding:2px 10px 2px 6px;color:var(--text);cursor:pointer;user-select:none;font-size:13px}
.chip input{margin:0 6px 0 0}
.chip b{color:var(--muted);font-weight:500;margin-left:4px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:12px;margin-top:10px;
align-items:start}
figure.chart{margin:0;background:var(--base);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
figcaption{font-weight:600;font-size:13px;margin-bottom:6px}
svg{width:100%;height:auto;display:block;font:12px system-ui,"DejaVu Sans",sans-serif}
svg .label{text-anchor:end;dominant-baseline:middle;fill:var(--text)}
svg .value{dominant-baseline:middle;fill:var(--muted)}
svg rect{fill:var(--c)}
table{border-collapse:collapse;width:100%;background:var(--base);border:1px solid var(--line);border-radius:8px;
font-size:13px}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;background:var(--gutter);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#c3c7cf}
td.total{font-weight:600}
td.pos{white-space:nowrap;color:var(--muted)}
tr.pick{cursor:pointer}
tr.pick:hover,tr.pick.sel{background:#eef2fb}
table.findings code{white-space:pre-wrap;overflow-wrap:anywhere}
details.file{background:var(--base);border:1px solid var(--line);border-radius:8px;margin:0 0 12px}
details.file>summary{display:flex;align-items:center;gap:8px;padding:8px 12px;cursor:pointer;
border-bottom:1px solid var(--line);font-weight:600}
details.file:not([open])>summary{border-bottom:0}
summary .pkg{color:var(--muted);font-weight:400;font-size:12.5px;margin-right:auto}
.nosource{margin:8px 12px;color:var(--muted)}
.src{font:12.5px/1.6 "DejaVu Sans Mono",ui-monospace,Menlo,Consolas,monospace;overflow-x:auto;padding:4px 0}
.l{display:flex;white-space:pre;min-width:max-content}
.l .n{flex:none;width:46px;text-align:right;padding-right:8px;color:#9aa0aa;background:var(--gutter);
user-select:none}
.l .gm{flex:none;display:flex;align-items:center;width:36px;padding-left:5px;background:var(--gutter);
border-right:1px solid var(--line);overflow:hidden}
.l .gm .mk{width:9px;height:9px;margin-right:2px}
.l code{font:inherit;padding:0 10px;tab-size:4}
.l.marked{cursor:pointer}
.note{align-self:center;margin-left:18px;padding:0 8px;border-radius:4px;font-size:11.5px;line-height:1.55;
cursor:pointer;background:color-mix(in srgb,var(--c) 13%,white);color:color-mix(in srgb,var(--c) 70%,black)}
.note b{margin-left:6px;font-weight:600;opacity:.75}
body:not(.hide-other) .l.t-other{background:color-mix(in srgb,var(--other) 8%,white)}
body:not(.hide-inlining) .l.t-inlining{background:color-mix(in srgb,var(--inlining) 8.5%,white)}
body:not(.hide-stack) .l.t-stack{background:color-mix(in srgb,var(--stack) 8.5%,white)}
body:not(.hide-leaks) .l.t-leaks{background:color-mix(in srgb,var(--leaks) 8.5%,white)}
body:not(.hide-escapes) .l.t-escapes{background:color-mix(in srgb,var(--escapes) 8.5%,white)}
body:not(.hide-moved) .l.t-moved{background:color-mix(in srgb,var(--moved) 8.5%,white)}
.hide-moved :is(.src,nav,summary,.file) .g-moved,.hide-escapes :is(.src,nav,summary,.file) .g-escapes,
.hide-leaks :is(.src,nav,summary,.file) .g-leaks,.hide-stack :is(.src,nav,summary,.file) .g-stack,
.hide-inlining :is(.src,nav,summary,.file) .g-inlining,.hide-other :is(.src,nav,summary,.file) .g-other{display:none}
.l.sel{box-shadow:inset 3px 0 0 var(--accent);background:#e6edfb!important}
.kw{color:#8250df;font-weight:600}.pd{color:#0b6fa4}.st{color:#0a7d3a}.nu{color:#b35900}.cm{color:#7d8591;
font-style:italic}
footer{margin-top:18px;color:var(--muted);font-size:12px}
#why-body article{border-top:1px solid var(--line);padding:12px 0 6px}
#why-body article:first-child{border-top:0}
#why-body .head{display:flex;align-items:baseline;gap:2px}
#why-body .msg{font-weight:600;overflow-wrap:anywhere}
#why-body .meta{color:var(--muted);font-size:12.5px;margin:2px 0 8px 15px;overflow-wrap:anywhere}
#why-body h3{font-size:13px;margin:14px 0 6px;color:var(--muted);font-weight:600}
#why-body h4{font-size:13px;margin:14px 0 4px}
#why-body p{margin:6px 0}
.flowpath{background:color-mix(in srgb,var(--c) 11%,white);border-radius:6px;padding:7px 10px;margin:8px 0 4px;
line-height:1.9}
.flowpath code{background:var(--base);border:1px solid var(--line);border-radius:4px;padding:1px 5px;font-size:12px}
.flowpath code.heap{color:var(--moved);font-weight:700;border-color:color-mix(in srgb,var(--moved) 40%,white)}
.flowpath .arrow{margin:0 5px;color:var(--muted)}
.flowpath .via{color:var(--muted);font-size:12px;margin-left:4px}
ol.steps{margin:4px 0 4px 0;padding-left:24px;font-size:13px}
ol.steps li{margin:2px 0}
ol.steps code{margin:0 6px;font-size:12px;overflow-wrap:anywhere}
ol.steps .at{color:var(--muted);font-size:12px}
pre.chain{background:#f6f7f9;border:1px solid var(--line);border-radius:6px;padding:8px 10px;font-size:11.5px;
white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
details.chain summary{cursor:pointer;color:var(--muted);font-size:12.5px}
.plain p{font-size:13px}
.plain .tip{color:var(--muted)}
.help{background:#f1f6ee;border-left:3px solid var(--stack);padding:6px 10px;border-radius:4px}
.cause{font-size:13.5px}
@media (max-width:1100px){.layout{grid-template-columns:200px minmax(0,1fr) 320px}}
)css";

const std::string_view kPageScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('heapsight-data').textContent);
  var byId = new Map();
  data.findings.forEach(function (f) { byId.set(f.i, f); });
  var why = document.getElementById('why-body');
  var selected = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function add(parent) {
    for (var k = 1; k < arguments.length; ++k) {
      var c = arguments[k];
      parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function locChip(name) {
    return name === '{heap}' ? el('code', 'heap', 'heap') : el('code', null, name);
  }
  // An explanation as a path: each flow from its source to its destination, a new row where the chain breaks.
  function flowPath(x, group) {
    var p = el('div', 'flowpath g-' + group);
    var previous = null;
    x.flows.forEach(function (flow) {
      if (previous !== flow.s) {
        if (previous !== null) add(p, el('br'));
        add(p, locChip(flow.s));
      }
      add(p, el('span', 'arrow', '\u2192'), locChip(flow.d));
      var words = flow.st.map(function (s) { return s[0]; });
      if (flow.o && flow.o !== '&') words.unshift('via ' + flow.o + flow.s);
      if (words.length) add(p, el('span', 'via', '(' + words.join(', ') + ')'));
      previous = flow.d;
    });
    if (!x.leak && previous !== '{heap}') add(p, el('span', 'arrow', '\u2192'), locChip('{heap}'));
    return p;
  }
  function findingCard(f) {
    var kind = data.kinds[f.k];
    var card = el('article', 'g-' + f.g);
    card.dataset.fid = f.i;
    add(card, add(el('div', 'head'), el('i', 'mk g-' + f.g), el('code', 'msg', f.m)));
    add(card, el('div', 'meta', [kind[0], f.p, f.pkg || '', f.gen ? 'generated code' : '']
      .filter(Boolean).join(' \u00b7 ')));
    add(card, el('p', 'meaning', kind[1]));
    var cause = f.c ? data.causes[f.c] : null;
    var specific = cause && f.c !== 'unexplained' && f.c !== 'other-flow';
    if (specific) add(card, add(el('p', 'cause'), el('b', null, 'Cause: '), cause[0]));
    var words = [];
    (f.x || []).forEach(function (x) {
      add(card, el('h3', null, x.leak ? 'How ' + x.subject + ' leaks to ' + (x.target === '{heap}' ? 'the heap' : x.target)
        : 'How ' + x.subject + ' reaches the heap'));
      add(card, flowPath(x, f.g));
      var steps = el('ol', 'steps');
      x.flows.forEach(function (flow) {
        flow.st.forEach(function (s) {
          add(steps, add(el('li'), el('b', null, s[0]), el('code', null, s[1]), el('span', 'at', s[2])));
          if (words.indexOf(s[0]) < 0) words.push(s[0]);
        });
      });
      if (steps.firstChild) add(card, steps);
      if (x.truncated) add(card, el('p', 'muted', 'The compiler cut this explanation short (assignment cycle).'));
    });
    if (f.chain) {
      var printed = el('details', 'chain');
      printed.open = true;
      add(card, add(printed, el('summary', null, 'As the compiler printed it'), el('pre', 'chain', f.chain.join('\n'))));
    } else if (f.g === 'moved' || f.g === 'escapes' || f.g === 'leaks') {
      add(card, el('p', 'muted', data.explained
        ? 'The compiler printed no explanation for this verdict, though it explained others in this build.'
        : 'This report has no explanations: it was built without -gcflags=-m=2.'));
    }
    if (words.length) {
      var plain = add(el('div', 'plain'), el('h4', null, 'The steps in plain words'));
      words.forEach(function (w) {
        var r = data.reasons[w];
        var p = add(el('p'), el('b', null, w), ' \u2014 ' + (r ? r[0] : 'a step Heapsight does not describe yet.'));
        if (r) add(p, el('br'), add(el('span', 'tip'), el('i', null, 'Tip: '), r[1]));
        add(plain, p);
      });
      add(card, plain);
    }
    add(card, add(el('p', 'help'), el('b', null, 'What usually helps: '), specific ? cause[1] : kind[2]));
    return card;
  }
  function select(nodes) {
    selected.forEach(function (n) { n.classList.remove('sel'); });
    selected = nodes.filter(Boolean);
    selected.forEach(function (n) { n.classList.add('sel'); });
  }
  function show(ids, through) {
    why.replaceChildren();
    ids.forEach(function (id) { if (byId.has(id)) add(why, findingCard(byId.get(id))); });
    if (through && through.length) {
      add(why, el('h3', null, ids.length ? 'This line is also a step on the path of' : 'This line is a step on the path of'));
      through.forEach(function (id) { if (byId.has(id)) add(why, findingCard(byId.get(id))); });
    }
    why.parentElement.scrollTop = 0;
  }
  function numbers(text) {
    return (text || '').split(' ').filter(Boolean).map(Number);
  }
  function openFinding(id, scroll) {
    var f = byId.get(id);
    if (!f) return false;
    var chip = document.querySelector('input[data-group="' + f.g + '"]');
    if (chip && !chip.checked) { chip.checked = true; document.body.classList.remove('hide-' + f.g); }
    show([id]);
    var file = f.sec >= 0 ? document.getElementById('file-' + f.sec) : null;
    if (file) file.open = true;
    var line = document.getElementById('L' + f.sec + '-' + f.line);
    var row = line ? null : document.querySelector('#file-' + f.sec + ' tr[data-fid="' + id + '"]');
    select([line, row]);
    if (scroll && (line || row)) (line || row).scrollIntoView({ block: 'center' });
    return true;
  }
  function fromHash() {
    var hash = window.location.hash;
    var m = /^#finding=(\d+)$/.exec(hash);
    if (m) {
      openFinding(Number(m[1]), true);
    } else if (/^#file-\d+$/.test(hash)) {
      var file = document.getElementById(hash.slice(1));
      file.open = true; // a file listed closed (no heap findings) opens when the side list points at it
      file.scrollIntoView();
    }
  }
  document.addEventListener('click', function (e) {
    var target = e.target.closest('[data-fid]');
    if (target && !target.closest('#why')) {
      history.replaceState(null, '', '#finding=' + target.dataset.fid);
      openFinding(Number(target.dataset.fid), !target.classList.contains('note'));
      return;
    }
    var line = e.target.closest('.l.marked');
    if (line) {
      select([line]);
      show(numbers(line.dataset.f), numbers(line.dataset.t));
    }
  });
  document.querySelectorAll('input[data-group]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.dataset.group, !box.checked);
    });
  });
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
)js";

} // namespace heapsight::html
