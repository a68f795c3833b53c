/// The page's stylesheet: system fonts only, light and dark, readable printed.
enum ReportStyle {
    static let css = #"""
        :root { --fg: #1d2330; --muted: #5b6473; --bg: #f6f7f9; --card: #fff; --line: #dde1e7; --s0: #3b6fd4;
          --s1: #e08a2e; --before: #c9d3e6; --warn: #b3261e; --user: #eef3fc; --assistant: #f1f8ef; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e4e7ec; --muted: #9aa3b2; --bg: #14171c; --card: #1d2128;
          --line: #343a44; --before: #3a4660; --user: #1e2838; --assistant: #1f2b22; --warn: #ff8a80; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
          background: var(--bg); }
        header { padding: 16px 24px 8px; border-bottom: 1px solid var(--line); background: var(--card); position: sticky;
          top: 0; z-index: 2; }
        h1 { font-size: 20px; margin: 0; }
        .subtitle { margin: 2px 0 6px; color: var(--muted); }
        nav a { margin-right: 14px; color: var(--s0); text-decoration: none; font-weight: 600; }
        main { padding: 8px 24px 48px; max-width: 1280px; }
        section { margin-top: 18px; scroll-margin-top: 90px; }
        h2 { font-size: 17px; margin: 8px 0; }
        h3 { font-size: 14px; margin: 0 0 6px; }
        .items { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
        .box { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .facts { min-width: 240px; }
        .facts table { border-collapse: collapse; }
        .facts th { text-align: left; font-weight: normal; color: var(--muted); padding: 1px 14px 1px 0; vertical-align: top;
          white-space: pre; }
        .facts td { font-variant-numeric: tabular-nums; padding: 1px 0; overflow-wrap: anywhere; }
        .facts tr.warn td, .facts tr.warn th { color: var(--warn); }
        .chart { flex: 1 1 560px; max-width: 640px; }
        .chart.wide { max-width: 820px; flex-basis: 760px; }
        svg { width: 100%; height: auto; font: 11px system-ui, sans-serif; fill: var(--fg); }
        svg .title { font-weight: 600; font-size: 13px; }
        svg .label { text-anchor: end; }
        svg .s0 { fill: var(--s0); } svg .s1 { fill: var(--s1); } svg .before { fill: var(--before); }
        svg .before-text { fill: var(--muted); }
        svg .legend { text-anchor: end; fill: var(--muted); } svg .legend-left { fill: var(--muted); }
        svg .marker { stroke: var(--warn); stroke-dasharray: 4 3; stroke-width: 1.5; }
        svg .marker-label { fill: var(--warn); text-anchor: middle; }
        svg .limit-note { fill: var(--warn); text-anchor: end; }
        svg .axis { stroke: var(--muted); } svg .tick { fill: var(--muted); }
        svg a .bar:hover rect { opacity: .75; } svg a { cursor: pointer; }
        .note { color: var(--muted); margin: 4px 0; flex-basis: 100%; }
        .controls { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; position: sticky; top: 78px; z-index: 1;
          background: var(--bg); padding: 6px 0; }
        .controls input, .controls select, .controls button, .pager button { font: inherit; padding: 4px 6px;
          border: 1px solid var(--line); border-radius: 5px; background: var(--card); color: var(--fg); max-width: 260px; }
        #search { width: 280px; } #filters { display: contents; } #filters input { width: 80px; }
        .status { color: var(--muted); margin: 6px 0; }
        .pager { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
        .row { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
        .row header { position: static; padding: 0 0 6px; border: 0; display: flex; flex-wrap: wrap; gap: 6px;
          align-items: center; background: none; }
        .chip { font: inherit; font-size: 12px; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px;
          background: var(--bg); color: var(--fg); cursor: pointer; max-width: 420px; overflow: hidden; text-overflow: ellipsis;
          white-space: nowrap; }
        .chip:disabled { cursor: default; }
        .num { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
        .rowlink { font-weight: 600; color: var(--s0); }
        .source { margin-left: auto; color: var(--s0); font-weight: 600; }
        .conversation { display: flex; flex-direction: column; gap: 4px; }
        .msg { border-radius: 6px; padding: 4px 8px; background: var(--bg); }
        .msg .role { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .msg .body { white-space: pre-wrap; overflow-wrap: anywhere; }
        .msg.user { background: var(--user); } .msg.assistant { background: var(--assistant); }
        .msg.system summary { font-size: 11px; text-transform: uppercase; color: var(--muted); cursor: pointer; }
        .text, .related { margin: 4px 0; } .key { color: var(--muted); }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
        .side.other { opacity: .85; } .sidehead { font-size: 12px; color: var(--muted); margin-bottom: 2px; }
        @media (max-width: 760px) { .pair { grid-template-columns: 1fr; } }
        .pointer summary { cursor: pointer; } .pointer .conversation { margin: 4px 0 6px 16px; }
        .pointers { margin-top: 6px; border-top: 1px dashed var(--line); padding-top: 4px; font-size: 13px; }
        """#
}
