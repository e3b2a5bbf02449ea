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

  /**
   * Positions: a radial tree with a gap at the top where the uplines are. Each level-1 invitee gets a sector of the
   * lower ring in proportion to their own invitees (plus an even share, so people without invitees do not bunch up);
   * their invitees spread over that sector on the outer ring.
   */
  function layout(graph) {
    var index = {}, children = {}, level1 = [], position = {};
    graph.nodes.forEach(function (node, i) { index[node.id] = i; });
    graph.edges.forEach(function (edge) {
      var target = graph.nodes[index[edge.target]];
      if (target && target.level === 2) (children[edge.source] = children[edge.source] || []).push(edge.target);
    });
    graph.nodes.forEach(function (node) { if (node.level === 1) level1.push(node.id); });
    var level2Count = graph.nodes.filter(function (n) { return n.level === 2; }).length;
    var even = Math.max(1, level2Count / Math.max(1, level1.length));
    var weights = level1.map(function (id) { return (children[id] || []).length + even; });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var span = Math.min(290, Math.max(60, (level1.length + level2Count) * 35)) * Math.PI / 180;
    var unit = total ? span / total : 0;
    var r1 = 100, r2 = 190;
    position[graph.memberId] = [0, 0];
    graph.nodes.forEach(function (node) {
      if (node.level < 0) position[node.id] = [0, node.level * 90];
    });
    var angle = Math.PI / 2 - span / 2, gap1 = Infinity, gap2 = Infinity;
    level1.forEach(function (id, i) {
      var sector = weights[i] * unit, middle = angle + sector / 2, kids = children[id] || [];
      position[id] = [r1 * Math.cos(middle), r1 * Math.sin(middle)];
      gap1 = Math.min(gap1, r1 * sector);
      kids.forEach(function (child, j) {
        var a = angle + sector * (j + 0.5) / kids.length;
        position[child] = [r2 * Math.cos(a), r2 * Math.sin(a)];
      });
      if (kids.length) gap2 = Math.min(gap2, r2 * sector / kids.length);
      angle += sector;
    });
    // ECharts fits the bounding box of the positions into the chart keeping its proportions: a straight chain would
    // have no width at all, so two invisible corner points give the box a sensible shape
    var xs = [], ys = [];
    Object.keys(position).forEach(function (id) { xs.push(position[id][0]); ys.push(position[id][1]); });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var size = Math.max(maxX - minX, maxY - minY, 200);
    var width = Math.max(maxX - minX, size * 0.8), height = Math.max(maxY - minY, size * 0.6);
    var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    // how many pixels one unit of the layout becomes, to size the dots so that neighbours do not overlap
    var scale = Math.min((el.clientWidth - 88) / width, (el.clientHeight - 54) / height);
    return {
      index: index, position: position, corners: [[cx - width / 2, cy - height / 2], [cx + width / 2, cy + height / 2]],
      level1Size: Math.max(7, Math.min(22, gap1 * scale * 0.8)), level2Size: Math.max(4, Math.min(13, gap2 * scale * 0.8)),
      level1: level1.length, level2: level2Count
    };
  }

  function draw(graph) {
    var placed = layout(graph);
    var many = graph.nodes.length > 40;
    var data = graph.nodes.map(function (node) {
      var p = placed.position[node.id] || [0, 0];
      var size = node.level === 0 ? 44 : node.level < 0 ? 32 : node.level === 1 ? placed.level1Size : placed.level2Size;
      var labelled = node.level <= 0 || (node.level === 1 && placed.level1 <= 12) || (node.level === 2 && graph.nodes.length <= 25);
      return {
        id: String(node.id), name: node.nickname, x: p[0], y: p[1], symbolSize: size, value: node.paidOrders, level: node.level,
        itemStyle: { color: COLORS[node.level], borderColor: '#fff', borderWidth: node.level === 0 ? 3 : 1 },
        label: { show: labelled, position: node.level === 0 ? 'bottom' : node.level < 0 ? 'right' : 'bottom',
          fontWeight: node.level === 0 ? 'bold' : 'normal', fontSize: node.level === 0 ? 13 : 11, color: '#374151' }
      };
    });
    placed.corners.forEach(function (p, i) {
      data.push({ id: 'corner-' + i, name: '', x: p[0], y: p[1], symbolSize: 0, corner: true, label: { show: false },
        itemStyle: { opacity: 0 }, tooltip: { show: false }, emphasis: { disabled: true } });
    });
    var links = graph.edges.filter(function (e) { return e.source in placed.index && e.target in placed.index; })
      .map(function (e) { return { source: placed.index[e.source], target: placed.index[e.target] }; });
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {
        confine: true,
        formatter: function (p) {
          if (p.dataType !== 'node' || p.data.corner) return '';
          return '<b>' + escape(p.data.name) + '</b><br>' + escape(LABELS[p.data.level]) + ' · ' + escape(d.lOrders.replace('{0}', p.data.value));
        }
      },
      series: [{
        type: 'graph', layout: 'none', data: data, links: links, roam: many, draggable: false,
        edgeSymbol: ['none', many ? 'none' : 'arrow'], edgeSymbolSize: [0, 6],
        lineStyle: { color: '#c3c8d2', width: 1, opacity: 0.9 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2 } },
        left: 44, right: 44, top: 24, bottom: 30
      }]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node' && !p.data.corner && p.data.id !== String(graph.memberId)) {
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
