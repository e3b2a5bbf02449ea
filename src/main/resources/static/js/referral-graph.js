// The operator's invitation graph (邀请关系图): fetches /api/admin/referrals/{id}/graph and draws it with ECharts.
// The member sits in the centre, their referrer and the referrer's referrer straight above, level-1 invitees on a ring
// below and level-2 invitees on an outer ring next to whoever invited them. Clicking a person re-centres on them.
(function () {
  'use strict';
  var el = document.getElementById('referral-graph');
  if (!el) return;
  var d = el.dataset;
  var COLORS = { '-2': '#7c5cc4', '-1': '#9b7fe0', '0': '#f0483e', '1': '#2f6fd6', '2': '#22a06b' };
  var LABELS = { '-2': d.lUp2, '-1': d.lUp1, '0': d.lSelf, '1': d.lL1, '2': d.lL2 };

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function fail() {
    el.classList.add('ks-graph-failed');
    el.textContent = d.lFailed;
  }

  /** Positions: a radial tree with a gap at the top where the uplines are. */
  function layout(graph) {
    var index = {}, children = {}, level1 = [], position = {};
    graph.nodes.forEach(function (node, i) { index[node.id] = i; });
    graph.edges.forEach(function (edge) {
      var target = graph.nodes[index[edge.target]];
      if (target && target.level === 2) (children[edge.source] = children[edge.source] || []).push(edge.target);
    });
    graph.nodes.forEach(function (node) { if (node.level === 1) level1.push(node.id); });
    var weights = level1.map(function (id) { return Math.max(1, (children[id] || []).length); });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var level2Count = graph.nodes.filter(function (n) { return n.level === 2; }).length;
    var span = Math.min(290, Math.max(total, 1) * 40) * Math.PI / 180;
    var unit = total ? span / total : 0;
    var r1 = Math.max(100, total ? 16 / unit : 100);
    var r2 = Math.max(r1 + 90, level2Count ? 11 / unit : 0);
    position[graph.memberId] = [0, 0];
    graph.nodes.forEach(function (node) {
      if (node.level < 0) position[node.id] = [0, node.level * Math.max(90, r1 * 0.6)];
    });
    var angle = Math.PI / 2 - span / 2;
    level1.forEach(function (id, i) {
      var sector = weights[i] * unit, middle = angle + sector / 2;
      position[id] = [r1 * Math.cos(middle), r1 * Math.sin(middle)];
      (children[id] || []).forEach(function (child, j) {
        var a = angle + unit * (j + 0.5);
        position[child] = [r2 * Math.cos(a), r2 * Math.sin(a)];
      });
      angle += sector;
    });
    return { index: index, position: position, level1: level1.length, level2: level2Count };
  }

  function draw(graph) {
    var placed = layout(graph);
    var many = graph.nodes.length > 40;
    var data = graph.nodes.map(function (node) {
      var p = placed.position[node.id] || [0, 0];
      var size = node.level === 0 ? 44 : node.level < 0 ? 32 : node.level === 1 ? (placed.level1 > 60 ? 12 : 22) : (placed.level2 > 150 ? 7 : 13);
      var labelled = node.level <= 0 || (node.level === 1 && placed.level1 <= 30) || (node.level === 2 && !many);
      return {
        id: String(node.id), name: node.nickname, x: p[0], y: p[1], symbolSize: size, value: node.paidOrders, level: node.level,
        itemStyle: { color: COLORS[node.level], borderColor: '#fff', borderWidth: node.level === 0 ? 3 : 1 },
        label: { show: labelled, position: node.level === 0 ? 'bottom' : node.level < 0 ? 'right' : 'bottom',
          fontWeight: node.level === 0 ? 'bold' : 'normal', fontSize: node.level === 0 ? 13 : 11, color: '#374151' }
      };
    });
    var links = graph.edges.filter(function (e) { return e.source in placed.index && e.target in placed.index; })
      .map(function (e) { return { source: placed.index[e.source], target: placed.index[e.target] }; });
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {
        confine: true,
        formatter: function (p) {
          if (p.dataType !== 'node') return '';
          return '<b>' + escape(p.data.name) + '</b><br>' + escape(LABELS[p.data.level]) + ' · ' + escape(d.lOrders.replace('{0}', p.data.value));
        }
      },
      series: [{
        type: 'graph', layout: 'none', data: data, links: links, roam: many, draggable: false,
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 6],
        lineStyle: { color: '#c3c8d2', width: 1, opacity: 0.9 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2 } },
        left: 24, right: 24, top: 24, bottom: 30
      }]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node' && p.data.id !== String(graph.memberId)) {
        window.location.href = d.page + '?member=' + encodeURIComponent(p.data.id);
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-nodes', String(graph.nodes.length));
    el.setAttribute('data-rendered', 'true');
  }

  if (!window.echarts) { fail(); return; }
  fetch(d.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
    .then(draw)
    .catch(fail);
})();
