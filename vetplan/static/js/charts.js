// The ECharts charts of the indicator pages, drawn from the data the page carries in a json_script
// element (no inline script: the Content-Security-Policy allows scripts from /static/ only).
(function () {
  var STATUS_COLOURS = ["#2e7d32", "#1565c0", "#f9a825", "#c62828", "#9e9e9e"];

  function data(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // 目标状态分布 on the dashboard: one bar per status, in the status colours.
  function statusChart(box, d) {
    echarts.init(box).setOption({
      tooltip: {}, xAxis: {type: "category", data: d.labels}, yAxis: {type: "value", minInterval: 1},
      series: [{type: "bar", data: d.counts.map(function (n, i) { return {value: n, itemStyle: {color: STATUS_COLOURS[i]}}; })}]
    });
  }

  // A target's page: actual values, the projection, provisional years and the goal line(s).
  function targetChart(box, d) {
    var years = d.series.concat(d.projection).concat(d.pending).map(function (p) { return p[0]; });
    if (d.deadline) years.push(d.deadline);
    var first = Math.min.apply(null, years), last = Math.max.apply(null, years);
    var goalLines = [{yAxis: d.goal, name: "目标"}];
    if (d.goal_max !== null) goalLines.push({yAxis: d.goal_max, name: "目标上限"});
    echarts.init(box).setOption({
      tooltip: {trigger: "axis"}, legend: {data: ["实际值", "预测", "暂定"]},
      xAxis: {type: "value", min: first, max: last, interval: 1, axisLabel: {formatter: function (v) { return String(v); }}},
      yAxis: {type: "value", name: d.unit, scale: true},
      series: [
        {name: "实际值", type: "line", data: d.series, markLine: {symbol: "none", label: {formatter: "目标 {c}"}, lineStyle: {color: "#2e7d32"}, data: goalLines}},
        {name: "预测", type: "line", data: d.projection, lineStyle: {type: "dashed"}, symbol: "none"},
        {name: "暂定", type: "scatter", data: d.pending, symbol: "emptyCircle", symbolSize: 10}
      ]
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) return;
    var charts = [["status-chart", "status-data", statusChart], ["target-chart", "target-data", targetChart]];
    charts.forEach(function (chart) {
      var box = document.getElementById(chart[0]), d = data(chart[1]);
      if (box && d) chart[2](box, d);
    });
  });
})();
