/* Draws the dashboard's charts with the vendored ECharts from the data the page embeds
   (json_script "dashboard-data"). The tables under the charts are the same numbers; once
   a chart is drawn its table folds away, and without JavaScript nothing here runs and the
   tables stay open.
   Every string in a chart is data (unit names, target text): tooltips are built as DOM
   text nodes, never as HTML, and everything else ECharts draws on the canvas. */
(function () {
  "use strict";

  var FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif';
  var TEXT = "#1f2329", MUTED = "#5b6472", LINE = "#d6dbe3";
  var BLUE = "#1d4f91", GREEN = "#1a7f37", RED = "#c0262d";
  var drawn = [];

  function percent(value) { return value + "%"; }
  function plain(value) { return String(value); }

  // A tooltip from lines of text: each line is a text node, so "<img …>" in a unit's name
  // shows as those characters. A line may start with a colour swatch.
  function tooltip(lines) {
    var box = document.createElement("div");
    lines.forEach(function (line, index) {
      if (index) { box.appendChild(document.createElement("br")); }
      if (line.colour) {
        var swatch = document.createElement("span");
        swatch.className = "chart-swatch";
        swatch.style.backgroundColor = line.colour;
        box.appendChild(swatch);
      }
      box.appendChild(document.createTextNode(line.text === undefined ? line : line.text));
    });
    return box;
  }

  // The axis tooltip: the category, then one line per series, each value in its format.
  function axisTooltip(formats) {
    return function (items) {
      var lines = [String(items[0].axisValueLabel)];
      items.forEach(function (item) {
        if (item.value === null || item.value === undefined) { return; }  // not on this line
        var format = (formats && formats[item.seriesIndex]) || plain;
        lines.push({ colour: item.color, text: item.seriesName + "：" + format(item.value) });
      });
      return tooltip(lines);
    };
  }

  function draw(name, option, height) {
    var box = document.querySelector('[data-chart="' + name + '"]');
    if (!box || !window.echarts) { return; }
    box.hidden = false;
    var group = box.closest(".chart-pair");
    if (group) { group.hidden = false; }
    if (height) { box.style.height = height + "px"; }
    var chart = window.echarts.init(box, null, { renderer: "canvas" });
    option.textStyle = { fontFamily: FONT, color: TEXT };
    option.animation = false;
    chart.setOption(option);
    drawn.push(chart);
    var details = box.closest(".card").querySelector("details.chart-table");
    if (details) { details.open = false; }
  }

  function categoryAxis(names, width) {
    return {
      type: "category", data: names, inverse: true,
      axisLabel: { color: TEXT, width: width, overflow: "truncate" },
      axisLine: { lineStyle: { color: LINE } }, axisTick: { show: false }
    };
  }

  function percentAxis() {
    return {
      type: "value", min: 0, max: 100,
      axisLabel: { formatter: "{value}%", color: MUTED },
      splitLine: { lineStyle: { color: "#eef1f5" } }
    };
  }

  function chapters(data) {
    if (!data.categories.length) { return; }
    draw("chapters", {
      color: data.series.map(function (s) { return s.colour; }),
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: axisTooltip() },
      legend: { top: 0, textStyle: { color: TEXT } },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { color: MUTED },
        splitLine: { lineStyle: { color: "#eef1f5" } } },
      yAxis: categoryAxis(data.categories, 150),
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", stack: "status", barMaxWidth: 26, data: s.data,
          label: { show: true, color: "#fff", formatter: function (p) { return p.value || ""; } } };
      })
    }, Math.max(220, 42 * data.categories.length + 60));
  }

  function unitBars(name, units, colour) {
    if (!units.length) { return; }
    draw(name, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: function (items) {
        var unit = units[items[0].dataIndex];
        return tooltip([unit.name, "完成率：" + percent(unit.rate), "逾期未报：" + unit.late + " 份"]);
      } },
      grid: { left: 8, right: 110, top: 8, bottom: 8, containLabel: true },
      xAxis: percentAxis(),
      yAxis: categoryAxis(units.map(function (u) { return u.name; }), 130),
      series: [{ type: "bar", barMaxWidth: 18, itemStyle: { color: colour },
        data: units.map(function (u) { return u.rate; }),
        label: { show: true, position: "right", color: TEXT, formatter: function (p) {
          var unit = units[p.dataIndex];
          return percent(unit.rate) + (unit.late ? "（逾期" + unit.late + "）" : "");
        } } }]
    }, Math.max(200, 28 * units.length + 30));
  }

  function counties(data) {
    if (!data.names.length) { return; }
    draw("counties", {
      color: [GREEN, RED],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
        formatter: axisTooltip([percent, function (v) { return v + " 份"; }]) },
      legend: { top: 0, textStyle: { color: TEXT } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.names,
        axisLabel: { color: TEXT, interval: 0, rotate: data.names.length > 6 ? 30 : 0 } },
      yAxis: [percentAxis(), { type: "value", name: "份", minInterval: 1, position: "right",
        axisLabel: { color: MUTED }, splitLine: { show: false } }],
      series: [
        { name: "完成率", type: "bar", barMaxWidth: 28, data: data.rates },
        { name: "逾期未报", type: "bar", barMaxWidth: 28, yAxisIndex: 1, data: data.late }
      ]
    }, 300);
  }

  function heatmap(data) {
    if (!data) { return; }
    var statuses = data.statuses;
    var box = document.querySelector('[data-chart="heatmap"]');
    // Target labels get at most two fifths of the chart's width (a phone shows less).
    var width = box ? box.parentNode.clientWidth : 800;
    var labelWidth = Math.min(260, Math.round(width * 0.4));
    // Status words in the cells only where a cell is wide enough to hold them; 暂无数据
    // (the last status) is written dark on its pale grey.
    var wordy = (width - labelWidth) / data.years.length >= 64;
    var noData = statuses.length - 1;
    var points = data.points.map(function (p) {
      return { value: p, label: { color: p[2] === noData ? MUTED : "#fff" } };
    });
    draw("heatmap", {
      tooltip: { formatter: function (p) {
        return tooltip([data.targets[p.value[1]], data.years[p.value[0]] + "：" + statuses[p.value[2]].name]);
      } },
      grid: { left: 8, right: 8, top: 8, bottom: 44, containLabel: true },
      xAxis: { type: "category", data: data.years, position: "top", splitArea: { show: true },
        axisLabel: { color: TEXT } },
      yAxis: { type: "category", data: data.targets, inverse: true, splitArea: { show: true },
        axisLabel: { color: TEXT, width: labelWidth, overflow: "truncate" } },
      visualMap: { type: "piecewise", orient: "horizontal", left: "center", bottom: 4,
        pieces: statuses.map(function (s, i) { return { value: i, label: s.name, color: s.colour }; }),
        textStyle: { color: TEXT } },
      series: [{ type: "heatmap", data: points, itemStyle: { borderColor: "#fff", borderWidth: 2 },
        label: { show: wordy, fontSize: 11, formatter: function (p) { return statuses[p.value[2]].name; } } }]
    }, Math.max(180, 30 * data.targets.length + 90));
  }

  // Closed periods draw the two rate lines. A period still open (due date not passed) is
  // off those lines: a hollow point at its share so far, dashed, labelled 进行中.
  function trend(data) {
    if (!data.periods.length) { return; }
    var many = data.periods.length > 12;
    function openSeries(name, values, colour) {
      return { name: name + "（" + data.openLabel + "）", type: "line", data: values,
        symbol: "emptyCircle", symbolSize: 10, color: colour,
        lineStyle: { type: "dashed", color: colour }, itemStyle: { color: colour, borderType: "dashed" },
        label: { show: true, position: "top", color: MUTED,
          formatter: function (p) { return data.openLabel + " " + percent(p.value); } } };
    }
    draw("trend", {
      color: [BLUE, GREEN, BLUE, GREEN],
      tooltip: { trigger: "axis", formatter: axisTooltip([percent, percent, percent, percent]) },
      legend: { top: 0, textStyle: { color: TEXT } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.periods,
        axisLabel: { color: TEXT, rotate: data.periods.length > 8 ? 30 : 0 } },
      yAxis: percentAxis(),
      series: [
        { name: "按时报送率", type: "line", data: data.onTime, symbol: "circle", symbolSize: 7,
          label: { show: !many, formatter: function (p) { return percent(p.value); } } },
        { name: "任务完成率", type: "line", data: data.done, symbol: "circle", symbolSize: 7 },
        openSeries("按时报送", data.openOnTime, BLUE),
        openSeries("任务完成", data.openDone, GREEN)
      ]
    }, 300);
  }

  function start() {
    var source = document.getElementById("dashboard-data");
    if (!source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    chapters(data.chapters);
    unitBars("units-top", data.units.top, GREEN);
    unitBars("units-bottom", data.units.bottom, RED);
    counties(data.counties);
    heatmap(data.heatmap);
    trend(data.trend);
    window.addEventListener("resize", function () {
      drawn.forEach(function (chart) { chart.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
