// Every user-visible string of the map pages, Chinese first, plus the language state.
// Field titles come from /api/layers; only UI text and enum values live here.

const STRINGS = {
    'app.title': { zh: '安全生产风险一张图', en: 'Work-safety risk map' },
    'app.region': { zh: '山东省济宁市兖州区', en: 'Yanzhou District, Jining, Shandong' },
    'lang.switch': { zh: 'English', en: '中文' },
    'lang.switch.title': { zh: 'Switch to English', en: '切换到中文' },
    'notice.demo': {
        zh: '演示数据：企业、园区、隐患、农村公路与桥梁为生成数据；乡镇范围为近似。',
        en: 'Demo data: enterprises, parks, hazards, rural roads and bridges are generated; township extents are approximate.',
    },
    'panel.layers': { zh: '图层', en: 'Layers' },
    'panel.hide': { zh: '收起', en: 'Hide' },
    'panel.show': { zh: '图层与图例', en: 'Layers & legend' },
    'panel.loading': { zh: '正在加载…', en: 'Loading…' },
    'layer.zoom_in': { zh: '放大到 {z} 级后显示', en: 'Shown from zoom {z}' },
    'legend.township': { zh: '乡镇/街道', en: 'Township / street' },
    'legend.township_approx': { zh: '乡镇边界（近似）', en: 'Township boundary (approximate)' },
    'legend.county': { zh: '区县边界', en: 'District boundary' },
    'legend.railway': { zh: '铁路', en: 'Railway' },
    'legend.village': { zh: '村委会/居委会', en: 'Village / community committee' },
    'legend.hazard_closed': { zh: '已闭环或已驳回', en: 'Closed or rejected' },
    'legend.major_hazard_source': { zh: '大圆：重大危险源', en: 'Large circle: major hazard source' },
    'popup.generated': { zh: '生成数据', en: 'Generated' },
    'popup.approximate': { zh: '近似', en: 'Approximate' },
    'popup.overdue': { zh: '已逾期', en: 'Overdue' },
    'popup.cluster': { zh: '此处聚合 {n} 个，请放大查看', en: '{n} here together; zoom in to see each' },
    'popup.more': { zh: '此处另有 {n} 个要素，请放大查看', en: '{n} more here; zoom in to see them' },
    'popup.close': { zh: '关闭', en: 'Close' },
    'value.true': { zh: '是', en: 'Yes' },
    'value.false': { zh: '否', en: 'No' },
    'error.load': { zh: '地图加载失败：{msg}', en: 'The map failed to load: {msg}' },
    // Risk layers: switcher, legends, controls.
    'panel.group.risk': { zh: '风险图层', en: 'Risk layers' },
    'panel.group.base': { zh: '基础图层', en: 'Base layers' },
    'switch.hazards_heatmap': { zh: '隐患热力图', en: 'Hazard heat map' },
    'switch.hazards_heatmap.description': {
        zh: '未闭环隐患的热力分布，重大隐患权重更高',
        en: 'Heat map of open hidden dangers; major ones weigh more',
    },
    'legend.heatmap': { zh: '隐患密集程度（低 → 高）', en: 'Hazard concentration (low → high)' },
    'legend.heatmap_note': { zh: '仅含未闭环隐患', en: 'Open hazards only' },
    'legend.zoning_note': { zh: '按区内企业等级与隐患计算风险指数', en: 'Risk index from enterprise grades and hazards inside' },
    'legend.grid_note': { zh: '1 km 网格', en: '1 km grid cells' },
    'legend.density_note': { zh: '无隐患的格子不着色', en: 'Cells without hazards are not drawn' },
    'legend.category': { zh: '当前行业：{category}', en: 'Industry shown: {category}' },
    'legend.version': { zh: '历史版本：{time}', en: 'Past version: {time}' },
    'risk.controls': { zh: '风险视图', en: 'Risk view' },
    'risk.category': { zh: '行业', en: 'Industry' },
    'risk.version': { zh: '计算版本', en: 'Version' },
    'risk.version.latest': { zh: '最新（{time}）', en: 'Latest ({time})' },
    'risk.version.option': { zh: '{time} · {kind}', en: '{time} · {kind}' },
    'risk.version.none': { zh: '尚未计算', en: 'Not computed yet' },
    'risk.version.pinned': { zh: '正在查看历史版本 {time}', en: 'Showing the version of {time}' },
    'risk.version.live': { zh: '显示最新结果，计算于 {time}', en: 'Showing the latest result, computed {time}' },
    'risk.version.unavailable': { zh: '无法读取计算版本', en: 'Versions unavailable' },
    'run.full': { zh: '全量', en: 'full' },
    'run.incremental': { zh: '增量', en: 'incremental' },
    // Explanations in popups (/api/explain).
    'explain.loading': { zh: '正在读取计分说明…', en: 'Loading the working…' },
    'explain.failed': { zh: '计分说明不可用：{msg}', en: 'Working unavailable: {msg}' },
    'explain.heading': { zh: '判定依据', en: 'How this was graded' },
    'explain.grade': { zh: '等级', en: 'Grade' },
    'explain.score': { zh: '得分', en: 'Score' },
    'explain.score_of': { zh: '{score}（满分 {base}，越高越安全）', en: '{score} of {base} (higher is safer)' },
    'explain.score_grade': { zh: '按得分', en: 'By score' },
    'explain.model': { zh: '模型', en: 'Model' },
    'explain.version': { zh: '计算版本', en: 'Run' },
    'explain.factor': { zh: '因子', en: 'Factor' },
    'explain.input': { zh: '取值', en: 'Input' },
    'explain.points': { zh: '扣分', en: 'Points' },
    'explain.hard_rules': { zh: '直接判定（已触发）', en: 'Hard rules that fired' },
    'explain.no_hard_rules': { zh: '未触发直接判定规则', en: 'No hard rule fired' },
    'explain.uncertain': { zh: '※ 依据待核实（模型占位或回忆条文）', en: '※ Basis to be verified (placeholder or recalled text)' },
    'explain.uncertain_mark': { zh: '依据待核实', en: 'Basis to be verified' },
    'explain.risk_index': { zh: '风险指数 RI', en: 'Risk index RI' },
    'explain.hazard_index': { zh: '固有危险 H', en: 'Hazard index H' },
    'explain.control': { zh: '管控系数 g', en: 'Control multiplier g' },
    'explain.by_colour': { zh: '企业等级分布', en: 'Enterprises by grade' },
    'explain.top': { zh: '主要贡献企业', en: 'Top contributors' },
    'explain.contribution': { zh: '贡献', en: 'Contribution' },
    'explain.band_rule': { zh: '分级规则', en: 'Band rule' },
    'explain.bands_source': { zh: '分级依据', en: 'Bands from' },
    'explain.notes': { zh: '计算过程', en: 'Working' },
    'explain.density': { zh: '隐患密度', en: 'Hazard density' },
    'explain.density_value': { zh: '{value} /km²', en: '{value} per km²' },
    'explain.kernel': { zh: '核函数', en: 'Kernel' },
    'explain.cell': { zh: '格网', en: 'Cell size' },
    'explain.cell_value': { zh: '{value} 米', en: '{value} m' },
    // Rural roads: switcher group, legends, popups.
    'panel.group.roads': { zh: '农村公路', en: 'Rural roads' },
    'legend.waterway': { zh: '河流、沟渠（生成）', en: 'Rivers and canals (generated)' },
    'legend.premises_status': { zh: '白边：在用；黑边：闲置；淡色：已拆除', en: 'White edge: in use; black edge: idle; faint: demolished' },
    'legend.roads_generated': { zh: '线宽：县道 > 乡道 > 村道', en: 'Width: county > township > village road' },
    'legend.works_gap': { zh: '未处治区间', en: 'Untreated stretch' },
    'legend.works_gap_note': { zh: '隐患路段中尚无已完工安防工程的桩号区间', en: 'Stakes of risky segments with no completed safety works' },
    'legend.works_note': { zh: '实线：已完工/已验收（计为已处治）；虚线：计划/在建', en: 'Solid: completed/accepted (counts as treated); dashed: planned/in works' },
    'legend.bridge_overdue': { zh: '深色粗边：逾期未处置', en: 'Dark thick edge: overdue' },
    'legend.bridge_no_interim': { zh: '黑色外圈：未采取临时管控措施', en: 'Black outer ring: no interim measure' },
    'legend.bridge_note': { zh: '危桥：四、五类且评定后未处置', en: 'Danger bridge: class 4/5, not treated since rated' },
    'popup.danger': { zh: '危桥', en: 'Danger bridge' },
    'popup.no_interim': { zh: '未采取临时管控', en: 'No interim measure' },
    'popup.stakes': { zh: '桩号范围', en: 'Stakes' },
    // The rural-roads page (/roads).
    'link.roads': { zh: '农村公路：处治率、危桥与桥梁清单 →', en: 'Rural roads: coverage, danger bridges, bridge list →' },
    'roads.title': { zh: '农村公路安全', en: 'Rural road safety' },
    'roads.back': { zh: '← 风险一张图', en: '← Risk map' },
    'roads.loading': { zh: '正在加载…', en: 'Loading…' },
    'roads.failed': { zh: '读取失败：{msg}', en: 'Could not load: {msg}' },
    'roads.csv': { zh: '下载 CSV', en: 'Download CSV' },
    'roads.total': { zh: '合计', en: 'Total' },
    'roads.none': { zh: '—', en: '—' },
    'roads.coverage.heading': { zh: '安全生命防护工程处治率（按乡镇）', en: 'Safety works coverage by township' },
    'roads.coverage.township': { zh: '乡镇/街道', en: 'Township' },
    'roads.coverage.identified': { zh: '隐患路段（km）', en: 'Identified (km)' },
    'roads.coverage.treated': { zh: '已处治（km）', en: 'Treated (km)' },
    'roads.coverage.ratio': { zh: '处治率', en: 'Coverage' },
    'roads.coverage.gap': { zh: '未处治（km）', en: 'Gap (km)' },
    'roads.coverage.note': {
        zh: '只计已完工或已验收工程，重叠工程只计一次；共 {segments} 个隐患路段、{gaps} 个未处治区间。',
        en: 'Only completed or accepted works count, overlaps once; {segments} risky segments, {gaps} untreated stretches.',
    },
    'roads.tracker.heading': { zh: '危桥动态清零（按乡镇）', en: 'Danger bridges by township' },
    'roads.tracker.township': { zh: '乡镇/街道', en: 'Township' },
    'roads.tracker.zero': { zh: '动态清零', en: 'Dynamic zero' },
    'roads.tracker.danger': { zh: '现有危桥', en: 'Danger now' },
    'roads.tracker.overdue': { zh: '逾期', en: 'Overdue' },
    'roads.tracker.cleared': { zh: '本年已处置', en: 'Cleared this year' },
    'roads.tracker.new': { zh: '本年新增', en: 'Newly found' },
    'roads.tracker.note': { zh: '判定日期 {as_of}；“本年”自 {since} 起。', en: 'As of {as_of}; “this year” from {since}.' },
    'roads.tracker.csv': { zh: '下载危桥清单 CSV', en: 'Download the danger-bridge list (CSV)' },
    'roads.bridges.heading': { zh: '桥梁清单', en: 'Bridge list' },
    'roads.bridges.all_classes': { zh: '全部等级', en: 'All classes' },
    'roads.bridges.all_states': { zh: '全部状态', en: 'All states' },
    'roads.bridges.all_townships': { zh: '全部乡镇', en: 'All townships' },
    'roads.bridges.search': { zh: '编码或名称', en: 'Code or name' },
    'roads.bridges.count': { zh: '显示 {shown} / {total} 座', en: '{shown} of {total} bridges' },
    'roads.bridges.code': { zh: '编码', en: 'Code' },
    'roads.bridges.name': { zh: '名称', en: 'Name' },
    'roads.bridges.route': { zh: '路线', en: 'Route' },
    'roads.bridges.stake': { zh: '桩号', en: 'Stake' },
    'roads.bridges.class': { zh: '等级', en: 'Class' },
    'roads.bridges.state': { zh: '状态', en: 'State' },
    'roads.bridges.township': { zh: '乡镇', en: 'Township' },
    'roads.bridges.outside': { zh: '（区外或未定位）', en: '(outside or unplaced)' },
    'roads.detail.close': { zh: '关闭', en: 'Close' },
    'roads.detail.loading': { zh: '正在读取桥梁详情…', en: 'Loading the bridge…' },
    'roads.detail.inspections': { zh: '检查记录', en: 'Inspection history' },
    'roads.detail.no_inspections': { zh: '无检查记录', en: 'No inspections recorded' },
    'roads.detail.date': { zh: '日期', en: 'Date' },
    'roads.detail.kind': { zh: '类型', en: 'Kind' },
    'roads.detail.class': { zh: '等级', en: 'Class' },
    'roads.detail.dr': { zh: 'Dr', en: 'Dr' },
    'roads.detail.note': { zh: '备注', en: 'Note' },
    'roads.field.route_name': { zh: '路线名称', en: 'Route name' },
    'roads.field.centre_m': { zh: '中心里程（米）', en: 'Centre (m from origin)' },
    'roads.field.max_span_m': { zh: '最大跨径（米）', en: 'Longest span (m)' },
    'roads.field.structure_type': { zh: '结构类型', en: 'Structure' },
    'roads.field.built_year': { zh: '建成年份', en: 'Built' },
    'roads.field.note': { zh: '备注', en: 'Note' },
    'roads.field.township_name': { zh: '所在乡镇', en: 'Township' },
    'roads.field.township_code': { zh: '乡镇代码', en: 'Township code' },
    'roads.field.position': { zh: '位置（经度, 纬度）', en: 'Position (lon, lat)' },
    // The import page (/imports).
    'link.imports': { zh: '数据导入：上传企业、园区、隐患等文件 →', en: 'Import data: upload enterprises, parks, hazards… →' },
    'imports.title': { zh: '数据导入', en: 'Data import' },
    'imports.back': { zh: '← 风险一张图', en: '← Risk map' },
    'imports.intro': {
        zh: '支持 GeoPackage、压缩的 Shapefile（.zip）、GeoJSON、CSV/XLSX（经度/纬度或 WKT 列）、KML/KMZ、FlatGeobuf。先“检查”查看识别结果，确认无误再“导入”；默认有任何错误行则整个文件不写入。',
        en: 'GeoPackage, zipped Shapefile (.zip), GeoJSON, CSV/XLSX (lon/lat or WKT columns), KML/KMZ and FlatGeobuf. "Check" shows what was detected; "Import" writes. By default one bad row means nothing is written.',
    },
    'imports.file': { zh: '文件', en: 'File' },
    'imports.kind': { zh: '数据类型', en: 'Kind' },
    'imports.options': { zh: '更多选项', en: 'More options' },
    'imports.crs': { zh: '坐标系', en: 'CRS' },
    'imports.crs.hint': { zh: '留空则用文件自带坐标系；如 EPSG:4549（CGCS2000 3° 带）', en: 'Empty: the file\'s own CRS; e.g. EPSG:4549 (CGCS2000 3° zone)' },
    'imports.gcj02': { zh: '坐标取自国内网络地图（GCJ-02，需纠偏）', en: 'Coordinates from a Chinese web map (GCJ-02, to be corrected)' },
    'imports.accept_partial': { zh: '跳过错误行，只导入有效行', en: 'Skip bad rows, import the valid ones' },
    'imports.layer': { zh: '图层', en: 'Layer' },
    'imports.layer.hint': { zh: '多图层文件中要读取的图层；留空读第一个', en: 'The layer to read in a multi-layer file; empty: the first' },
    'imports.encoding': { zh: '字符编码', en: 'Encoding' },
    'imports.encoding.hint': { zh: '无 .cpg 的 Shapefile 的编码，如 GBK；留空自动识别', en: 'Encoding of a Shapefile without .cpg, e.g. GBK; empty: detect' },
    'imports.mapping': { zh: '字段映射（JSON）', en: 'Field mapping (JSON)' },
    'imports.check': { zh: '检查', en: 'Check' },
    'imports.commit': { zh: '导入', en: 'Import' },
    'imports.no_file': { zh: '请先选择文件', en: 'Choose a file first' },
    'imports.failed': { zh: '导入请求失败：{msg}', en: 'The import request failed: {msg}' },
    'imports.progress': { zh: '{stage}：已读 {rows} 行（{pct}%）', en: '{stage}: {rows} rows read ({pct}%)' },
    'imports.stage.queued': { zh: '排队中', en: 'Queued' },
    'imports.stage.running': { zh: '处理中', en: 'Running' },
    'imports.stage.reading': { zh: '读取校验中', en: 'Reading and checking' },
    'imports.stage.merging': { zh: '写入中', en: 'Merging' },
    'imports.stage.done': { zh: '完成', en: 'Done' },
    'imports.result.check': { zh: '检查结果（未写入数据库）', en: 'Check result (nothing written)' },
    'imports.result.import': { zh: '导入结果', en: 'Import result' },
    'imports.outcome.dry_run': {
        zh: '检查完成：共 {read} 行，有效 {valid} 行，问题 {rejected} 行。未写入数据库。',
        en: 'Checked: {read} rows, {valid} valid, {rejected} rejected. Nothing was written.',
    },
    'imports.outcome.committed': {
        zh: '已导入：新增 {inserted}，更新 {updated}，未变 {unchanged}，跳过问题行 {rejected}。',
        en: 'Imported: {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rejected rows skipped.',
    },
    'imports.outcome.rejected': {
        zh: '未导入：{rejected} 行有问题，整个文件均未写入。请修正后重试，或勾选“跳过错误行”。',
        en: 'Not imported: {rejected} rows are bad, so nothing was written. Fix them, or tick "Skip bad rows".',
    },
    'imports.outcome.failed': { zh: '无法导入：{msg}', en: 'Cannot import: {msg}' },
    'imports.outcome_short.committed': { zh: '已导入', en: 'Imported' },
    'imports.outcome_short.dry_run': { zh: '已检查', en: 'Checked' },
    'imports.outcome_short.rejected': { zh: '有问题行，未导入', en: 'Rejected rows, nothing written' },
    'imports.outcome_short.failed': { zh: '失败', en: 'Failed' },
    'imports.outcome_short.rejects': { zh: '（问题 {n} 行）', en: ' ({n} rows rejected)' },
    'imports.fact.file': { zh: '文件', en: 'File' },
    'imports.fact.driver': { zh: '格式（GDAL 驱动）', en: 'Format (GDAL driver)' },
    'imports.fact.layer': { zh: '图层', en: 'Layer' },
    'imports.fact.encoding': { zh: '字符编码', en: 'Encoding' },
    'imports.fact.crs': { zh: '坐标系', en: 'CRS' },
    'imports.fact.gcj02': { zh: 'GCJ-02 纠偏', en: 'GCJ-02 corrected' },
    'imports.fact.seconds': { zh: '用时', en: 'Time' },
    'imports.crs_from.file': { zh: '文件自带', en: 'from the file' },
    'imports.crs_from.option': { zh: '手动指定', en: 'as given' },
    'imports.crs_from.detected': { zh: '按坐标识别', en: 'detected from the coordinates' },
    'imports.crs_from.assumed': { zh: '默认经纬度', en: 'assumed lon/lat' },
    'imports.columns': { zh: '字段对应', en: 'Columns' },
    'imports.column': { zh: '文件中的列', en: 'Column in the file' },
    'imports.field': { zh: '对应字段', en: 'Model field' },
    'imports.unused': { zh: '（未使用）', en: '(not used)' },
    'imports.missing': { zh: '缺少必填字段：{fields}', en: 'Required fields missing: {fields}' },
    'imports.all_required': { zh: '必填字段均已对应。', en: 'Every required field has a column.' },
    'imports.counts': { zh: '数量', en: 'Counts' },
    'imports.count.read': { zh: '读取', en: 'Read' },
    'imports.count.valid': { zh: '有效', en: 'Valid' },
    'imports.count.repaired': { zh: '已修复', en: 'Repaired' },
    'imports.count.rejected': { zh: '问题行', en: 'Rejected' },
    'imports.count.inserted': { zh: '新增', en: 'Inserted' },
    'imports.count.updated': { zh: '更新', en: 'Updated' },
    'imports.count.unchanged': { zh: '未变', en: 'Unchanged' },
    'imports.rejects': { zh: '问题行', en: 'Rejected rows' },
    'imports.rejects.csv': { zh: '下载 CSV', en: 'Download CSV' },
    'imports.row': { zh: '行号', en: 'Row' },
    'imports.reject.field': { zh: '字段', en: 'Field' },
    'imports.reason': { zh: '原因', en: 'Reason' },
    'imports.repaired': { zh: '第 {row} 行已修复：{reason}', en: 'Row {row} repaired: {reason}' },
    'imports.recent': { zh: '最近的导入', en: 'Recent imports' },
    'imports.recent.time': { zh: '时间', en: 'Time' },
    'imports.recent.outcome': { zh: '结果', en: 'Outcome' },
    'imports.kind.enterprises': { zh: '企业', en: 'Enterprises' },
    'imports.kind.parks': { zh: '园区', en: 'Parks' },
    'imports.kind.regions': { zh: '行政区划', en: 'Regions' },
    'imports.kind.hazards': { zh: '隐患', en: 'Hidden dangers' },
    'imports.kind.bridges': { zh: '桥梁', en: 'Bridges' },
    'imports.kind.road-risk-segments': { zh: '隐患路段', en: 'Risky road segments' },
    'imports.kind.safety-works': { zh: '安全生命防护工程', en: 'Safety works' },
    'imports.kind.roads': { zh: '农村公路', en: 'Rural roads' },
    'imports.kind.premises': { zh: '场所', en: 'Premises' },
};

// Enum values by property name (the same names as in tiles/layers/*.json).
const ENUMS = {
    supervision_category: {
        hazardous_chemicals: { zh: '危险化学品', en: 'Hazardous chemicals' },
        coal_mine: { zh: '煤矿', en: 'Coal mine' },
        non_coal_mine: { zh: '非煤矿山', en: 'Non-coal mine' },
        industry_trade: { zh: '工贸', en: 'Industry and trade' },
        fireworks: { zh: '烟花爆竹', en: 'Fireworks' },
        construction: { zh: '建筑施工', en: 'Construction' },
        gas: { zh: '燃气', en: 'Gas' },
        transport: { zh: '交通运输', en: 'Transport' },
        oil_depot: { zh: '油库', en: 'Oil depot' },
    },
    level: {
        major: { zh: '重大隐患', en: 'Major' },
        general: { zh: '一般隐患', en: 'General' },
    },
    status: {
        reported: { zh: '已上报', en: 'Reported' },
        verified: { zh: '已核实', en: 'Verified' },
        rectifying: { zh: '整改中', en: 'Being rectified' },
        awaiting_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
        closed: { zh: '已闭环', en: 'Closed' },
        rejected: { zh: '已驳回', en: 'Rejected' },
    },
    channel: {
        self_report: { zh: '企业自查', en: 'Self-report' },
        inspection: { zh: '执法检查', en: 'Inspection' },
        public_tip: { zh: '群众举报', en: 'Public tip' },
    },
    park_type: {
        chemical: { zh: '化工园区', en: 'Chemical park' },
        industrial: { zh: '工业园区', en: 'Industrial park' },
    },
    kind: {
        county: { zh: '区县', en: 'District' },
        township: { zh: '乡镇/街道', en: 'Township / street' },
    },
    // Risk grades: the four colours and the park classes (A = highest risk).
    colour: {
        red: { zh: '重大风险（红）', en: 'Major (red)' },
        orange: { zh: '较大风险（橙）', en: 'Large (orange)' },
        yellow: { zh: '一般风险（黄）', en: 'General (yellow)' },
        blue: { zh: '低风险（蓝）', en: 'Low (blue)' },
    },
    density_colour: {
        red: { zh: '高密度（红）', en: 'Very dense (red)' },
        orange: { zh: '较高密度（橙）', en: 'Dense (orange)' },
        yellow: { zh: '中等密度（黄）', en: 'Moderate (yellow)' },
        blue: { zh: '低密度（蓝）', en: 'Sparse (blue)' },
    },
    grade: {
        A: { zh: 'A类（高安全风险）', en: 'A (high risk)' },
        B: { zh: 'B类（较高安全风险）', en: 'B (fairly high risk)' },
        C: { zh: 'C类（一般安全风险）', en: 'C (general risk)' },
        D: { zh: 'D类（较低安全风险）', en: 'D (low risk)' },
    },
    category: {
        all: { zh: '全部行业', en: 'All industries' },
    },
    // Rural roads. Names shared with other layers are scoped "<layer>.<property>" (enumLabel's scope).
    'road_routes.admin_level': {
        G: { zh: '国道', en: 'National road' },
        S: { zh: '省道', en: 'Provincial road' },
        X: { zh: '县道', en: 'County road' },
        Y: { zh: '乡道', en: 'Township road' },
        C: { zh: '村道', en: 'Village road' },
        Z: { zh: '专用公路', en: 'Special-purpose road' },
    },
    'road_risk_segments.type': {
        PJLK: { zh: '平交路口', en: 'Level crossing / junction' },
        CCGZ: { zh: '穿村过镇', en: 'Through village or town' },
        LSLY: { zh: '临水临崖', en: 'Near water or cliff' },
        JWDP: { zh: '急弯陡坡', en: 'Sharp bend, steep grade' },
        LXCXP: { zh: '连续长下坡', en: 'Long continuous downgrade' },
        SJBL: { zh: '视距不良', en: 'Poor sight distance' },
        SGDF: { zh: '事故多发', en: 'Accident black spot' },
        QLTX: { zh: '桥隧连接', en: 'Bridge or tunnel approach' },
    },
    'road_risk_segments.source': {
        imported: { zh: '排查导入', en: 'Imported (survey)' },
        derived: { zh: '空间推导', en: 'Derived' },
    },
    'safety_works.kind': {
        guardrail: { zh: '护栏', en: 'Guardrail' },
        signs: { zh: '标志', en: 'Signs' },
        markings: { zh: '标线', en: 'Markings' },
        speed_bumps: { zh: '减速带', en: 'Speed bumps' },
        lighting: { zh: '照明', en: 'Lighting' },
        other: { zh: '其他', en: 'Other' },
    },
    'safety_works.status': {
        planned: { zh: '计划', en: 'Planned' },
        in_works: { zh: '在建', en: 'In works' },
        completed: { zh: '已完工', en: 'Completed' },
        accepted: { zh: '已验收', en: 'Accepted' },
    },
    'bridges.condition_class': {
        1: { zh: '一类', en: 'Class 1' },
        2: { zh: '二类', en: 'Class 2' },
        3: { zh: '三类', en: 'Class 3' },
        4: { zh: '四类', en: 'Class 4' },
        5: { zh: '五类', en: 'Class 5' },
    },
    'bridges.state': {
        overdue: { zh: '危桥·逾期未处置', en: 'Danger bridge, overdue' },
        danger: { zh: '危桥·待处置', en: 'Danger bridge, to be treated' },
        treated: { zh: '已处置', en: 'Treated' },
        normal: { zh: '正常', en: 'Normal' },
    },
    'bridges.status': {
        in_service: { zh: '正常通行', en: 'In service' },
        restricted: { zh: '限载限行', en: 'Restricted' },
        closed: { zh: '封闭交通', en: 'Closed to traffic' },
        in_works: { zh: '施工中', en: 'In works' },
        treated: { zh: '已处置', en: 'Treated' },
        demolished: { zh: '已拆除', en: 'Demolished' },
    },
    'bridges.interim_measure': {
        none: { zh: '无', en: 'None' },
        load_limit: { zh: '限载', en: 'Load limit' },
        speed_limit: { zh: '限速', en: 'Speed limit' },
        closed: { zh: '封闭交通', en: 'Closed' },
        detour: { zh: '绕行', en: 'Detour' },
    },
    'bridges.treatment': {
        repair: { zh: '维修加固', en: 'Repair and strengthen' },
        reconstruct: { zh: '拆除重建', en: 'Rebuild' },
        demolish: { zh: '拆除', en: 'Demolish' },
        load_restrict: { zh: '限载限行', en: 'Load restriction' },
    },
    'bridges.structure_type': {
        slab: { zh: '板桥', en: 'Slab' },
        beam: { zh: '梁桥', en: 'Beam' },
        arch: { zh: '拱桥', en: 'Arch' },
        truss: { zh: '桁架桥', en: 'Truss' },
        rigid_frame: { zh: '刚构桥', en: 'Rigid frame' },
        cable: { zh: '索桥', en: 'Cable-supported' },
        other: { zh: '其他', en: 'Other' },
    },
    'bridge_inspections.kind': {
        routine: { zh: '经常检查', en: 'Routine' },
        periodic: { zh: '定期检查', en: 'Periodic' },
        special: { zh: '特殊检查', en: 'Special' },
    },
    // The bridge circle's colour classes (a case over state and class in the style).
    bridge_colour: {
        danger: { zh: '危桥（四、五类未处置）', en: 'Danger bridge (class 4/5, untreated)' },
        class3: { zh: '三类桥', en: 'Class 3 bridge' },
        ok: { zh: '一、二类或已处置', en: 'Class 1/2 or treated' },
    },
    'premises.kind': {
        rental_house: { zh: '出租屋', en: 'Rental house' },
        idle_courtyard: { zh: '闲置院落', en: 'Idle courtyard' },
        abandoned_plant: { zh: '废弃厂房', en: 'Abandoned plant' },
    },
    'premises.status': {
        idle: { zh: '闲置', en: 'Idle' },
        in_use: { zh: '在用', en: 'In use' },
        demolished: { zh: '已拆除', en: 'Demolished' },
    },
    'waterways.kind': {
        river: { zh: '河流', en: 'River' },
        stream: { zh: '溪流', en: 'Stream' },
        canal: { zh: '沟渠', en: 'Canal' },
        reservoir: { zh: '水库', en: 'Reservoir' },
    },
    major_hazard_level: {
        1: { zh: '一级', en: 'Level 1' },
        2: { zh: '二级', en: 'Level 2' },
        3: { zh: '三级', en: 'Level 3' },
        4: { zh: '四级', en: 'Level 4' },
    },
};

// Properties that share another's values.
ENUMS['road_works_gaps.type'] = ENUMS['road_risk_segments.type'];
ENUMS.score_colour = ENUMS.colour;
ENUMS.score_grade = ENUMS.grade;
Object.assign(ENUMS.category, ENUMS.supervision_category);

/** The supervision categories, in the order the industry filter lists them. */
export const CATEGORIES = Object.keys(ENUMS.category);

export const LANGS = ['zh', 'en'];
const STORAGE_KEY = 'riskatlas.lang';
const listeners = [];

// ?lang= wins over the remembered choice so that links can force a language.
function initialLang() {
    const fromUrl = new URLSearchParams(location.search).get('lang');
    if (LANGS.includes(fromUrl)) {
        remember(fromUrl);
        return fromUrl;
    }
    const stored = recall();
    return LANGS.includes(stored) ? stored : 'zh';
}

// localStorage throws in some privacy modes; the page must still work without it.
function remember(value) {
    try { localStorage.setItem(STORAGE_KEY, value); } catch { /* not remembered */ }
}
function recall() {
    try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

let current = initialLang();
document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';

export function lang() {
    return current;
}

export function setLang(value) {
    if (!LANGS.includes(value) || value === current) return;
    current = value;
    remember(value);
    document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
    // Keep the address bar in step so a reload or a shared link shows the same language.
    const url = new URL(location.href);
    url.searchParams.set('lang', value);
    history.replaceState(null, '', url);
    for (const fn of listeners) fn(value);
}

export function onLangChange(fn) {
    listeners.push(fn);
}

/** Picks the current language out of a {zh, en} object from the server. */
export function localized(obj) {
    if (obj == null || typeof obj !== 'object') return obj == null ? '' : String(obj);
    return obj[current] ?? obj.zh ?? obj.en ?? '';
}

export function t(key, vars = {}) {
    const entry = STRINGS[key];
    const text = entry ? localized(entry) : key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

// A layer's own values ("safety_works.status") before the shared ones of the same name.
function enumOf(prop, scope) {
    return (scope && ENUMS[`${scope}.${prop}`]) || ENUMS[prop];
}

/** scope: the registry layer id, for properties whose values differ between layers. */
export function hasEnum(prop, scope = null) {
    return enumOf(prop, scope) !== undefined;
}

/** Translated enum value, or the raw value when the enum or value is unknown. */
export function enumLabel(prop, value, scope = null) {
    const entry = enumOf(prop, scope)?.[value];
    return entry ? localized(entry) : String(value);
}

/** Sets textContent of every [data-i18n] element under root. */
export function applyStatic(root = document) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}
